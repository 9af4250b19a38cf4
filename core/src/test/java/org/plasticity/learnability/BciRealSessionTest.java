package org.plasticity.learnability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The real session of ../shared/data/bci-hennig2018 (Hennig et al. 2018, eLife; see ../shared/data/README.md):
 * skipped when absent, failed when absent under PLASTICITY_REQUIRE_RECORDINGS=1. Checks what the README states: 87
 * units, 10 factors, the nDecoder reproduces velNext from spikes and vel to 1e-4 on both blocks, and that the
 * perturbed decoder is a within-manifold perturbation (a permutation of the unit-variance factors).
 */
class BciRealSessionTest {
    static final Path FILE = Path.of("..", "..", "shared", "data", "bci-hennig2018", "20131218.mat");

    static boolean present() {
        boolean present = Files.isRegularFile(FILE);
        assertTrue(present || !"1".equals(System.getenv("PLASTICITY_REQUIRE_RECORDINGS")),
                "BCI session missing: " + FILE.toAbsolutePath());
        return present;
    }

    @Test
    void theSessionReadsAndItsDecodersAreWhatTheReadmeSays() {
        assumeTrue(present(), "BCI session not present in " + FILE);
        BciSession s = BciSession.read(FILE);
        assertEquals(87, s.units());
        assertEquals(10, s.factors());
        assertEquals(4788, s.intuitive().steps());
        assertEquals(7446, s.perturbed().steps());
        BciLearning l = new BciLearning(s);
        assertTrue(l.reproduction(s.intuitive()) < 1e-4, "intuitive: " + l.reproduction(s.intuitive()));
        assertTrue(l.reproduction(s.perturbed()) < 1e-4, "perturbed: " + l.reproduction(s.perturbed()));
        BciDecoders d = new BciDecoders(s);
        int[] p = d.factorPermutation();
        assertNotNull(p, "the perturbed decoder permutes the factors");
        double[] rebuilt = d.withinManifold(p);
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < rebuilt.length; i++) {
            scale = Math.max(scale, Math.abs(s.perturbed().m2()[i]));
            diff = Math.max(diff, Math.abs(rebuilt[i] - s.perturbed().m2()[i]));
        }
        assertTrue(diff < 1e-4 * scale, "rebuilt perturbed readout off by " + diff);
        assertTrue(d.outsideFraction(s.perturbed().m2()) < 1e-4);
        // The intuitive block's decoded velocity points towards the target (chance would be 90 degrees).
        assertTrue(l.baseline().angularError() < 30, "angular error " + l.baseline().angularError());
    }

    @Test
    void theStudyRuns() {
        assumeTrue(present(), "BCI session not present in " + FILE);
        long t0 = System.nanoTime();
        BciSession s = BciSession.read(FILE);
        BciResult r = BciStudy.run(s, new BciStudy.Options(50, 8, new LearnabilityStudy.Options(100, null, 0.95, 42,
                false)), 2, LearnabilityStudy.Progress.NONE);
        System.out.printf("time %.1f s, samples %d, block %d, tau %.2f%n", (System.nanoTime() - t0) / 1e9, r.samples(),
                r.block(), r.autocorrelationTime());
        for (BciResult.Separation x : r.separation()) {
            System.out.println(x);
        }
        for (int e = 0; e < 3; e++) {
            System.out.printf("%s intuitive %.4g [%.4g, %.4g] perturbed %.4g [%.4g, %.4g]%n", r.estimators().get(e),
                    r.scores()[e][0], r.low()[e][0], r.high()[e][0], r.scores()[e][1], r.low()[e][1], r.high()[e][1]);
        }
        System.out.println(r.baseline());
        r.curve().forEach(System.out::println);
        System.out.println("mismatch " + r.readoutMismatch() + " perm " + java.util.Arrays.toString(r.perturbedPermutation()));
        assertEquals(102, r.decoders().size());
    }
}
