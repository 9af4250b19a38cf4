package org.plasticity.recurrent.fluctuations;

import org.plasticity.numeric.Blas;
import org.plasticity.recurrent.dynamics.Recorder;

/**
 * Streams first and second moments of sampled states for one group of trials: per-trial sums of {@code x} and the
 * pooled sum of {@code x x^T}. Samples are buffered and folded in with one GEMM per block ({@code S^T S}), so the
 * cost per sample is a fraction of a network step. An accumulator made {@link #trialMeansOnly} keeps the per-trial
 * sums alone, for runs whose covariance nobody reads.
 */
public final class MomentAccumulator implements Recorder {
    private static final int BLOCK_ROWS = 256;

    private final int n;
    private final int firstTrial;
    private final int trials;
    private final double[] trialSums;
    private final long[] trialCounts;
    private final double[] outer;
    private final double[] buffer;
    private int buffered;

    /** An accumulator for trials {@code firstTrial .. firstTrial + trials - 1} of {@code n} units. */
    public MomentAccumulator(int n, int firstTrial, int trials) {
        this(n, firstTrial, trials, true);
    }

    private MomentAccumulator(int n, int firstTrial, int trials, boolean outer) {
        this.n = n;
        this.firstTrial = firstTrial;
        this.trials = trials;
        this.trialSums = new double[trials * n];
        this.trialCounts = new long[trials];
        this.outer = outer ? new double[n * n] : null;
        this.buffer = outer ? new double[BLOCK_ROWS * n] : null;
    }

    /** @return an accumulator of per-trial sums only: its {@link #trialMeans()} are those of a full one. */
    public static MomentAccumulator trialMeansOnly(int n, int firstTrial, int trials) {
        return new MomentAccumulator(n, firstTrial, trials, false);
    }

    @Override
    public void sample(int first, int count, int units, double[] states) {
        if (units != n || first < firstTrial || first + count > firstTrial + trials) {
            throw new IllegalArgumentException("sample outside this accumulator's trials or size");
        }
        for (int b = 0; b < count; b++) {
            int t = first - firstTrial + b;
            trialCounts[t]++;
            int src = b * n;
            int dst = t * n;
            for (int i = 0; i < n; i++) {
                trialSums[dst + i] += states[src + i];
            }
            if (buffer == null) {
                continue;
            }
            System.arraycopy(states, src, buffer, buffered * n, n);
            if (++buffered == BLOCK_ROWS) {
                flush();
            }
        }
    }

    private void flush() {
        if (buffer != null && buffered > 0) {
            Blas.gemmTN(n, n, buffered, 1.0, buffer, buffer, 1.0, outer);
            buffered = 0;
        }
    }

    int n() {
        return n;
    }

    int firstTrial() {
        return firstTrial;
    }

    int trials() {
        return trials;
    }

    /** @return per-trial sums of x, row-major {@code trials x n} (flushes pending samples first). */
    double[] trialSums() {
        flush();
        return trialSums;
    }

    /**
     * @return each trial's mean state over its samples, {@code sum / count} per unit (NaN for a trial without
     *     samples), in trial order
     */
    public double[][] trialMeans() {
        double[][] means = new double[trials][n];
        for (int b = 0; b < trials; b++) {
            for (int i = 0; i < n; i++) {
                means[b][i] = trialCounts[b] == 0 ? Double.NaN : trialSums[b * n + i] / trialCounts[b];
            }
        }
        return means;
    }

    long[] trialCounts() {
        return trialCounts;
    }

    /** @return the pooled sum of {@code x x^T} over all samples of the group. */
    double[] outerSum() {
        if (outer == null) {
            throw new IllegalStateException("this accumulator keeps trial means only");
        }
        flush();
        return outer;
    }
}
