package org.plasticity.neural.method;

/**
 * Pearson correlation, as {@code scipy.stats.pearsonr} (which Brain-Score calls per neuron): {@code r = sum dx dy /
 * sqrt(sum dx^2 sum dy^2)} with {@code dx = x - mean(x)}, clipped to [-1, 1]. It is NaN when either input is
 * constant (every value equal), as scipy's (which also warns), and when there are fewer than 2 values; the
 * aggregations in {@link Summary} skip NaN, as Brain-Score's xarray median and mean do.
 */
public final class Pearson {
    private Pearson() {}

    /** @return Pearson r of {@code x} and {@code y} (same length). */
    public static double of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("lengths " + x.length + " and " + y.length);
        }
        return of(x, 0, 1, y, 0, 1, x.length);
    }

    /**
     * @param a    {@code rows x cols} row-major
     * @param b    {@code rows x cols} row-major
     * @return r between column j of a and column j of b, for each j
     */
    public static double[] columns(double[] a, double[] b, int rows, int cols) {
        if ((long) rows * cols != a.length || a.length != b.length) {
            throw new IllegalArgumentException("columns of " + a.length + " and " + b.length + " values are not "
                    + rows + " x " + cols);
        }
        double[] r = new double[cols];
        for (int j = 0; j < cols; j++) {
            r[j] = of(a, j, cols, b, j, cols, rows);
        }
        return r;
    }

    /** r of {@code x[xOff + i xStride]} and {@code y[yOff + i yStride]}, {@code i = 0..n-1}. */
    static double of(double[] x, int xOff, int xStride, double[] y, int yOff, int yStride, int n) {
        if (n < 2 || constant(x, xOff, xStride, n) || constant(y, yOff, yStride, n)) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[xOff + i * xStride];
            my += y[yOff + i * yStride];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[xOff + i * xStride] - mx;
            double dy = y[yOff + i * yStride] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        double r = sxy / Math.sqrt(sxx * syy);
        return Math.max(-1, Math.min(1, r));
    }

    private static boolean constant(double[] a, int off, int stride, int n) {
        for (int i = 1; i < n; i++) {
            if (a[off + i * stride] != a[off]) {
                return false;
            }
        }
        return true;
    }
}
