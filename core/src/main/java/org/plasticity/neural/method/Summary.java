package org.plasticity.neural.method;

import java.util.Arrays;

/**
 * The aggregations of Brain-Score's scores, NaN-skipping as its xarray reductions are ({@code skipna} is the default
 * for floating-point data): the median over neurons, the mean over splits and the standard error over splits,
 * {@code std / sqrt(splits)} with the population standard deviation ({@code ddof = 0}, xarray's default, as in
 * Brain-Score's {@code standard_error_of_the_mean}). Each is NaN when every value is NaN.
 */
public final class Summary {
    private Summary() {}

    /** @return the median of the non-NaN values (the mean of the middle two for an even count). */
    public static double median(double[] values) {
        double[] v = finite(values);
        if (v.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** @return the mean of the non-NaN values. */
    public static double mean(double[] values) {
        double[] v = finite(values);
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** @return {@code std(ddof=0) / sqrt(count)} of the non-NaN values. */
    public static double standardError(double[] values) {
        double[] v = finite(values);
        if (v.length == 0) {
            return Double.NaN;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length) / Math.sqrt(v.length);
    }

    /**
     * @param values {@code splits x columns} row-major
     * @return the NaN-skipping mean of each column over the rows
     */
    static double[] columnMeans(double[][] values, int columns) {
        double[] out = new double[columns];
        double[] column = new double[values.length];
        for (int j = 0; j < columns; j++) {
            for (int s = 0; s < values.length; s++) {
                column[s] = values[s][j];
            }
            out[j] = mean(column);
        }
        return out;
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
    }
}
