package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.stats.Summary;

/**
 * {@code observability} end to end on a small network: the files and keys, a table whose means and spreads are those
 * of the per-repeat values it lists, the CSV equal to the table, the same bytes at 1 and 2 threads, and bad options
 * (K above N, K below 2, fewer than 2 samples, one repeat) as one line, exit 2 and nothing written.
 */
class ObservabilityCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String CONFIG = """
            seed: 5
            network: {n: 20, memories: 3, beta: 0.6, sigma: 0.2, dt: 0.05}
            simulation: {burn_in: 20, duration: 100, trials: 4, sample_every: 5}
            task: {type: io-mapping, gamma: 0.1, count: 6}
            rule: hebbian
            speed: {method: quasi-static}
            """;

    @TempDir
    Path tmp;
    Path config;

    @BeforeEach
    void write() throws IOException {
        config = tmp.resolve("small.yaml");
        Files.writeString(config, CONFIG);
    }

    String[] args(Path out, String threads, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("observability", "--config", config.toString(), "--neurons",
                "3,10,20", "--samples", "50,400", "--repeats", "4", "-q", "--threads", threads, "--out",
                out.toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void filesKeysAndTheSameBytesAtAnyThreadCount() throws IOException {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        CliTest.Run r = CliTest.run(args(one, "1"));
        assertEquals(0, r.code(), r.err());
        assertEquals(0, CliTest.run(args(two, "2")).code());
        for (String f : List.of("summary.json", "observability.csv", "observability.png", "report.html",
                "results.md")) {
            assertTrue(Files.size(one.resolve(f)) > 0, f);
        }
        assertArrayEquals(Files.readAllBytes(one.resolve("summary.json")), Files.readAllBytes(two.resolve("summary.json")));
        assertArrayEquals(Files.readAllBytes(one.resolve("observability.csv")),
                Files.readAllBytes(two.resolve("observability.csv")));
        assertTrue(r.out().contains("| K \\ samples |"), r.out());

        JsonNode s = JSON.readTree(one.resolve("summary.json").toFile());
        for (String key : List.of("command", "version", "seed", "units", "tasks", "estimator", "repeats", "neurons",
                "samples", "recording", "experiment", "table", "config")) {
            assertTrue(s.has(key), key);
        }
        assertEquals(20, s.get("units").asInt());
        assertEquals(6, s.get("experiment").get("tasks").size());
        JsonNode table = s.get("table");
        assertEquals(6, table.size());
        List<String> csv = Files.readAllLines(one.resolve("observability.csv"));
        assertEquals(ObservabilityWriter.CSV_HEADER, csv.get(0));
        double tau = s.get("recording").get("autocorrelation_time_samples").asDouble();
        for (int i = 0; i < table.size(); i++) {
            JsonNode row = table.get(i);
            assertEquals(new int[] {3, 3, 10, 10, 20, 20}[i], row.get("neurons").asInt());
            assertEquals(new int[] {50, 400}[i % 2], row.get("samples").asInt());
            double[] each = new double[4];
            for (int j = 0; j < 4; j++) {
                each[j] = row.get("spearman").get(j).asDouble();
                assertTrue(each[j] >= -1 && each[j] <= 1, "a rank correlation");
            }
            assertEquals(Summary.mean(each), row.get("spearman_mean").asDouble(), 1e-15);
            assertEquals(Summary.sd(each), row.get("spearman_sd").asDouble(), 1e-15);
            assertEquals(row.get("samples").asDouble() / tau, row.get("samples_in_autocorrelation_times").asDouble(),
                    1e-12);
            assertEquals(row.get("samples").asDouble() * 0.25, row.get("duration").asDouble(), 1e-12);
            String[] cells = csv.get(i + 1).split(",");
            assertEquals(row.get("spearman_mean").asDouble(), Double.parseDouble(cells[4]), 0);
        }
    }

    @Test
    void badOptionsAreOneLineExitTwoAndWriteNothing() {
        String[][] bad = {{"--neurons", "5,21"}, {"--neurons", "1,5"}, {"--samples", "1,100"}, {"--repeats", "1"},
            {"--neurons", "5,5"}, {"--estimator", "nope"}};
        String[] field = {"--neurons", "--neurons", "--samples", "--repeats", "--neurons", "--estimator"};
        for (int i = 0; i < bad.length; i++) {
            Path out = tmp.resolve("bad" + i);
            List<String> a = new java.util.ArrayList<>(List.of("observability", "--config", config.toString(),
                    "--out", out.toString(), "-q"));
            a.addAll(List.of(bad[i]));
            CliTest.Run r = CliTest.run(a.toArray(String[]::new));
            assertEquals(2, r.code(), String.join(" ", bad[i]) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(field[i]), r.err());
            assertFalse(Files.exists(out), "nothing written");
        }
    }
}
