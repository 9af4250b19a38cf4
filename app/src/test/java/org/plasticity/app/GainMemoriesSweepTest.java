package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed 200-point gain x memories sweep runs from the CLI (about a minute on 2 cores) and shows the paper's
 * trends: learning speed rises with the gain beta at every number of memories M, and does not fall with M.
 */
@Tag("slow") // outside the fast tier (mvn -Pfast): the 200-point sweep (one to three minutes)
class GainMemoriesSweepTest {
    @TempDir
    Path tmp;

    @Test
    void twoHundredPointsShowTheTrends() throws Exception {
        Path spec = Path.of("..", "sweeps", "gain-memories.yaml");
        Path out = tmp.resolve("gm");
        CliTest.Run r = CliTest.run("sweep", "--spec", spec.toString(), "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(201, rows.size());
        List<String> header = List.of(rows.get(0).split(","));
        int beta = header.indexOf("network.beta");
        int m = header.indexOf("network.memories");
        int speed = header.indexOf("mean_measured_speed");
        TreeMap<Integer, TreeMap<Double, Double>> bySpeed = new TreeMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            bySpeed.computeIfAbsent(Integer.parseInt(c[m]), k -> new TreeMap<>())
                    .put(Double.parseDouble(c[beta]), Double.parseDouble(c[speed]));
        }
        double[] meanOverBeta = new double[bySpeed.size()];
        for (var e : bySpeed.entrySet()) {
            TreeMap<Double, Double> s = e.getValue();
            assertTrue(s.lastEntry().getValue() > 3 * s.firstEntry().getValue(),
                    "M=" + e.getKey() + ": speed at the top gain " + s.lastEntry().getValue() + " vs lowest "
                            + s.firstEntry().getValue());
            meanOverBeta[e.getKey()] = s.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }
        double low = (meanOverBeta[0] + meanOverBeta[1] + meanOverBeta[2]) / 3;
        double high = (meanOverBeta[7] + meanOverBeta[8] + meanOverBeta[9]) / 3;
        assertTrue(high > low, "speed does not fall with M: " + low + " (M 0-2) vs " + high + " (M 7-9)");
        assertTrue(Files.size(out.resolve("mean_measured_speed-network.beta-network.memories.png")) > 5000);
    }
}
