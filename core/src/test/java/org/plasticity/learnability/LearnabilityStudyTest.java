package org.plasticity.learnability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.recurrent.flr.Flr;

/**
 * The study's bookkeeping: scores equal the recurrent model's {@code Flr.flr2} and {@code Flr.flr2Variance} with the
 * prefactor set to 1, the ranking, pairing one input with every target, scoring the target variance alone, rescaled
 * directions, and intervals that do not depend on the thread count.
 */
class LearnabilityStudyTest {
    static final int N = 6;
    static final int T = 600;

    static Recording recording(long seed) {
        double[] b = new double[N * N];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextGaussian() / 2 + (i % (N + 1) == 0 ? 1 : 0);
        }
        return Recording.of("rec", T, N, Ar1.simulate(b, N, 0.6, T, rng));
    }

    static Directions pm1(int rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[rows * N];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextBoolean() ? 1 : -1;
        }
        return Directions.of("dirs", rows, N, v, N, T);
    }

    @Test
    void scoresAreTheModelsFlr2WithoutItsPrefactorAndRankedByFlr2() {
        Recording r = recording(1);
        Directions xi = pm1(5, 2);
        Directions eta = pm1(5, 3);
        LearnabilityResult res = LearnabilityStudy.run(r, new LedoitWolf(), xi, eta,
                new LearnabilityStudy.Options(0, null, 0.95, 1, false), 1, LearnabilityStudy.Progress.NONE);
        double[] c = new LedoitWolf().estimate(r.centred(), T, N).covariance();
        for (int k = 0; k < 5; k++) {
            assertEquals(Flr.flr2(1, 1, xi.row(k), eta.row(k), c), res.estimate().flr2()[k], 1e-12);
            assertEquals(Flr.flr2Variance(1, 1, xi.row(k), eta.row(k), c), res.estimate().flr2VarianceForm()[k],
                    1e-12);
            assertTrue(Double.isNaN(res.low().flr2()[k]), "no bootstrap, no interval");
        }
        double[] f = res.estimate().flr2();
        for (int i = 1; i < 5; i++) {
            assertTrue(f[res.ranking()[i - 1]] >= f[res.ranking()[i]], "ranked best first");
        }
        assertEquals("flr2", res.rankedBy());
        assertTrue(res.estimatorDetails().get("shrinkage") >= 0);
    }

    @Test
    void oneInputPairsWithEveryTargetAndNoInputScoresTheTargetVarianceAlone() {
        Recording r = recording(4);
        Directions xi = pm1(4, 5);
        Directions oneEta = pm1(1, 6);
        LearnabilityStudy.Options o = new LearnabilityStudy.Options(0, null, 0.95, 1, false);
        LearnabilityResult paired = LearnabilityStudy.run(r, new SampleCovariance(), xi, oneEta, o, 1,
                LearnabilityStudy.Progress.NONE);
        assertEquals(4, paired.pairs());
        for (int k = 1; k < 4; k++) {
            assertEquals(paired.estimate().inputVariance()[0], paired.estimate().inputVariance()[k], 0.0);
        }
        LearnabilityResult alone = LearnabilityStudy.run(r, new SampleCovariance(), xi, null, o, 1,
                LearnabilityStudy.Progress.NONE);
        assertArrayEquals(paired.estimate().targetVariance(), alone.estimate().targetVariance(), 0.0);
        assertTrue(Double.isNaN(alone.estimate().flr2()[0]) && Double.isNaN(alone.estimate().inputVariance()[2]));
        assertEquals("target_variance", alone.rankedBy());
        double[] tv = alone.estimate().targetVariance();
        for (int i = 1; i < 4; i++) {
            assertTrue(tv[alone.ranking()[i - 1]] >= tv[alone.ranking()[i]]);
        }
    }

    @Test
    void normalisingMakesAScaledDirectionScoreLikeItsPlusMinusOnePattern() {
        Recording r = recording(7);
        Directions xi = pm1(2, 8);
        double[] scaled = new double[2 * N];
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < N; i++) {
                scaled[k * N + i] = xi.row(k)[i] * (k == 0 ? 0.1 : 7.0);
            }
        }
        Directions s = Directions.of("scaled", 2, N, scaled, N, T);
        LearnabilityStudy.Options norm = new LearnabilityStudy.Options(0, null, 0.95, 1, true);
        LearnabilityStudy.Options raw = new LearnabilityStudy.Options(0, null, 0.95, 1, false);
        var a = LearnabilityStudy.run(r, new SampleCovariance(), xi, xi, raw, 1, LearnabilityStudy.Progress.NONE);
        var b = LearnabilityStudy.run(r, new SampleCovariance(), s, s, norm, 1, LearnabilityStudy.Progress.NONE);
        var c = LearnabilityStudy.run(r, new SampleCovariance(), s, s, raw, 1, LearnabilityStudy.Progress.NONE);
        for (int j = 0; j < PairScores.COUNT; j++) {
            assertArrayEquals(a.estimate().get(j), b.estimate().get(j), 1e-12 * Math.abs(a.estimate().get(j)[0]));
        }
        // As given, the score of a direction scaled by f grows as f^4 (f^2 from xi, f^2 from eta).
        assertEquals(Math.pow(0.1, 4), c.estimate().flr2()[0] / a.estimate().flr2()[0], 1e-12);
    }

    @Test
    void intervalsDoNotDependOnTheThreadCountAndBracketTheEstimate() {
        Recording r = recording(9);
        Directions xi = pm1(3, 10);
        Directions eta = pm1(3, 11);
        for (CovarianceEstimator e : new CovarianceEstimator[] {new SampleCovariance(), new LedoitWolf(),
            new FactorAnalysis(2)}) {
            LearnabilityStudy.Options o = new LearnabilityStudy.Options(100, null, 0.9, 3, false);
            long[] last = new long[2];
            LearnabilityResult one = LearnabilityStudy.run(r, e, xi, eta, o, 1, (done, total) -> {
                last[0] = Math.max(last[0], done);
                last[1] = total;
            });
            LearnabilityResult three = LearnabilityStudy.run(r, e, xi, eta, o, 3, LearnabilityStudy.Progress.NONE);
            assertEquals(101, last[0], "every resample and the full estimate reported");
            assertEquals(101, last[1]);
            for (int j = 0; j < PairScores.COUNT; j++) {
                assertArrayEquals(one.low().get(j), three.low().get(j), 0.0, e.name());
                assertArrayEquals(one.high().get(j), three.high().get(j), 0.0, e.name());
                for (int k = 0; k < 3; k++) {
                    double est = one.estimate().get(j)[k];
                    assertTrue(one.low().get(j)[k] < one.high().get(j)[k], e.name());
                    // the estimate sits inside its own interval, allowing for the bias of the bootstrap distribution
                    double width = one.high().get(j)[k] - one.low().get(j)[k];
                    assertTrue(est > one.low().get(j)[k] - width / 2 && est < one.high().get(j)[k] + width / 2);
                }
            }
            assertEquals(0, one.dropped());
            assertTrue(one.blockAutomatic());
        }
    }
}
