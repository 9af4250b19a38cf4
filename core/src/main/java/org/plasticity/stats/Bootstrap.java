package org.plasticity.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap confidence intervals (Efron &amp; Tibshirani 1993, ch. 13): resample the units (tasks, seeds)
 * with replacement, recompute the statistic, and take the empirical quantiles. Seeded, so intervals are
 * reproducible.
 */
public final class Bootstrap {
    /** Resamples used by the reports. */
    public static final int RESAMPLES = 2000;

    private Bootstrap() {}

    /**
     * @param size      number of units
     * @param statistic the statistic of a resample, given as unit indices (repeats allowed)
     * @param level     coverage, e.g. 0.95
     * @return {@code {lower, upper}}; resamples whose statistic is not finite are dropped
     */
    public static double[] interval(int size, ToDoubleFunction<int[]> statistic, int resamples, double level,
                                    long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        int kept = 0;
        int[] idx = new int[size];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < size; i++) {
                idx[i] = rng.nextInt(size);
            }
            double s = statistic.applyAsDouble(idx);
            if (Double.isFinite(s)) {
                stats[kept++] = s;
            }
        }
        if (kept == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] sorted = Arrays.copyOf(stats, kept);
        Arrays.sort(sorted);
        double tail = (1 - level) / 2;
        return new double[] {quantile(sorted, tail), quantile(sorted, 1 - tail)};
    }

    /** @return the interval of the mean of {@code values}. */
    public static double[] meanInterval(double[] values, long seed) {
        return interval(values.length, idx -> {
            double s = 0;
            for (int i : idx) {
                s += values[i];
            }
            return s / idx.length;
        }, RESAMPLES, 0.95, seed);
    }

    /** @return the interval of Pearson's r between paired {@code x} and {@code y}. */
    public static double[] pearsonInterval(double[] x, double[] y, long seed) {
        return interval(x.length, idx -> Agreement.pearson(pick(x, idx), pick(y, idx)), RESAMPLES, 0.95, seed);
    }

    /** @return the interval of Spearman's rank correlation between paired {@code x} and {@code y}. */
    public static double[] spearmanInterval(double[] x, double[] y, long seed) {
        return interval(x.length, idx -> Agreement.spearman(pick(x, idx), pick(y, idx)), RESAMPLES, 0.95, seed);
    }

    static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }

    // Linear interpolation between order statistics (type 7 of Hyndman & Fan 1996).
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
