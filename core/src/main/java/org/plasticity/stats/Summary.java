package org.plasticity.stats;

/** Sample mean, standard deviation and standard error of independent values. */
public final class Summary {
    private Summary() {}

    public static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** @return the unbiased sample standard deviation (n - 1 denominator); NaN for fewer than two values. */
    public static double sd(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    /** @return {@code sd / sqrt(n)}. */
    public static double standardError(double[] v) {
        return sd(v) / Math.sqrt(v.length);
    }
}
