package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.neural.method.Splits;
import org.plasticity.numeric.Npy;

/**
 * {@code predictivity} end to end on the real V4 session (../shared/data/v4-cowley2023): the ceiling and the pixel
 * baseline agree with the values an independent Python implementation of the same procedure gives (the data README:
 * ceiling about 0.75, pixels about 0.20; the tolerances are a few times the spread of those means over split seeds,
 * measured with scikit-learn: 0.012 for pixels); a layer that is the responses themselves scores r = 1; the same seed
 * gives the same bytes whatever the thread count; bad input is one line, exit 2, and nothing written.
 */
class PredictivityCliTest {
    static final Path V4 = Path.of("..", "..", "shared", "data", "v4-cowley2023");
    static final Path RAW = V4.resolve("responses_raw_210325.npy");
    static final Path IMAGES = V4.resolve("images_210325.zip");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @BeforeAll
    static void requireRecordings() {
        boolean present = Files.isRegularFile(RAW) && Files.isRegularFile(IMAGES);
        assertTrue(present || !"1".equals(System.getenv("PLASTICITY_REQUIRE_RECORDINGS")), "V4 data missing in " + V4);
        assumeTrue(present, "V4 data not present in " + V4);
    }

    static JsonNode summary(Path out) throws IOException {
        return JSON.readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void pixelBaselineAndCeilingOnV4AgreeWithAnIndependentImplementation() throws IOException {
        Path out = tmp.resolve("v4-pixels");
        CliTest.Run r = CliTest.run("predictivity", "--responses", RAW.toString(), "--images", IMAGES.toString(),
                "--model", "pixels", "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode s = summary(out);
        double ceiling = s.get("ceiling").get("median").asDouble();
        assertEquals(0.75, ceiling, 0.04, "split-half ceiling");
        JsonNode pixels = s.get("scores").get(0);
        assertEquals("pixels", pixels.get("model").asText());
        assertEquals(784, pixels.get("units").asInt());
        assertEquals(50, pixels.get("neurons").asInt());
        assertEquals(640, pixels.get("stimuli").asInt());
        double rp = pixels.get("r").asDouble();
        assertEquals(0.20, rp, 0.045, "pixel baseline");
        assertEquals(rp / ceiling, pixels.get("r_over_ceiling").asDouble(), 1e-12);
        assertEquals(Math.pow(rp / ceiling, 2), pixels.get("explained_variance").asDouble(), 1e-12);
        assertEquals(rp * rp / ceiling, pixels.get("r2_over_ceiling").asDouble(), 1e-12);
        assertEquals(10, pixels.get("per_split").size());
        // The same splits through an independent pipeline (Pillow, numpy, scikit-learn run to convergence:
        // tools/fixtures/v4_pixels_sklearn.py): the per-split medians agree to the float32 rounding of the pixels.
        Path fixtures = Path.of("src", "test", "resources", "fixtures", "v4-pixels");
        List<String> indices = Files.readAllLines(fixtures.resolve("test-indices-seed42.txt"));
        List<int[][]> splits = Splits.shuffle(640, 10, 0.9, null, NeuralOptions.DEFAULT_SEED);
        List<String> medians = Files.readAllLines(fixtures.resolve("sklearn-split-medians-seed42.txt"));
        for (int k = 0; k < 10; k++) {
            StringBuilder b = new StringBuilder();
            for (int i : splits.get(k)[1]) {
                b.append(i).append(' ');
            }
            assertEquals(indices.get(k), b.toString(), "the project's held-out stimuli of split " + k);
            assertEquals(Double.parseDouble(medians.get(k)), pixels.get("per_split").get(k).asDouble(), 1e-5,
                    "split " + k);
        }
        List<String> neurons = Files.readAllLines(out.resolve("neurons.csv"));
        assertEquals(1 + 50, neurons.size());
        for (String f : new String[] {"scores.csv", "results.md", "predictivity.png", "report.html"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(r.out().contains("| pixels | pixels | 784 |"), r.out());
    }

    @Test
    void theResponsesThemselvesPredictPerfectlyAndThreadsDoNotMatter() throws IOException {
        // Features = the repeat-averaged responses: least squares (PLS with as many components as neurons) recovers
        // them exactly, so every held-out r is 1.
        double[] avg = Npy.read(V4.resolve("responses_avg_210325.npy")).values();
        float[] f = new float[640 * 50];
        for (int n = 0; n < 50; n++) {
            for (int s = 0; s < 640; s++) {
                f[s * 50 + n] = (float) avg[n * 640 + s];
            }
        }
        Path features = tmp.resolve("itself.npy");
        try (OutputStream o = Files.newOutputStream(features)) {
            Npy.write(o, new int[] {640, 50}, f);
        }
        String[] common = {"predictivity", "--responses", RAW.toString(), "--images", IMAGES.toString(), "--model",
            "pixels", "--model", "random", "--features", features.toString(), "--components", "50", "--splits", "3",
            "--ceiling-splits", "3", "--quiet", "--seed", "7"};
        Path one = tmp.resolve("t1");
        Path two = tmp.resolve("t2");
        CliTest.Run a = CliTest.run(concat(common, "--threads", "1", "--out", one.toString()));
        CliTest.Run b = CliTest.run(concat(common, "--threads", "2", "--out", two.toString()));
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        JsonNode scores = summary(one).get("scores");
        assertEquals(4, scores.size(), "pixels, random's hidden and output layers, then the features");
        JsonNode itself = scores.get(scores.size() - 1);
        assertEquals("itself", itself.get("layer").asText());
        assertEquals(1.0, itself.get("r").asDouble(), 1e-5);
        for (String file : new String[] {"summary.json", "scores.csv", "neurons.csv", "results.md"}) {
            assertArrayEquals(Files.readAllBytes(one.resolve(file)), Files.readAllBytes(two.resolve(file)), file);
        }
    }

    @Test
    void badInputIsOneLineAndWritesNothing() throws IOException {
        Path shortNpy = tmp.resolve("short.npy");
        double[] v = new double[3 * 10 * 2];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 7;
        }
        try (OutputStream o = Files.newOutputStream(shortNpy)) {
            Npy.write(o, new int[] {3, 10, 2}, v);
        }
        Path truncated = tmp.resolve("cut.npy");
        byte[] raw = Files.readAllBytes(RAW);
        Files.write(truncated, java.util.Arrays.copyOf(raw, raw.length / 2));
        String[][] cases = {
            {"--responses", shortNpy.toString(), "--images", IMAGES.toString(), "holds 640 images but"},
            {"--responses", truncated.toString(), "--images", IMAGES.toString(), "truncated"},
            {"--responses", RAW.toString(), "--images", IMAGES.toString(), "--model", "alexnet", "--model"},
            {"--responses", RAW.toString(), "--images", IMAGES.toString(), "--train-fraction", "1.5",
                "--train-fraction"},
            {"--responses", RAW.toString(), "--images", tmp.resolve("none.zip").toString(), "none.zip"},
        };
        for (String[] c : cases) {
            Path out = tmp.resolve("bad");
            String[] args = concat(concat(new String[] {"predictivity"}, java.util.Arrays.copyOf(c, c.length - 1)),
                    "--out", out.toString(), "--quiet");
            CliTest.Run r = CliTest.run(args);
            assertEquals(2, r.code(), String.join(" ", c) + ": " + r.err());
            assertTrue(r.err().contains(c[c.length - 1]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", c));
        }
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
