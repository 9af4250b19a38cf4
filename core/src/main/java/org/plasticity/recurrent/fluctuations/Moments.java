package org.plasticity.recurrent.fluctuations;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.plasticity.stats.Summary;

/**
 * Mean and covariance of stationary activity over time and trials, with the pieces needed for standard errors:
 * per-trial means and per-group covariances.
 * <pre>
 *   xbar = &lt;x&gt;,      C = &lt;(x - xbar)(x - xbar)^T&gt;      (average over sampled times and trials)
 * </pre>
 * Groups are fixed blocks of trials, simulated independently; a statistic's standard error is the spread of its
 * per-group values over {@code sqrt(groups)}.
 */
public final class Moments {
    private final int n;
    private final double[] mean;
    private final double[] covariance;
    private final double[] secondMoment;
    private final double[][] trialMeans;
    private final double[][] groupCovariances;
    private final long samples;

    private Moments(int n, double[] mean, double[] covariance, double[] secondMoment, double[][] trialMeans,
                    double[][] groupCovariances, long samples) {
        this.n = n;
        this.mean = mean;
        this.covariance = covariance;
        this.secondMoment = secondMoment;
        this.trialMeans = trialMeans;
        this.groupCovariances = groupCovariances;
        this.samples = samples;
    }

    /** Combines the accumulators of consecutive trial groups, in the given (trial) order. */
    public static Moments combine(List<MomentAccumulator> groups) {
        int n = groups.get(0).n();
        int totalTrials = groups.stream().mapToInt(MomentAccumulator::trials).sum();
        double[][] trialMeans = new double[totalTrials][];
        double[][] groupCov = new double[groups.size()][];
        double[] sum = new double[n];
        double[] outer = new double[n * n];
        long total = 0;
        int t = 0;
        for (int g = 0; g < groups.size(); g++) {
            MomentAccumulator acc = groups.get(g);
            double[] sums = acc.trialSums();
            long[] counts = acc.trialCounts();
            double[][] means = acc.trialMeans();
            double[] gsum = new double[n];
            long gcount = 0;
            for (int b = 0; b < acc.trials(); b++, t++) {
                for (int i = 0; i < n; i++) {
                    gsum[i] += sums[b * n + i];
                }
                trialMeans[t] = means[b];
                gcount += counts[b];
            }
            double[] gouter = acc.outerSum();
            groupCov[g] = covariance(n, gsum, gouter, gcount);
            for (int i = 0; i < n; i++) {
                sum[i] += gsum[i];
            }
            for (int k = 0; k < n * n; k++) {
                outer[k] += gouter[k];
            }
            total += gcount;
        }
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = sum[i] / total;
        }
        double[] second = new double[n * n];
        for (int k = 0; k < n * n; k++) {
            second[k] = outer[k] / total;
        }
        return new Moments(n, mean, covariance(n, sum, outer, total), second, trialMeans, groupCov, total);
    }

    private static double[] covariance(int n, double[] sum, double[] outer, long count) {
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            double mi = sum[i] / count;
            for (int j = 0; j < n; j++) {
                c[i * n + j] = outer[i * n + j] / count - mi * (sum[j] / count);
            }
        }
        return c;
    }

    public int n() {
        return n;
    }

    /** @return the mean {@code xbar} (shared, do not modify). */
    public double[] mean() {
        return mean;
    }

    /** @return the covariance C, row-major (shared, do not modify). */
    public double[] covariance() {
        return covariance;
    }

    /** @return the second moment {@code <x x^T> = C + xbar xbar^T}, row-major (shared, do not modify). */
    public double[] secondMoment() {
        return secondMoment;
    }

    /** @return the mean of each trial (shared, do not modify). */
    public double[][] trialMeans() {
        return trialMeans;
    }

    public int trials() {
        return trialMeans.length;
    }

    public int groups() {
        return groupCovariances.length;
    }

    public long samples() {
        return samples;
    }

    /** @return the mean variance per unit, {@code tr C / N}. */
    public double meanVariance() {
        return meanVariance(covariance);
    }

    static double meanVariance(double[] c) {
        int n = (int) Math.round(Math.sqrt(c.length));
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += c[i * n + i];
        }
        return s / n;
    }

    /**
     * @return the variance of activity along direction {@code v}, {@code v^T C v / N} (for +-1 entries, the variance
     *     of the projection {@code v . x / sqrt N})
     */
    public double varianceAlong(double[] v) {
        return quadratic(covariance, v) / n;
    }

    static double quadratic(double[] c, double[] v) {
        int n = v.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) {
                row += c[i * n + j] * v[j];
            }
            s += v[i] * row;
        }
        return s;
    }

    /** @return the covariance of trial group {@code k} alone (not a copy: do not modify). */
    public double[] groupCovariance(int k) {
        return groupCovariances[k];
    }

    /**
     * @return the standard error of a statistic of the covariance: the standard deviation of its value on each
     *     group's covariance, over {@code sqrt(groups)}; NaN with one group
     */
    public double standardError(ToDoubleFunction<double[]> statisticOfCovariance) {
        int g = groupCovariances.length;
        if (g < 2) {
            return Double.NaN;
        }
        double[] vals = new double[g];
        for (int k = 0; k < g; k++) {
            vals[k] = statisticOfCovariance.applyAsDouble(groupCovariances[k]);
        }
        return Summary.standardError(vals);
    }

    /** @return the standard error of {@link #meanVariance()}. */
    public double meanVarianceError() {
        return standardError(Moments::meanVariance);
    }

    /** @return the standard error of {@link #varianceAlong(double[])}. */
    public double varianceAlongError(double[] v) {
        return standardError(c -> quadratic(c, v) / n);
    }
}
