package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.stats.StudentT;

/**
 * {@code brainlike} on a small recipe (Fashion-MNIST subset, one epoch, two small hidden layers, two rules, two
 * seeds) against the V4 session: every network is trained, saved and scored; the aggregate is the seeds' mean with
 * a t-interval computed from the per-seed scores; and a saved checkpoint scored again by {@code predictivity} gives
 * the same r as inside {@code brainlike}, so what is reported is what was saved.
 */
class BrainlikeCliTest {
    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir
    Path tmp;

    @BeforeAll
    static void requireData() {
        PredictivityCliTest.requireRecordings();
        assumeTrue("1".equals(System.getenv("PLASTICITY_REQUIRE_DATA")) || Files.isDirectory(FASHION),
                "Fashion-MNIST not installed (./setup)");
    }

    @Test
    void rulesAreTrainedSavedScoredAndAggregated() throws IOException {
        Path out = tmp.resolve("bl");
        CliTest.Run r = CliTest.run("brainlike", "--rules", "bp,fa", "--seeds", "2", "--data", "fashion-mnist",
                "--hidden", "24,12", "--epochs", "1", "--train-limit", "1500", "--test-limit", "500",
                "--responses", PredictivityCliTest.RAW.toString(), "--images", PredictivityCliTest.IMAGES.toString(),
                "--splits", "3", "--ceiling-splits", "3", "--seed", "5", "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode s = PredictivityCliTest.summary(out);
        // pixels once; random, bp and fa at two seeds with two hidden layers each
        assertEquals(1 + 3 * 2 * 2, s.get("scores").size());
        for (String m : new String[] {"random", "bp", "fa"}) {
            for (int seed = 5; seed <= 6; seed++) {
                assertTrue(Files.size(out.resolve("models/" + m + "-seed" + seed + ".ckpt")) > 0, m + seed);
            }
        }
        Map<String, double[]> perSeed = new HashMap<>();
        for (JsonNode e : s.get("scores")) {
            if (e.has("seed")) {
                String key = e.get("model").asText() + "/" + e.get("layer").asText();
                double[] v = perSeed.computeIfAbsent(key, k -> new double[2]);
                v[e.get("seed").asInt() - 5] = e.get("r").asDouble();
            }
        }
        JsonNode agg = s.get("brainlike");
        assertEquals(1 + 3 * 2, agg.size());
        double ceiling = s.get("ceiling").get("median").asDouble();
        for (JsonNode a : agg) {
            String key = a.get("model").asText() + "/" + a.get("layer").asText();
            if (key.startsWith("pixels")) {
                assertEquals(1, a.get("seeds").asInt());
                continue;
            }
            double[] v = perSeed.get(key);
            double mean = (v[0] + v[1]) / 2;
            double sd = Math.abs(v[0] - v[1]) / Math.sqrt(2);
            double half = StudentT.quantile(0.975, 1) * sd / Math.sqrt(2);
            assertEquals(mean, a.get("r").asDouble(), 1e-12, key);
            assertEquals(mean - half, a.get("r_ci95_low").asDouble(), 1e-9, key);
            assertEquals(mean + half, a.get("r_ci95_high").asDouble(), 1e-9, key);
            assertEquals(mean / ceiling, a.get("r_over_ceiling").asDouble(), 1e-12, key);
            if (!key.startsWith("random")) {
                assertTrue(a.get("test_accuracy").asDouble() > 0.15, key + " learned something (chance: 0.1)");
            }
        }
        assertFalse(r.out().isBlank());
        for (String f : new String[] {"scores.csv", "neurons.csv", "training.csv", "results.md", "brainlike.png",
            "report.html"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }

        // The checkpoint, scored again on its own, gives the r brainlike reported for it.
        Path again = tmp.resolve("again");
        CliTest.Run p = CliTest.run("predictivity", "--responses", PredictivityCliTest.RAW.toString(), "--images",
                PredictivityCliTest.IMAGES.toString(), "--model", out.resolve("models/fa-seed6.ckpt").toString(),
                "--splits", "3", "--ceiling-splits", "3", "--seed", "5", "--out", again.toString(), "--quiet");
        assertEquals(0, p.code(), p.err());
        JsonNode hidden1 = PredictivityCliTest.summary(again).get("scores").get(0);
        assertEquals("hidden1", hidden1.get("layer").asText());
        assertEquals(perSeed.get("fa/hidden1")[1], hidden1.get("r").asDouble(), 0.0);

        // --force replaces a brainlike folder, checkpoints included
        CliTest.Run f = CliTest.run("brainlike", "--rules", "bp", "--seeds", "1", "--data", "fashion-mnist",
                "--hidden", "8", "--epochs", "1", "--train-limit", "300", "--test-limit", "100",
                "--responses", PredictivityCliTest.RAW.toString(), "--images", PredictivityCliTest.IMAGES.toString(),
                "--splits", "2", "--ceiling-splits", "2", "--out", out.toString(), "--force", "--quiet");
        assertEquals(0, f.code(), f.err());
        assertFalse(Files.exists(out.resolve("models/fa-seed6.ckpt")));
    }
}
