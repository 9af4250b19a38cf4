package org.plasticity.neural.method;

import org.plasticity.numeric.Blas;

/** Small dense helpers the regressions share: column means, centring, {@code X^T Y} and a k x k solve. */
final class Dense {
    /** Features transposed per block in {@link #crossProduct}: 256 x n doubles at a time. */
    private static final int BLOCK = 256;

    private Dense() {}

    /** @return the mean of each of the {@code cols} columns of the row-major {@code rows x cols} matrix. */
    static double[] columnMeans(double[] a, int rows, int cols) {
        double[] mean = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                mean[j] += a[i * cols + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            mean[j] /= rows;
        }
        return mean;
    }

    /** @return a new row-major {@code rows x cols} matrix, {@code a} with {@code mean} taken from every row. */
    static double[] centred(double[] a, int rows, int cols, double[] mean) {
        double[] c = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                c[i * cols + j] = a[i * cols + j] - mean[j];
            }
        }
        return c;
    }

    /** @return the transpose ({@code cols x rows}) of {@code a} ({@code rows x cols}) with {@code mean} taken off. */
    static double[] centredTransposed(double[] a, int rows, int cols, double[] mean) {
        double[] t = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a[i * cols + j] - mean[j];
            }
        }
        return t;
    }

    /**
     * {@code M^T = Y^T X}, {@code q x p} row-major, for {@code X} ({@code n x p}, row-major) and {@code Y^T}
     * ({@code q x n}, row-major). Blocks of {@value #BLOCK} columns of X are transposed in turn, so that every
     * entry is one row-by-row product of {@link Blas#gemmNT} (contiguous along n, the fast kernel) without a second
     * copy of X.
     */
    static double[] crossProduct(double[] x, double[] yt, int n, int p, int q) {
        double[] mt = new double[q * p];
        int width = Math.min(BLOCK, p);
        double[] block = new double[width * n];
        double[] out = new double[q * width];
        for (int j0 = 0; j0 < p; j0 += width) {
            int c = Math.min(width, p - j0);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < c; j++) {
                    block[j * n + i] = x[i * p + j0 + j];
                }
            }
            Blas.gemmNT(q, c, n, 1.0, yt, block, 0.0, out);
            for (int i = 0; i < q; i++) {
                System.arraycopy(out, i * c, mt, i * p + j0, c);
            }
        }
        return mt;
    }

    /**
     * Solves {@code A X = B} for the row-major {@code k x k} matrix A and {@code k x m} right-hand sides B by
     * Gaussian elimination with partial pivoting (neither modified).
     *
     * @throws ArithmeticException when A is singular
     */
    static double[] solve(double[] a, double[] b, int k, int m) {
        double[] lu = a.clone();
        double[] x = b.clone();
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(lu[r * k + col]) > Math.abs(lu[pivot * k + col])) {
                    pivot = r;
                }
            }
            if (lu[pivot * k + col] == 0) {
                throw new ArithmeticException("singular " + k + " x " + k + " system");
            }
            swapRows(lu, col, pivot, k);
            swapRows(x, col, pivot, m);
            for (int r = col + 1; r < k; r++) {
                double f = lu[r * k + col] / lu[col * k + col];
                for (int c = col; c < k; c++) {
                    lu[r * k + c] -= f * lu[col * k + c];
                }
                for (int c = 0; c < m; c++) {
                    x[r * m + c] -= f * x[col * m + c];
                }
            }
        }
        for (int r = k - 1; r >= 0; r--) {
            for (int c = 0; c < m; c++) {
                double s = x[r * m + c];
                for (int j = r + 1; j < k; j++) {
                    s -= lu[r * k + j] * x[j * m + c];
                }
                x[r * m + c] = s / lu[r * k + r];
            }
        }
        return x;
    }

    private static void swapRows(double[] a, int r1, int r2, int width) {
        if (r1 == r2) {
            return;
        }
        for (int c = 0; c < width; c++) {
            double t = a[r1 * width + c];
            a[r1 * width + c] = a[r2 * width + c];
            a[r2 * width + c] = t;
        }
    }

    /** @return {@code sum a_i^2}. */
    static double sumSquares(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return s;
    }

    /** Checks the sizes a regression is given. */
    static void checkShape(double[] x, double[] y, int n, int p, int q) {
        if (n < 2 || p < 1 || q < 1) {
            throw new IllegalArgumentException("a regression needs at least 2 samples, 1 input and 1 target, got n = "
                    + n + ", p = " + p + ", q = " + q);
        }
        if ((long) n * p != x.length || (long) n * q != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values and y " + y.length + ", not " + n
                    + " x " + p + " and " + n + " x " + q);
        }
        for (double[] a : new double[][] {x, y}) {
            for (double v : a) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("regression data contain a non-finite value (" + v + ")");
                }
            }
        }
    }
}
