package org.plasticity.learnability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.plasticity.DataException;

/**
 * The BCI analysis on the synthetic session of tools/fixtures/bci_fixtures.py, against what the script computed in
 * numpy and scikit-learn (expected.json): the target variances of the two decoders under np.cov and LedoitWolf of the
 * intuitive block outside freeze periods, the permutation that made the perturbed decoder, and the angular errors;
 * and the Sadtler constructions: within-manifold decoders stay in the manifold's row space, outside-manifold ones
 * permute the units.
 */
class BciFixtureTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/bci");

    static JsonNode expected() throws IOException {
        return new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
    }

    @Test
    void scoresAndThePerturbationMatchNumpy() throws IOException {
        JsonNode ex = expected();
        BciSession s = BciSession.read(DIR.resolve("session.mat"));
        assertEquals(12, s.units());
        assertEquals(3, s.factors());
        BciStudy.Options o = new BciStudy.Options(5, 4, new LearnabilityStudy.Options(0, null, 0.95, 3, false));
        BciResult r = BciStudy.run(s, o, 1, LearnabilityStudy.Progress.NONE);
        assertEquals(ex.get("intuitive_samples").asInt(), r.samples());
        for (int e = 0; e < 2; e++) {
            JsonNode want = ex.get(r.estimators().get(e));
            for (int d = 0; d < 2; d++) {
                assertEquals(want.get(d).asDouble(), r.scores()[e][d], 1e-9 * want.get(d).asDouble(),
                        r.estimators().get(e) + ", decoder " + d);
            }
        }
        int[] perm = new int[3];
        for (int j = 0; j < 3; j++) {
            perm[j] = ex.get("permutation").get(j).asInt();
        }
        assertArrayEquals(perm, r.perturbedPermutation());
        assertEquals(ex.get("mean_angular_error").get(0).asDouble(), r.baseline().angularError(), 1e-9);
        double weighted = 0;
        int steps = 0;
        for (BciResult.Window w : r.curve()) {
            weighted += w.angularError() * w.steps();
            steps += w.steps();
        }
        assertEquals(ex.get("mean_angular_error").get(1).asDouble(), weighted / steps, 1e-9);
        assertEquals(20, r.curve().stream().mapToInt(BciResult.Window::trials).sum());
        assertTrue(r.reproduction()[0] < 1e-9 && r.reproduction()[1] < 1e-9, Arrays.toString(r.reproduction()));
        assertTrue(r.readoutMismatch() < 1e-9, "G N reproduces M2: " + r.readoutMismatch());
    }

    @Test
    void withinStaysInTheManifoldAndOutsidePermutesUnits() {
        BciSession s = BciSession.read(DIR.resolve("session.mat"));
        BciDecoders d = new BciDecoders(s);
        // The session's perturbed decoder is a within-manifold perturbation, rebuilt exactly from its permutation.
        double[] rebuilt = d.withinManifold(d.factorPermutation());
        for (int i = 0; i < rebuilt.length; i++) {
            assertEquals(s.perturbed().m2()[i], rebuilt[i], 1e-9 * Math.abs(s.perturbed().m2()[i]) + 1e-12);
        }
        assertTrue(d.outsideFraction(s.intuitive().m2()) < 1e-9);
        List<int[]> within = BciDecoders.permutations(3, 5, 7, 1);
        for (int[] p : within) {
            assertTrue(d.outsideFraction(d.withinManifold(p)) < 1e-9, Arrays.toString(p));
        }
        List<int[]> outside = BciDecoders.permutations(12, 20, 7, 2);
        Set<String> distinct = new HashSet<>();
        for (int[] p : outside) {
            assertTrue(distinct.add(Arrays.toString(p)));
            double[] w = d.outsideManifold(p);
            double[] m2 = s.intuitive().m2();
            for (int r = 0; r < 2; r++) {
                for (int i = 0; i < 12; i++) {
                    assertEquals(m2[r * 12 + p[i]], w[r * 12 + i]); // reads unit p[i] where it read unit i
                }
            }
            // A random permutation of units leaves the 3-dimensional row space of 12 units.
            assertTrue(d.outsideFraction(w) > 0.05, Arrays.toString(p) + ": " + d.outsideFraction(w));
        }
        // Five of the 3! - 1 = 5 non-identity permutations: all of them, each once.
        assertEquals(5, within.stream().map(Arrays::toString).distinct().count());
        assertNotEquals("[0, 1, 2]", Arrays.toString(within.get(0)));
    }

    @Test
    void aDecoderAlongTheTopCovarianceDirectionScoresHighest() {
        BciSession s = BciSession.read(DIR.resolve("session.mat"));
        Recording r = BciStudy.activity(s);
        int n = s.units();
        double[] c = new SampleCovariance().estimate(r.centred(), r.samples(), n).covariance();
        double[][] eig = topTwo(c, n);
        // Unit-length readouts: along the top two eigenvectors, and along the intuitive decoder's rows normalised.
        double[] top = new double[2 * n];
        System.arraycopy(eig[0], 0, top, 0, n);
        System.arraycopy(eig[1], 0, top, n, n);
        double[] dec = s.intuitive().m2().clone();
        for (int row = 0; row < 2; row++) {
            double sq = 0;
            for (int i = 0; i < n; i++) {
                sq += dec[row * n + i] * dec[row * n + i];
            }
            for (int i = 0; i < n; i++) {
                dec[row * n + i] /= Math.sqrt(sq);
            }
        }
        double[] v = BciStudy.variances(c, n, concat(top, dec));
        assertTrue(v[0] >= v[1], Arrays.toString(v)); // Ky Fan: the top-2 eigenspace maximises tr(W C W^T)
        assertEquals(eig[2][0] + eig[2][1], v[0] * n, 1e-6 * v[0] * n);
    }

    @Test
    void aFileWithoutTheLayoutIsOneLine() {
        DataException e = assertThrows(DataException.class, () -> BciSession.read(DIR.resolve("not_bci.mat")));
        assertTrue(e.getMessage().contains("not a BCI session in the bci-hennig2018 layout"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The top two eigenvectors of symmetric c by power iteration with deflation, and their eigenvalues. */
    private static double[][] topTwo(double[] c, int n) {
        double[][] vecs = new double[2][];
        double[] vals = new double[2];
        double[] a = c.clone();
        for (int k = 0; k < 2; k++) {
            double[] v = new double[n];
            Arrays.fill(v, 1.0);
            v[k] = 2;
            double lambda = 0;
            for (int it = 0; it < 5000; it++) {
                double[] w = new double[n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        w[i] += a[i * n + j] * v[j];
                    }
                }
                double norm = Math.sqrt(Arrays.stream(w).map(x -> x * x).sum());
                lambda = norm;
                for (int i = 0; i < n; i++) {
                    v[i] = w[i] / norm;
                }
            }
            vecs[k] = v;
            vals[k] = lambda;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i * n + j] -= lambda * v[i] * v[j];
                }
            }
        }
        return new double[][] {vecs[0], vecs[1], vals};
    }
}
