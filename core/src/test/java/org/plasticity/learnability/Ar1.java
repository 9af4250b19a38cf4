package org.plasticity.learnability;

import java.util.SplittableRandom;

/**
 * A stationary vector AR(1) process {@code x_t = phi x_(t-1) + sqrt(1 - phi^2) B z_t}, z_t ~ N(0, I), started in its
 * stationary law: its covariance is exactly {@code B B^T} at every t, and each neuron's autocorrelation at lag k is
 * {@code phi^k}, so its e-folding time is {@code -1 / ln phi} samples.
 */
final class Ar1 {
    private Ar1() {}

    /** @return {@code samples x n} row-major, B {@code n x n} row-major. */
    static double[] simulate(double[] b, int n, double phi, int samples, SplittableRandom rng) {
        double[] x = new double[samples * n];
        double[] z = new double[n];
        double s = Math.sqrt(1 - phi * phi);
        for (int t = 0; t < samples; t++) {
            for (int i = 0; i < n; i++) {
                z[i] = rng.nextGaussian();
            }
            for (int i = 0; i < n; i++) {
                double bz = 0;
                for (int j = 0; j < n; j++) {
                    bz += b[i * n + j] * z[j];
                }
                x[t * n + i] = t == 0 ? bz : phi * x[(t - 1) * n + i] + s * bz;
            }
        }
        return x;
    }

    /** @return {@code B B^T}. */
    static double[] covariance(double[] b, int n) {
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    c[i * n + j] += b[i * n + k] * b[j * n + k];
                }
            }
        }
        return c;
    }
}
