package org.plasticity.numeric;

/** Small dense helpers over row-major arrays: quadratic forms, norms and products used by statistics and formulae. */
public final class Vectors {
    private Vectors() {}

    /** @return {@code u^T A v} for row-major {@code n x n} A. */
    public static double bilinear(int n, double[] u, double[] a, double[] v) {
        double[] av = new double[n];
        Blas.gemv(n, n, 1.0, a, 0, v, 0, 0.0, av, 0);
        return Blas.dot(n, u, av);
    }

    /** @return {@code A v} for row-major {@code m x n} A. */
    public static double[] multiply(int m, int n, double[] a, double[] v) {
        double[] out = new double[m];
        Blas.gemv(m, n, 1.0, a, 0, v, 0, 0.0, out, 0);
        return out;
    }

    /** @return {@code x . y}. */
    public static double dot(double[] x, double[] y) {
        return Blas.dot(x.length, x, y);
    }

    /** @return the largest absolute entry of {@code x}. */
    public static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** @return {@code x} rounded to single precision. */
    public static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    /** @return {@code x} widened to double precision. */
    public static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }
}
