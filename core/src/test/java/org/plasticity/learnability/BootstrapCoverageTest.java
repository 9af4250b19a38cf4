package org.plasticity.learnability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The moving-block bootstrap's intervals cover the true score at about the nominal rate on autocorrelated data with a
 * known covariance, and resampling single samples (block 1, the iid bootstrap) does not: AR(1) recordings with phi =
 * 0.9 (e-folding time 9.5 samples) and covariance B B^T, scored with the sample covariance; the true scores are
 * those of B B^T. Many independent recordings give the coverage rate; its binomial spread over 150 recordings is
 * about 0.02 at 0.9.
 */
class BootstrapCoverageTest {
    static final int NEURONS = 4;
    static final int SAMPLES = 1000;
    static final double PHI = 0.9;
    static final int RECORDINGS = 150;
    static final int RESAMPLES = 200;

    @Test
    void blockIntervalsCoverAtAboutTheNominalRateAndIidIntervalsUndercover() {
        SplittableRandom setup = new SplittableRandom(11);
        double[] b = new double[NEURONS * NEURONS];
        for (int i = 0; i < b.length; i++) {
            b[i] = 0.5 * setup.nextGaussian() + (i % (NEURONS + 1) == 0 ? 1 : 0);
        }
        double[] xi = {1, -1, 1, 1, -1, 1, -1, -1};
        double[] eta = {1, 1, -1, 1, 0.5, -1, 2, 0};
        Directions targets = Directions.of("xi", 2, NEURONS, xi, NEURONS, SAMPLES);
        Directions inputs = Directions.of("eta", 2, NEURONS, eta, NEURONS, SAMPLES);
        PairScores truth = PairScores.compute(Ar1.covariance(b, NEURONS), NEURONS, xi, eta, 2);

        int[][] covered = new int[2][PairScores.COUNT];
        double blocks = 0;
        for (int rec = 0; rec < RECORDINGS; rec++) {
            double[] x = Ar1.simulate(b, NEURONS, PHI, SAMPLES, new SplittableRandom(1000 + rec));
            Recording r = Recording.of("ar1", SAMPLES, NEURONS, x);
            for (int mode = 0; mode < 2; mode++) {
                LearnabilityStudy.Options o = new LearnabilityStudy.Options(RESAMPLES, mode == 0 ? null : 1, 0.95,
                        rec, false);
                LearnabilityResult res = LearnabilityStudy.run(r, new SampleCovariance(), targets, inputs, o, 2,
                        LearnabilityStudy.Progress.NONE);
                blocks += mode == 0 ? res.block() : 0;
                for (int j = 0; j < PairScores.COUNT; j++) {
                    for (int k = 0; k < 2; k++) {
                        double t = truth.get(j)[k];
                        covered[mode][j] += res.low().get(j)[k] <= t && t <= res.high().get(j)[k] ? 1 : 0;
                    }
                }
            }
        }
        StringBuilder report = new StringBuilder("mean block " + blocks / RECORDINGS + "; coverage block / iid:");
        for (int j = 0; j < PairScores.COUNT; j++) {
            double block = covered[0][j] / (2.0 * RECORDINGS);
            double iid = covered[1][j] / (2.0 * RECORDINGS);
            report.append(String.format(" [%d] %.3f / %.3f", j, block, iid));
        }
        System.out.println(report);
        for (int j = 0; j < PairScores.COUNT; j++) {
            double block = covered[0][j] / (2.0 * RECORDINGS);
            double iid = covered[1][j] / (2.0 * RECORDINGS);
            assertTrue(block >= 0.85 && block <= 0.99, "block coverage of score " + j + ": " + report);
            assertTrue(iid <= 0.75, "iid coverage of score " + j + " should fall short: " + report);
            assertTrue(block - iid >= 0.15, report.toString());
        }
    }
}
