package org.plasticity.learnability;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The moving-block bootstrap over time (Kuensch, Ann. Statist. 17, 1989; Lahiri, "Resampling Methods for Dependent
 * Data", 2003): a resample of a recording of n samples is made of blocks of L consecutive samples, each starting at
 * a uniformly drawn sample {@code 0 .. n - L}, laid end to end and cut at n samples. Within a block the samples keep
 * their autocorrelation, which resampling single samples (L = 1, the ordinary bootstrap) destroys: for a recording
 * with a correlation time of several samples its intervals are too narrow. See docs/learnability.md#bootstrap.
 */
public final class BlockBootstrap {
    /** The default block is at least this many autocorrelation times. */
    public static final double TIMES_AUTOCORRELATION = 3.0;
    private static final double E_FOLD = Math.exp(-1);

    private BlockBootstrap() {}

    /** @return the sample indices of one resample of {@code n} samples in blocks of {@code block}. */
    public static int[] resample(int n, int block, SplittableRandom rng) {
        if (block < 1 || block > n) {
            throw new IllegalArgumentException("block " + block + " for " + n + " samples");
        }
        int[] idx = new int[n];
        int starts = n - block + 1;
        for (int t = 0; t < n; ) {
            int s = rng.nextInt(starts);
            for (int j = 0; j < block && t < n; j++) {
                idx[t++] = s + j;
            }
        }
        return idx;
    }

    /**
     * The default block length: {@code L = max(ceil(n^(1/3)), ceil(3 tau))}, at most n, with tau the
     * {@link #autocorrelationTime} of the recording. n^(1/3) is the order that minimises the error of block-bootstrap
     * variance estimates (Hall, Horowitz &amp; Jing, Biometrika 82, 1995); the three autocorrelation times keep the
     * correlation of neighbouring samples inside the blocks when that time is long.
     */
    public static int defaultBlock(int samples, double autocorrelationTime) {
        double cube = Math.ceil(Math.cbrt(samples) - 1e-9);
        double fromTau = Math.ceil(TIMES_AUTOCORRELATION * autocorrelationTime - 1e-9);
        return (int) Math.max(1, Math.min(samples, Math.max(cube, fromTau)));
    }

    /**
     * The e-folding time of the recording, in samples: the lag at which the autocorrelation averaged over neurons,
     * {@code r(k) = mean_i sum_t z_ti z_(t+k)i / sum_t z_ti^2} (z centred), first falls below 1/e, interpolated
     * linearly between the two lags around the crossing (so 0 &lt;= tau; about {@code -1/ln phi} for an AR(1) process
     * {@code x_t = phi x_(t-1) + noise}). The crossing is bracketed by doubling the lag and then found by bisection,
     * so that a slow recording costs {@code O(log tau)} passes over the data, not tau of them; for an
     * autocorrelation that decays monotonically this is the first crossing.
     *
     * @param centred {@code samples x neurons}, centred, no constant neuron
     */
    public static double autocorrelationTime(double[] centred, int samples, int neurons) {
        double[] norm = new double[neurons];
        for (int t = 0; t < samples; t++) {
            for (int i = 0; i < neurons; i++) {
                double v = centred[t * neurons + i];
                norm[i] += v * v;
            }
        }
        int lo = 0;
        double rLo = 1.0;
        int hi = 1;
        double rHi = autocorrelation(centred, samples, neurons, norm, hi);
        while (rHi >= E_FOLD && hi < samples - 1) {
            lo = hi;
            rLo = rHi;
            hi = Math.min(samples - 1, 2 * hi);
            rHi = autocorrelation(centred, samples, neurons, norm, hi);
        }
        if (rHi >= E_FOLD) {
            return samples - 1; // never falls below 1/e within the recording
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            double r = autocorrelation(centred, samples, neurons, norm, mid);
            if (r >= E_FOLD) {
                lo = mid;
                rLo = r;
            } else {
                hi = mid;
                rHi = r;
            }
        }
        return lo + (rLo - E_FOLD) / (rLo - rHi);
    }

    private static double autocorrelation(double[] z, int samples, int neurons, double[] norm, int lag) {
        double[] sum = new double[neurons];
        for (int t = 0; t + lag < samples; t++) {
            int a = t * neurons;
            int b = (t + lag) * neurons;
            for (int i = 0; i < neurons; i++) {
                sum[i] += z[a + i] * z[b + i];
            }
        }
        double r = 0;
        for (int i = 0; i < neurons; i++) {
            r += sum[i] / norm[i];
        }
        return r / neurons;
    }

    /**
     * The percentile interval (Efron &amp; Tibshirani 1993, ch. 13) of the finite values among {@code replicates}:
     * the {@code (1 - level)/2} and {@code (1 + level)/2} quantiles, interpolated linearly between order statistics
     * (type 7 of Hyndman &amp; Fan 1996, numpy's default).
     *
     * @return {@code {low, high}}, NaN when no replicate is finite
     */
    public static double[] percentile(double[] replicates, double level) {
        double[] sorted = Arrays.stream(replicates).filter(Double::isFinite).sorted().toArray();
        if (sorted.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double tail = (1 - level) / 2;
        return new double[] {quantile(sorted, tail), quantile(sorted, 1 - tail)};
    }

    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
