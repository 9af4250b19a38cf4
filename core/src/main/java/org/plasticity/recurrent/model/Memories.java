package org.plasticity.recurrent.model;

import java.util.SplittableRandom;

/**
 * M random binary patterns {@code p^mu in {-1, +1}^N}, the memories embedded before learning (docs/model.md#memories, after
 * Kurikawa &amp; Kaneko's convention of binary random patterns).
 */
public final class Memories {
    private final int n;
    private final double[][] patterns;

    private Memories(int n, double[][] patterns) {
        this.n = n;
        this.patterns = patterns;
    }

    /** Draws {@code m} independent patterns of {@code n} fair +-1 entries. */
    public static Memories random(int n, int m, SplittableRandom rng) {
        double[][] p = new double[m][n];
        for (double[] row : p) {
            for (int i = 0; i < n; i++) {
                row[i] = rng.nextBoolean() ? 1.0 : -1.0;
            }
        }
        return new Memories(n, p);
    }

    /** Wraps given patterns (copied). */
    public static Memories of(double[][] patterns) {
        int n = patterns.length == 0 ? 0 : patterns[0].length;
        double[][] copy = new double[patterns.length][];
        for (int k = 0; k < patterns.length; k++) {
            copy[k] = patterns[k].clone();
        }
        return new Memories(n, copy);
    }

    public int size() {
        return patterns.length;
    }

    public int n() {
        return n;
    }

    /** @return a copy of pattern {@code mu}. */
    public double[] pattern(int mu) {
        return patterns[mu].clone();
    }

    /**
     * The Hebbian (Hopfield) coupling {@code J_ij = (1/N) sum_mu p_i^mu p_j^mu} for {@code i != j}, {@code J_ii = 0}
     * (docs/model.md#memories), row-major.
     */
    public double[] hebbianCoupling() {
        double[] j = new double[n * n];
        for (double[] p : patterns) {
            for (int r = 0; r < n; r++) {
                double pr = p[r] / n;
                int row = r * n;
                for (int c = 0; c < n; c++) {
                    j[row + c] += pr * p[c];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            j[i * n + i] = 0;
        }
        return j;
    }
}
