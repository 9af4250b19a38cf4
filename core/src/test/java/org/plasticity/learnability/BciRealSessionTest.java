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
    void theStudyRunsAndItsConstructionsHoldOnTheSession() {
        assumeTrue(present(), "BCI session not present in " + FILE);
        BciSession s = BciSession.read(FILE);
        BciResult r = BciStudy.run(s, new BciStudy.Options(50, 8, new LearnabilityStudy.Options(40, null, 0.95, 42,
                false)), 2, LearnabilityStudy.Progress.NONE);
        assertEquals(102, r.decoders().size());
        assertEquals(3953, r.samples());
        double intuitiveNorm = r.decoders().get(0).norm();
        for (int d = 0; d < r.decoders().size(); d++) {
            BciResult.Decoder dec = r.decoders().get(d);
            if (dec.family().equals("outside")) {
                // A permutation of the units keeps the readout's length and leaves the manifold.
                assertEquals(intuitiveNorm, dec.norm(), 1e-9 * intuitiveNorm);
                assertTrue(dec.outsideFraction() > 0.1, "outside " + dec.index());
            } else {
                assertTrue(dec.outsideFraction() < 1e-6, dec.family() + " " + dec.index());
            }
            for (int e = 0; e < r.estimators().size(); e++) {
                assertTrue(r.low()[e][d] <= r.scores()[e][d] * 1.02 && r.scores()[e][d] <= r.high()[e][d] * 1.02,
                        r.estimators().get(e) + " decoder " + d);
            }
        }
        assertEquals(167, r.curve().stream().mapToInt(BciResult.Window::trials).sum());
    }
}
