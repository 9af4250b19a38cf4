package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code learnability --bci} end to end: on the synthetic session of tools/fixtures/bci_fixtures.py (files, keys, the
 * intuitive and perturbed decoders' sample-covariance scores against the script's numpy values), bad input (a file
 * without the layout, options that do not apply), and on the real session of ../shared/data/bci-hennig2018 when
 * present (skipped when absent, failed when absent under PLASTICITY_REQUIRE_RECORDINGS=1).
 */
class LearnabilityBciCliTest {
    static final Path FIXTURES = Path.of("..", "core", "src", "test", "resources", "fixtures", "bci");
    static final Path REAL = Path.of("..", "..", "shared", "data", "bci-hennig2018", "20131218.mat");

    @TempDir
    Path tmp;

    @Test
    void theFixtureSessionWritesEveryOutput() throws IOException {
        Path out = tmp.resolve("bci");
        CliTest.Run r = CliTest.run("learnability", "--recording", FIXTURES.resolve("session.mat").toString(), "--bci",
                "--perturbations", "4", "--windows", "4", "--bootstrap", "40", "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("summary.json", "scores.csv", "results.md", "bci.png", "report.html")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode bci = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("bci");
        JsonNode expected = new ObjectMapper().readTree(FIXTURES.resolve("expected.json").toFile());
        JsonNode decoders = bci.get("decoders");
        assertEquals(2 + 2 * 4, decoders.size());
        for (int d = 0; d < 2; d++) {
            double want = expected.get("sample").get(d).asDouble();
            assertEquals(want, decoders.get(d).get("sample").asDouble(), 1e-9 * want);
            assertTrue(decoders.get(d).get("sample_ci_low").asDouble() <= want
                    && want <= decoders.get(d).get("sample_ci_high").asDouble());
        }
        assertEquals("intuitive", decoders.get(0).get("family").asText());
        assertEquals("perturbed", decoders.get(1).get("family").asText());
        assertEquals("[2,0,1]", bci.get("session").get("perturbed_factor_permutation").toString());
        assertEquals(4, bci.get("learning_curve").get("perturbed_windows").size());
        assertTrue(bci.get("separation").get(0).has("auc_within_over_outside"));
        assertEquals(11, Files.readAllLines(out.resolve("scores.csv")).size());
        // --force replaces the results as a whole (every file is one the output folder knows as ours)
        CliTest.Run again = CliTest.run("learnability", "--recording", FIXTURES.resolve("session.mat").toString(),
                "--bci", "--perturbations", "4", "--windows", "4", "--bootstrap", "0", "--out", out.toString(),
                "--quiet", "--force");
        assertEquals(0, again.code(), again.err());
    }

    @Test
    void badInputIsOneLineAndWritesNothing() {
        String session = FIXTURES.resolve("session.mat").toString();
        String[][] cases = {
            {"--recording", FIXTURES.resolve("not_bci.mat").toString(), "--bci",
                "not a BCI session in the bci-hennig2018 layout"},
            {"--recording", session, "--bci", "--targets", session, "--targets: does not apply with --bci"},
            {"--recording", session, "--bci", "--estimator", "ledoit-wolf", "--estimator: does not apply"},
            {"--recording", session, "--bci", "--windows", "500", "--windows: is 500 but the perturbed block holds"},
            {"--recording", session, "--bci", "--perturbations", "1", "--perturbations: must be in 2..10000"},
            {"--recording", session, "--windows", "3", "--targets: is required"},
        };
        for (String[] c : cases) {
            Path out = tmp.resolve("bad");
            String[] args = new String[c.length + 3];
            args[0] = "learnability";
            System.arraycopy(c, 0, args, 1, c.length - 1);
            args[c.length] = "--out";
            args[c.length + 1] = out.toString();
            args[c.length + 2] = "--quiet";
            CliTest.Run r = CliTest.run(args);
            String what = String.join(" ", c);
            assertEquals(2, r.code(), what + ": " + r.err());
            assertTrue(r.err().contains(c[c.length - 1]), what + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(Files.exists(out), what);
        }
    }

    @Test
    void theRealSessionRunsEndToEnd() throws IOException {
        boolean present = Files.isRegularFile(REAL);
        assertTrue(present || !"1".equals(System.getenv("PLASTICITY_REQUIRE_RECORDINGS")), "missing " + REAL);
        assumeTrue(present, "BCI session not present in " + REAL);
        Path out = tmp.resolve("real");
        long t0 = System.nanoTime();
        CliTest.Run r = CliTest.run("learnability", "--recording", REAL.toString(), "--bci", "--bootstrap", "40",
                "--out", out.toString(), "--quiet");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, r.code(), r.err());
        assertTrue(seconds < 120, "took " + seconds + " s");
        JsonNode bci = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("bci");
        assertEquals(87, bci.get("session").get("units").asInt());
        assertTrue(bci.get("session").get("velnext_reproduction_intuitive").asDouble() < 1e-4);
        assertTrue(bci.get("session").get("velnext_reproduction_perturbed").asDouble() < 1e-4);
        assertEquals(102, bci.get("decoders").size());
        assertEquals(10, bci.get("session").get("perturbed_factor_permutation").size());
    }
}
