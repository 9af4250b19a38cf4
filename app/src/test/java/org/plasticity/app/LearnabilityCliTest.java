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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.numeric.Npy;

/**
 * {@code learnability} end to end on an autocorrelated recording written by the test: the files and keys of the
 * contract, scores equal to a direct computation from the sample covariance, the ranking, intervals that bracket
 * the scores, the same bytes at any thread count, the same results from CSV and from a neurons x samples file, and
 * bad input (part 5 of issue 14) as one line, exit 2 and nothing written.
 */
class LearnabilityCliTest {
    static final int N = 8;
    static final int T = 1500;
    static final int PAIRS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path recording;
    Path targets;
    Path inputs;
    double[] x;
    double[] xi;
    double[] eta;

    /** A recording in which each neuron follows an AR(1) process (phi 0.7) driven by correlated noise. */
    @BeforeEach
    void write() throws IOException {
        SplittableRandom rng = new SplittableRandom(17);
        double[] b = new double[N * N];
        for (int i = 0; i < b.length; i++) {
            b[i] = 0.4 * rng.nextGaussian() + (i % (N + 1) == 0 ? 1 : 0);
        }
        x = new double[T * N];
        double[] z = new double[N];
        for (int t = 0; t < T; t++) {
            for (int i = 0; i < N; i++) {
                z[i] = rng.nextGaussian();
            }
            for (int i = 0; i < N; i++) {
                double bz = 0;
                for (int j = 0; j < N; j++) {
                    bz += b[i * N + j] * z[j];
                }
                x[t * N + i] = (t == 0 ? 0 : 0.7 * x[(t - 1) * N + i]) + bz;
            }
        }
        for (int i = 0; i < x.length; i++) {
            x[i] += 2.0; // a baseline rate: the estimators centre
        }
        xi = new double[PAIRS * N];
        eta = new double[PAIRS * N];
        for (int i = 0; i < xi.length; i++) {
            xi[i] = rng.nextBoolean() ? 1 : -1;
            eta[i] = rng.nextGaussian();
        }
        recording = tmp.resolve("spont.npy");
        targets = tmp.resolve("xi.npy");
        inputs = tmp.resolve("eta.npy");
        Npy.write(recording, new int[] {T, N}, x);
        Npy.write(targets, new int[] {PAIRS, N}, xi);
        Npy.write(inputs, new int[] {PAIRS, N}, eta);
    }

    static JsonNode summary(Path out) throws IOException {
        return JSON.readTree(out.resolve("summary.json").toFile());
    }

    /** The unbiased sample covariance, computed here independently of the learnability package. */
    double[] sampleCovariance() {
        double[] mean = new double[N];
        for (int t = 0; t < T; t++) {
            for (int i = 0; i < N; i++) {
                mean[i] += x[t * N + i] / T;
            }
        }
        double[] c = new double[N * N];
        for (int t = 0; t < T; t++) {
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) {
                    c[i * N + j] += (x[t * N + i] - mean[i]) * (x[t * N + j] - mean[j]) / (T - 1);
                }
            }
        }
        return c;
    }

    static double quad(double[] u, int row, double[] c, double[] v) {
        double s = 0;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                s += u[row * N + i] * c[i * N + j] * v[row * N + j];
            }
        }
        return s;
    }

    @Test
    void writesTheContractAndScoresAsADirectComputation() throws IOException {
        Path out = tmp.resolve("out");
        CliTest.Run r = CliTest.run("learnability", "--recording", recording.toString(), "--targets",
                targets.toString(), "--inputs", inputs.toString(), "--bootstrap", "200", "--out", out.toString(),
                "--quiet", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        try (var files = Files.list(out)) {
            assertEquals(List.of("learnability.png", "pairs.csv", "report.html", "results.md", "summary.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        JsonNode s = summary(out);
        for (String key : List.of("command", "version", "seed", "recording", "targets", "inputs", "estimator",
                "definitions", "bootstrap", "ranked_by", "ranking", "pairs")) {
            assertTrue(s.has(key), "summary.json has " + key);
        }
        assertEquals(T, s.at("/recording/samples").asInt());
        assertEquals(N, s.at("/recording/neurons").asInt());
        assertEquals("flr2", s.get("ranked_by").asText());
        assertEquals(200, s.at("/bootstrap/resamples").asInt());
        // AR(1) with phi 0.7: autocorrelation time -1 / ln 0.7 = 2.8 samples, so the block is ceil(1500^(1/3)) = 12
        assertEquals(2.8, s.at("/bootstrap/autocorrelation_time").asDouble(), 0.4);
        assertEquals(12, s.at("/bootstrap/block").asInt());

        double[] c = sampleCovariance();
        double[] c2 = new double[N * N];
        double trace = 0;
        for (int i = 0; i < N; i++) {
            trace += c[i * N + i];
            for (int j = 0; j < N; j++) {
                for (int k = 0; k < N; k++) {
                    c2[i * N + j] += c[i * N + k] * c[k * N + j];
                }
            }
        }
        JsonNode pairs = s.get("pairs");
        assertEquals(PAIRS, pairs.size());
        double[] flr2 = new double[PAIRS];
        for (int k = 0; k < PAIRS; k++) {
            JsonNode p = pairs.get(k);
            assertEquals(k, p.get("index").asInt());
            double tv = quad(xi, k, c, xi) / N;
            double iv = quad(eta, k, c, eta) / N;
            flr2[k] = tv * quad(eta, k, c2, eta) / N;
            assertEquals(tv, p.get("target_variance").asDouble(), 1e-10 * tv);
            assertEquals(iv, p.get("input_variance").asDouble(), 1e-10 * iv);
            assertEquals(flr2[k], p.get("flr2").asDouble(), 1e-10 * flr2[k]);
            assertEquals(tv * iv * trace / N, p.get("flr2_variance_form").asDouble(), 1e-10 * flr2[k]);
            for (String score : LearnabilityWriter.SCORES) {
                double v = p.get(score).asDouble();
                double lo = p.get(score + "_ci_low").asDouble();
                double hi = p.get(score + "_ci_high").asDouble();
                assertTrue(lo < hi && lo < v * 1.05 && hi > v * 0.95, score + " " + lo + " " + v + " " + hi);
            }
        }
        Integer[] order = {0, 1, 2, 3, 4};
        Arrays.sort(order, (a, b) -> Double.compare(flr2[b], flr2[a]));
        for (int i = 0; i < PAIRS; i++) {
            assertEquals((int) order[i], s.get("ranking").get(i).asInt());
            assertEquals(i + 1, pairs.get(order[i]).get("rank").asInt());
        }
        List<String> csv = Files.readAllLines(out.resolve("pairs.csv"));
        assertEquals(1 + PAIRS, csv.size());
        assertTrue(csv.get(0).startsWith("index,rank,target_row,input_row,flr2,flr2_ci_low,flr2_ci_high,"));
        assertEquals(pairs.get(2).get("flr2_ci_high").asDouble(), Double.parseDouble(csv.get(3).split(",")[6]));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,") && html.contains("flr2_variance_form"), html);
        assertFalse(html.contains("shared covariance"), "the factor-analysis note only with factor analysis");
        assertTrue(Files.size(out.resolve("learnability.png")) > 10_000);
        assertTrue(r.out().contains("| 1 | " + order[0] + " |"), r.out());
        assertEquals("", r.err().strip(), "no warning for a recording of 125 blocks");
    }

    @Test
    void threadsLayoutAndFormatDoNotChangeTheResults() throws IOException {
        String[] common = {"learnability", "--targets", targets.toString(), "--inputs", inputs.toString(),
            "--bootstrap", "100", "--estimator", "ledoit-wolf", "--quiet", "--seed", "5"};
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        Path csv = tmp.resolve("csv");
        Path flipped = tmp.resolve("flipped");
        assertEquals(0, CliTest.run(concat(common, "--recording", recording.toString(), "--threads", "1", "--out",
                one.toString())).code());
        assertEquals(0, CliTest.run(concat(common, "--recording", recording.toString(), "--threads", "2", "--out",
                two.toString())).code());
        StringBuilder b = new StringBuilder();
        for (int t = 0; t < T; t++) {
            for (int i = 0; i < N; i++) {
                b.append(i == 0 ? "" : ",").append(x[t * N + i]);
            }
            b.append('\n');
        }
        Path recCsv = Files.writeString(tmp.resolve("spont.csv"), b.toString());
        assertEquals(0, CliTest.run(concat(common, "--recording", recCsv.toString(), "--out", csv.toString()))
                .code());
        double[] transposed = new double[T * N];
        for (int t = 0; t < T; t++) {
            for (int i = 0; i < N; i++) {
                transposed[i * T + t] = x[t * N + i];
            }
        }
        Path recT = tmp.resolve("spont_t.npy");
        Npy.write(recT, new int[] {N, T}, transposed);
        assertEquals(0, CliTest.run(concat(common, "--recording", recT.toString(), "--neurons-by-samples", "--out",
                flipped.toString())).code());
        byte[] pairs = Files.readAllBytes(one.resolve("pairs.csv"));
        assertArrayEquals(pairs, Files.readAllBytes(two.resolve("pairs.csv")), "threads");
        assertArrayEquals(pairs, Files.readAllBytes(csv.resolve("pairs.csv")), "CSV recording");
        assertArrayEquals(pairs, Files.readAllBytes(flipped.resolve("pairs.csv")), "neurons x samples");
        assertArrayEquals(Files.readAllBytes(one.resolve("summary.json")), Files.readAllBytes(two.resolve(
                "summary.json")));
        assertTrue(summary(one).at("/estimator/details/shrinkage").isNumber());
        // --force replaces learnability's own results as a whole
        CliTest.Run again = CliTest.run("learnability", "--recording", recording.toString(), "--targets",
                targets.toString(), "--inputs", inputs.toString(), "--bootstrap", "0", "--quiet", "--out",
                one.toString(), "--force");
        assertEquals(0, again.code(), again.err());
        assertTrue(summary(one).at("/pairs/0/flr2_ci_low").isNull(), "no bootstrap, no interval");
    }

    @Test
    void targetsAloneAreRankedByTheirVarianceAndAShortRecordingIsFlagged() throws IOException {
        Path out = tmp.resolve("alone");
        Path one = tmp.resolve("one.npy");
        Npy.write(one, new int[] {N}, Arrays.copyOf(xi, N));
        CliTest.Run r = CliTest.run("learnability", "--recording", recording.toString(), "--targets",
                targets.toString(), "--bootstrap", "50", "--block", "300", "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode s = summary(out);
        assertEquals("target_variance", s.get("ranked_by").asText());
        assertTrue(s.get("inputs").isNull());
        assertTrue(s.at("/pairs/0/flr2").isNull() && s.at("/pairs/0/input_row").isNull());
        assertEquals("given (--block)", s.at("/bootstrap/block_rule").asText());
        assertTrue(r.err().contains("warning: the recording holds 5.0 blocks of 300 samples"), r.err());
        Path fa = tmp.resolve("fa");
        CliTest.Run f = CliTest.run("learnability", "--recording", recording.toString(), "--targets", targets.toString(),
                "--inputs", one.toString(), "--estimator", "factor-analysis", "--factors", "2", "--bootstrap", "40",
                "--out", fa.toString(), "--quiet");
        assertEquals(0, f.code(), f.err());
        JsonNode sf = summary(fa);
        assertEquals(PAIRS, sf.get("pairs").size(), "one input pairs with every target");
        assertEquals(0, sf.at("/pairs/3/input_row").asInt());
        assertEquals(2, sf.at("/estimator/details/factors").asInt());
        assertTrue(Files.readString(fa.resolve("report.html")).contains("shared covariance"));
    }

    @Test
    void badInputIsOneLineExitTwoAndNothingWritten() throws IOException {
        Path wrongLength = tmp.resolve("xi7.npy");
        Npy.write(wrongLength, new int[] {2, N - 1}, new double[2 * (N - 1)]);
        double[] constant = x.clone();
        for (int t = 0; t < T; t++) {
            constant[t * N + 3] = 1.5;
        }
        Path constantRec = tmp.resolve("constant.npy");
        Npy.write(constantRec, new int[] {T, N}, constant);
        double[] nan = x.clone();
        nan[40 * N + 6] = Double.NaN;
        Path nanRec = tmp.resolve("nan.npy");
        Npy.write(nanRec, new int[] {T, N}, nan);
        Path oneSample = tmp.resolve("one.npy");
        Npy.write(oneSample, new int[] {1, N}, Arrays.copyOf(x, N));
        Path fewSamples = tmp.resolve("few.npy");
        Npy.write(fewSamples, new int[] {4, N}, Arrays.copyOf(x, 4 * N));
        Path threeInputs = tmp.resolve("eta3.npy");
        Npy.write(threeInputs, new int[] {3, N}, Arrays.copyOf(eta, 3 * N));
        String rec = recording.toString();
        String tg = targets.toString();
        String[][] cases = {
            {"--recording", rec, "--targets", wrongLength.toString(), "has 8 neurons"},
            {"--recording", constantRec.toString(), "--targets", tg, "neuron 3 is constant"},
            {"--recording", nanRec.toString(), "--targets", tg, "sample 40, neuron 6: NaN"},
            {"--recording", oneSample.toString(), "--targets", tg, "a covariance needs at least 2"},
            {"--recording", rec, "--targets", tg, "--estimator", "factor-analysis", "--factors", "8",
                "--factors: must be below the number of neurons (8)"},
            {"--recording", fewSamples.toString(), "--targets", tg, "--estimator", "factor-analysis", "--factors",
                "3", "factor analysis with 3 factors needs at least 5"},
            {"--recording", rec, "--targets", tg, "--estimator", "factor-analysis", "--factors: is required"},
            {"--recording", rec, "--targets", tg, "--factors", "2", "--factors: applies to"},
            {"--recording", rec, "--targets", tg, "--inputs", threeInputs.toString(), "holds 3 inputs but"},
            {"--recording", rec, "--targets", tg, "--estimator", "pca", "--estimator: must be one of"},
            {"--recording", rec, "--targets", tg, "--block", "2000", "--block: is 2000 samples"},
            {"--recording", rec, "--targets", tg, "--level", "95", "--level"},
            {"--recording", tmp.resolve("none.npy").toString(), "--targets", tg, "none.npy: no such file"},
            {"--recording", rec, "--variable", "x", "--targets", tg, "holds one array"},
        };
        for (String[] c : cases) {
            Path out = tmp.resolve("bad");
            String[] args = concat(concat(new String[] {"learnability"}, Arrays.copyOf(c, c.length - 1)),
                    "--out", out.toString(), "--quiet");
            CliTest.Run r = CliTest.run(args);
            String what = String.join(" ", c);
            assertEquals(2, r.code(), what + ": " + r.err());
            assertTrue(r.err().contains(c[c.length - 1]), what + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: "), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
            assertFalse(Files.exists(out), "nothing written for " + what);
        }
        assertEquals(0, tmp.toFile().list((d, n) -> n.toLowerCase(Locale.ROOT).startsWith(".bad")).length,
                "no staging folder left behind");
    }

    static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
