package org.plasticity.learnability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.plasticity.numeric.Npy;

/**
 * The estimators and scores against scikit-learn and numpy on the fixtures of tools/fixtures/learnability_fixtures.py:
 * Ledoit-Wolf's covariance and shrinkage on four shapes, factor analysis's loadings, private variances, iteration
 * count and log-likelihood at scikit-learn's default tolerance and at its fixed point, and both FLR2 forms and the
 * variances computed directly in numpy.
 */
class EstimatorFixturesTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/learnability");

    static Npy.Array read(String name) {
        return Npy.read(DIR.resolve(name + ".npy"));
    }

    static Recording recording(String name) {
        Npy.Array x = read(name);
        return Recording.of(name, x.shape()[0], x.shape()[1], x.values());
    }

    static double maxRelDiff(double[] a, double[] b) {
        assertEquals(a.length, b.length);
        double scale = 0;
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(b[i]));
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m / scale;
    }

    @Test
    void ledoitWolfMatchesScikitLearnOnEveryShape() {
        for (String name : new String[] {"tall", "square", "wide", "single"}) {
            Recording r = recording("lw_" + name + "_x");
            LedoitWolf.Fit f = LedoitWolf.fit(r.centred(), r.samples(), r.neurons());
            double want = read("lw_" + name + "_shrinkage").values()[0];
            assertEquals(want, f.shrinkage(), 1e-12, name + " shrinkage");
            double[] cov = read("lw_" + name + "_cov").values();
            assertTrue(maxRelDiff(f.covariance(), cov) < 1e-12, name + ": covariance differs by "
                    + maxRelDiff(f.covariance(), cov));
            assertArrayEquals(f.covariance(), new LedoitWolf().estimate(r.centred(), r.samples(), r.neurons())
                    .covariance(), 0.0, "the estimator is the fit");
        }
        // The shrinkage grows as samples become scarce: the three multi-neuron cases are in that order.
        double tall = read("lw_tall_shrinkage").values()[0];
        double wide = read("lw_wide_shrinkage").values()[0];
        assertTrue(tall < 0.1 && wide > 0.3, tall + " " + wide);
    }

    @Test
    void factorAnalysisMatchesScikitLearnAtItsDefaultToleranceAndAtTheFixedPoint() {
        Object[][] cases = {{"three", 3}, {"under", 2}, {"one", 1}};
        for (Object[] c : cases) {
            String name = (String) c[0];
            int k = (Integer) c[1];
            Recording r = recording("fa_" + name + "_x");
            for (String tag : new String[] {"default", "tight"}) {
                FactorAnalysis fa = tag.equals("default") ? new FactorAnalysis(k)
                        : new FactorAnalysis(k, 1e-9, 20000);
                FactorAnalysis.Fit f = fa.fit(r.centred(), r.samples(), r.neurons());
                double[] info = read("fa_" + name + "_" + tag + "_info").values();
                String what = name + " " + tag;
                assertEquals((int) info[0], f.iterations(), what + " iterations");
                assertEquals(info[1], f.logLikelihood(), 1e-9 * Math.abs(info[1]), what + " log-likelihood");
                assertTrue(f.converged(), what);
                double[] psi = read("fa_" + name + "_" + tag + "_psi").values();
                assertTrue(maxRelDiff(f.privateVariance(), psi) < 1e-8, what + ": psi differs by "
                        + maxRelDiff(f.privateVariance(), psi));
                double[] shared = read("fa_" + name + "_" + tag + "_shared").values();
                assertTrue(maxRelDiff(f.sharedCovariance(), shared) < 1e-8, what + ": L^T L differs by "
                        + maxRelDiff(f.sharedCovariance(), shared));
                // Each loading row equals scikit-learn's up to its sign.
                double[] w = read("fa_" + name + "_" + tag + "_components").values();
                int p = r.neurons();
                for (int j = 0; j < k; j++) {
                    double dot = 0;
                    for (int i = 0; i < p; i++) {
                        dot += f.loadings()[j * p + i] * w[j * p + i];
                    }
                    double sign = Math.signum(dot);
                    for (int i = 0; i < p; i++) {
                        assertEquals(w[j * p + i], sign * f.loadings()[j * p + i], 1e-7 * (1 + Math.abs(w[j * p + i])),
                                what + " loading " + j + ", " + i);
                    }
                }
                var estimate = fa.estimate(r.centred(), r.samples(), r.neurons());
                assertArrayEquals(f.sharedCovariance(), estimate.covariance(), 0.0, "the estimate is L^T L");
                double fraction = estimate.details().get("shared_variance_fraction");
                assertTrue(fraction > 0 && fraction < 1, what + " shared fraction " + fraction);
            }
        }
    }

    @Test
    void factorAnalysisStopsAtTheIterationCapAndSaysSo() {
        Recording r = recording("fa_three_x");
        FactorAnalysis.Fit f = new FactorAnalysis(3, 1e-9, 5).fit(r.centred(), r.samples(), r.neurons());
        assertEquals(5, f.iterations());
        assertFalse(f.converged());
    }

    @Test
    void scoresMatchADirectNumpyComputation() {
        Recording r = recording("scores_x");
        Npy.Array xi = read("scores_xi");
        Npy.Array eta = read("scores_eta");
        int pairs = xi.shape()[0];
        int n = r.neurons();
        for (CovarianceEstimator e : new CovarianceEstimator[] {new SampleCovariance(), new LedoitWolf()}) {
            double[] c = e.estimate(r.centred(), r.samples(), n).covariance();
            PairScores s = PairScores.compute(c, n, xi.values(), eta.values(), pairs);
            double[] want = read("scores_" + e.name()).values();
            for (int j = 0; j < PairScores.COUNT; j++) {
                double[] column = new double[pairs];
                for (int k = 0; k < pairs; k++) {
                    column[k] = want[k * PairScores.COUNT + j];
                }
                assertTrue(maxRelDiff(s.get(j), column) < 1e-12, e.name() + " score " + j + " differs by "
                        + maxRelDiff(s.get(j), column));
            }
        }
    }
}
