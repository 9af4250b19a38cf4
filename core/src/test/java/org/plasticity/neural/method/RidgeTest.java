package org.plasticity.neural.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.plasticity.numeric.Npy;

/** Ridge against scikit-learn's RidgeCV on fixtures, against a direct solve, and its LOO error against refits. */
class RidgeTest {

    @Test
    void choosesScikitLearnsAlphaAndPredictsTheSame() {
        double[] grid = Fixtures.values("ridge_alphas");
        for (String name : new String[] {"tall", "wide"}) { // n > p (sklearn's 'svd' mode), n <= p ('eigen')
            Npy.Array x = Fixtures.read("ridge_" + name + "_x");
            Npy.Array y = Fixtures.read("ridge_" + name + "_y");
            Npy.Array xt = Fixtures.read("ridge_" + name + "_xtest");
            double[] chosen = Fixtures.values("ridge_" + name + "_alpha");
            Ridge.Model m = new Ridge(grid).fit(x.values(), y.values(), x.shape()[0], x.shape()[1], y.shape()[1]);
            assertEquals(chosen[0], m.alpha(), 0, name);
            assertEquals(chosen[1], m.looError(), 1e-10 * chosen[1], name);
            double[] want = Fixtures.values("ridge_" + name + "_pred");
            double[] pred = m.predict(xt.values(), xt.shape()[0]);
            assertTrue(Fixtures.maxAbsDiff(pred, want) <= 1e-8, name + ": " + Fixtures.maxAbsDiff(pred, want));
        }
    }

    @Test
    void defaultGridIsNumpysLogspace() {
        double[] grid = Fixtures.values("ridge_alphas");
        double[] ours = Ridge.defaultAlphas();
        assertEquals(grid.length, ours.length);
        for (int i = 0; i < grid.length; i++) {
            assertEquals(grid[i], ours[i], 1e-13 * grid[i]);
        }
        assertThrows(IllegalArgumentException.class, () -> new Ridge(new double[] {1, 0}));
    }

    @Test
    void oneAlphaEqualsTheNormalEquations() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int[] s : new int[][] {{40, 6, 3}, {12, 30, 2}}) {
            int n = s[0];
            int p = s[1];
            int q = s[2];
            double[] x = Fixtures.gaussian(rng, n, p);
            double[] y = Fixtures.gaussian(rng, n, q);
            double alpha = 2.5;
            Ridge.Model m = new Ridge(new double[] {alpha}).fit(x, y, n, p, q);
            double[] direct = direct(x, y, n, p, q, alpha);
            assertTrue(Fixtures.maxAbsDiff(m.coef(), direct) <= 1e-12, n + " x " + p);
        }
    }

    @Test
    void leaveOneOutErrorEqualsRefits() {
        SplittableRandom rng = new SplittableRandom(12);
        for (int[] s : new int[][] {{15, 4, 2}, {9, 14, 3}}) {
            int n = s[0];
            int p = s[1];
            int q = s[2];
            double[] x = Fixtures.gaussian(rng, n, p);
            double[] y = Fixtures.gaussian(rng, n, q);
            double alpha = 0.7;
            double sum = 0;
            for (int out = 0; out < n; out++) {
                double[] xs = new double[(n - 1) * p];
                double[] ys = new double[(n - 1) * q];
                for (int i = 0, r = 0; i < n; i++) {
                    if (i != out) {
                        System.arraycopy(x, i * p, xs, r * p, p);
                        System.arraycopy(y, i * q, ys, r * q, q);
                        r++;
                    }
                }
                double[] xi = Arrays.copyOfRange(x, out * p, out * p + p);
                double[] pred = new Ridge(new double[] {alpha}).fit(xs, ys, n - 1, p, q).predict(xi, 1);
                for (int c = 0; c < q; c++) {
                    sum += Math.pow(y[out * q + c] - pred[c], 2);
                }
            }
            double loo = new Ridge(new double[] {alpha}).fit(x, y, n, p, q).looError();
            assertEquals(sum / (n * q), loo, 1e-10 * loo, n + " x " + p);
        }
    }

    /** {@code (X_c^T X_c + alpha I)^-1 X_c^T Y_c} by EJML. */
    private static double[] direct(double[] x, double[] y, int n, int p, int q, double alpha) {
        DMatrixRMaj xc = DMatrixRMaj.wrap(n, p, Dense.centred(x, n, p, Dense.columnMeans(x, n, p)));
        DMatrixRMaj yc = DMatrixRMaj.wrap(n, q, Dense.centred(y, n, q, Dense.columnMeans(y, n, q)));
        DMatrixRMaj a = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multTransA(xc, xc, a);
        for (int j = 0; j < p; j++) {
            a.add(j, j, alpha);
        }
        DMatrixRMaj b = new DMatrixRMaj(p, q);
        CommonOps_DDRM.multTransA(xc, yc, b);
        DMatrixRMaj beta = new DMatrixRMaj(p, q);
        assertTrue(CommonOps_DDRM.solve(a, b, beta));
        return beta.data;
    }
}
