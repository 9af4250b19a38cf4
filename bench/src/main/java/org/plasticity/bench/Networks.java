package org.plasticity.bench;

import java.util.SplittableRandom;

/**
 * Fixed inputs shared by the benchmarks and mirrored by {@code bench/peer/rnn_step.py}: a random symmetric coupling
 * scaled by {@code 1/sqrt(N)}, a field {@code h = 0.1 (+-1)} and the step constants. Built once per trial (JMH
 * {@code Level.Trial} setup), never inside a measured method.
 */
final class Networks {
    static final double DT = 0.05;
    static final double BETA = 0.6;
    static final double SIGMA = 0.2;
    /** Noise scale of one Euler–Maruyama step, {@code sigma sqrt(dt)}. */
    static final double S = SIGMA * Math.sqrt(DT);
    static final long SEED = 20240601L;

    private Networks() {}

    /** Row-major {@code n x n} symmetric coupling, off-diagonal entries N(0,1)/sqrt(n), zero diagonal. */
    static double[] coupling(int n, SplittableRandom rng) {
        double[] j = new double[n * n];
        double scale = 1.0 / Math.sqrt(n);
        for (int r = 0; r < n; r++) {
            for (int c = r + 1; c < n; c++) {
                double v = rng.nextGaussian() * scale;
                j[r * n + c] = v;
                j[c * n + r] = v;
            }
        }
        return j;
    }

    /** External field {@code 0.1 * (+-1)}. */
    static double[] field(int n, SplittableRandom rng) {
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = rng.nextBoolean() ? 0.1 : -0.1;
        }
        return h;
    }

    /** Initial state: {@code 0.1 N(0,1)} per unit. */
    static double[] state(int len, SplittableRandom rng) {
        double[] x = new double[len];
        for (int i = 0; i < len; i++) {
            x[i] = 0.1 * rng.nextGaussian();
        }
        return x;
    }
}
