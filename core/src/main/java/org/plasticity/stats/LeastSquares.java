package org.plasticity.stats;

/** Ordinary least squares with an intercept, for the handful of regressors the figures fit. */
public final class LeastSquares {
    private LeastSquares() {}

    /**
     * Fits {@code y = b_1 x_1 + ... + b_p x_p + c} through the centred normal equations, solved by Gaussian elimination
     * with partial pivoting (p is 2 or 3 here, so conditioning is checked, not engineered).
     *
     * @param x rows of p regressors, one row per observation, more rows than p
     * @return {b_1 .. b_p}, without the intercept
     */
    public static double[] slopes(double[][] x, double[] y) {
        int n = y.length;
        int p = x[0].length;
        if (x.length != n || n <= p) {
            throw new IllegalArgumentException("need more observations than regressors: " + n + " rows, " + p
                    + " regressors");
        }
        double[] mx = new double[p];
        double my = 0;
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                mx[a] += x[i][a] / n;
            }
            my += y[i] / n;
        }
        double[][] m = new double[p][p + 1];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                double da = x[i][a] - mx[a];
                for (int b = 0; b < p; b++) {
                    m[a][b] += da * (x[i][b] - mx[b]);
                }
                m[a][p] += da * (y[i] - my);
            }
        }
        for (int col = 0; col < p; col++) {
            int pivot = col;
            for (int r = col + 1; r < p; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            if (Math.abs(m[col][col]) < 1e-12 * (1 + Math.abs(m[0][0]))) {
                throw new IllegalArgumentException("regressors are collinear");
            }
            for (int r = col + 1; r < p; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= p; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] b = new double[p];
        for (int a = p - 1; a >= 0; a--) {
            double s = m[a][p];
            for (int c = a + 1; c < p; c++) {
                s -= m[a][c] * b[c];
            }
            b[a] = s / m[a][a];
        }
        return b;
    }
}
