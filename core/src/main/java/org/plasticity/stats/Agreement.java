package org.plasticity.stats;

/**
 * How well predictions match measurements across tasks.
 *
 * @param pearsonR     linear correlation of measured against predicted
 * @param loglogSlope  least-squares slope of log(measured) on log(predicted), over pairs where both are positive
 *                     (1 for proportionality)
 * @param fitSlope     least-squares slope through the origin, {@code sum(p m) / sum(p^2)} (1 when the prediction
 *                     is right in absolute terms)
 * @param loglogR      correlation of the logs
 * @param positivePairs pairs used for the log-log statistics
 */
public record Agreement(double pearsonR, double loglogSlope, double fitSlope, double loglogR, int positivePairs) {

    /** @return the agreement of {@code measured} with {@code predicted} (equal lengths). */
    public static Agreement of(double[] predicted, double[] measured) {
        int n = predicted.length;
        double spm = 0;
        double spp = 0;
        for (int i = 0; i < n; i++) {
            spm += predicted[i] * measured[i];
            spp += predicted[i] * predicted[i];
        }
        double[] lp = new double[n];
        double[] lm = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (predicted[i] > 0 && measured[i] > 0) {
                lp[k] = Math.log(predicted[i]);
                lm[k] = Math.log(measured[i]);
                k++;
            }
        }
        lp = java.util.Arrays.copyOf(lp, k);
        lm = java.util.Arrays.copyOf(lm, k);
        return new Agreement(pearson(predicted, measured), slope(lp, lm), spp == 0 ? Double.NaN : spm / spp,
                pearson(lp, lm), k);
    }

    /** @return Pearson's correlation coefficient; NaN for fewer than 3 pairs or zero variance. */
    public static double pearson(double[] x, double[] y) {
        double[] s = centredSums(x, y);
        return s == null || s[0] == 0 || s[2] == 0 ? Double.NaN : s[1] / Math.sqrt(s[0] * s[2]);
    }

    /** @return the least-squares slope of y on x (with intercept); NaN for fewer than 3 pairs. */
    public static double slope(double[] x, double[] y) {
        double[] s = centredSums(x, y);
        return s == null || s[0] == 0 ? Double.NaN : s[1] / s[0];
    }

    /** @return Spearman's rank correlation (Pearson's r of the ranks, ties given their mean rank). */
    public static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = mean;
            }
            i = j + 1;
        }
        return r;
    }

    /** @return {@code {Sxx, Sxy, Syy}} about the means, or null for fewer than 3 pairs. */
    private static double[] centredSums(double[] x, double[] y) {
        int n = x.length;
        if (n < 3) {
            return null;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double[] s = new double[3];
        for (int i = 0; i < n; i++) {
            s[0] += (x[i] - mx) * (x[i] - mx);
            s[1] += (x[i] - mx) * (y[i] - my);
            s[2] += (y[i] - my) * (y[i] - my);
        }
        return s;
    }
}
