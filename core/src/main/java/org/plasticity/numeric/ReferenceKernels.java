package org.plasticity.numeric;

/**
 * Plain-Java reference twins of the fast kernels: the definition the fast code must agree with. Slow on purpose:
 * one loop, {@link Math#tanh}, no blocking.
 */
public final class ReferenceKernels {
    private ReferenceKernels() {}

    /** Reference for {@link EulerKernels#step(boolean, int, double[], int, double[], int, double[], double[], int, double, double, double)}. */
    public static void step(boolean tanh, int n, double[] x, int xOff, double[] u, int uOff, double[] h,
                            double[] z, int zOff, double beta, double dt, double s) {
        for (int i = 0; i < n; i++) {
            double arg = beta * (u[uOff + i] + (h == null ? 0.0 : h[i]));
            double r = tanh ? Math.tanh(arg) : arg;
            double xi = x[xOff + i];
            x[xOff + i] = xi + dt * (r - xi) + s * z[zOff + i];
        }
    }

    /** Reference for {@link Blas#gemmNT(int, int, int, double, double[], double[], double, double[])}. */
    public static void gemmNT(int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[i * k + p] * b[j * k + p];
                }
                c[i * n + j] = alpha * sum + (beta == 0 ? 0 : beta * c[i * n + j]);
            }
        }
    }

    /** Reference for {@link Blas#gemmTN(int, int, int, double, double[], double[], double, double[])}. */
    public static void gemmTN(int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[p * m + i] * b[p * n + j];
                }
                c[i * n + j] = alpha * sum + (beta == 0 ? 0 : beta * c[i * n + j]);
            }
        }
    }

    /** Reference for {@link Blas#gemv(int, int, double, double[], int, double[], int, double, double[], int)}. */
    public static void gemv(int m, int n, double alpha, double[] a, int aOff, double[] x, int xOff,
                            double beta, double[] y, int yOff) {
        for (int i = 0; i < m; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += a[aOff + i * n + j] * x[xOff + j];
            }
            y[yOff + i] = alpha * sum + (beta == 0 ? 0 : beta * y[yOff + i]);
        }
    }

    /** Reference for {@link Blas#ger(int, int, double, double[], int, double[], int, double[], int)}. */
    public static void ger(int m, int n, double alpha, double[] x, int xOff, double[] y, int yOff,
                           double[] a, int aOff) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[aOff + i * n + j] += alpha * x[xOff + i] * y[yOff + j];
            }
        }
    }
}
