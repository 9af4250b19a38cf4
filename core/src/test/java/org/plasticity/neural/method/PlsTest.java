package org.plasticity.neural.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;
import org.plasticity.numeric.Npy;

/**
 * PLS2 against scikit-learn's PLSRegression(scale=False) on committed fixtures, and against closed forms: least
 * squares when the components reach the rank, Y predicted from itself, the rank cap.
 */
class PlsTest {

    @Test
    void matchesScikitLearnOnEveryShape() {
        // name, components: as in tools/fixtures/predictivity_fixtures.py (n > p, n < p, q > p, q = 1)
        Object[][] cases = {{"tall", 6}, {"wide", 10}, {"manyq", 5}, {"single", 8}};
        for (Object[] c : cases) {
            String name = (String) c[0];
            int k = (Integer) c[1];
            Npy.Array x = Fixtures.read("pls_" + name + "_x");
            Npy.Array y = Fixtures.read("pls_" + name + "_y");
            Npy.Array xt = Fixtures.read("pls_" + name + "_xtest");
            int n = x.shape()[0];
            int p = x.shape()[1];
            int q = y.shape()[1];
            double[] xv = x.values().clone();
            Pls.Model m = new Pls(k).fit(x.values(), y.values(), n, p, q);
            assertArrayEquals(xv, x.values(), 0, "fit must not modify x");
            assertEquals(k, m.components(), name);
            double[] pred = m.predict(xt.values(), xt.shape()[0]);
            double[] want = Fixtures.values("pls_" + name + "_pred");
            assertTrue(Fixtures.maxAbsDiff(pred, want) <= 1e-8, name + ": predictions differ by "
                    + Fixtures.maxAbsDiff(pred, want));
            double[] coef = Fixtures.values("pls_" + name + "_coef");
            assertTrue(Fixtures.maxAbsDiff(m.coef(), coef) <= 1e-8 * Math.max(1, Fixtures.maxAbs(coef)),
                    name + ": coef differs by " + Fixtures.maxAbsDiff(m.coef(), coef));
        }
    }

    @Test
    void equalsLeastSquaresWhenTheComponentsReachTheRank() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 50;
        int p = 8;
        int q = 3;
        double[] x = Fixtures.gaussian(rng, n, p);
        double[] y = Fixtures.gaussian(rng, n, q);
        for (int i = 0; i < x.length; i++) {
            x[i] += 3 + (i % p); // non-zero means: the intercept matters
        }
        double[] xt = Fixtures.gaussian(rng, 7, p);
        double[] ols = leastSquares(x, y, n, p, q, xt, 7);
        for (int k : new int[] {p, 25}) { // 25 is capped at p
            Pls.Model m = new Pls(k).fit(x, y, n, p, q);
            assertEquals(p, m.components());
            assertTrue(Fixtures.maxAbsDiff(m.predict(xt, 7), ols) <= 1e-10, "k = " + k + ": "
                    + Fixtures.maxAbsDiff(m.predict(xt, 7), ols));
        }
        // fewer components than the rank is a different (shrunk) fit
        assertTrue(Fixtures.maxAbsDiff(new Pls(2).fit(x, y, n, p, q).predict(xt, 7), ols) > 1e-3);
    }

    @Test
    void predictsYFromYExactly() {
        SplittableRandom rng = new SplittableRandom(4);
        int n = 40;
        int q = 5;
        double[] y = Fixtures.gaussian(rng, n, q);
        Pls.Model m = new Pls(Pls.DEFAULT_COMPONENTS).fit(y, y, n, q, q);
        assertEquals(q, m.components(), "stops at the rank (X exhausted)");
        double[] other = Fixtures.gaussian(rng, 9, q);
        assertTrue(Fixtures.maxAbsDiff(m.predict(y, n), y) <= 1e-12);
        assertTrue(Fixtures.maxAbsDiff(m.predict(other, 9), other) <= 1e-12);
    }

    @Test
    void stopsAtTheRankOfXAndInterpolatesWhenWide() {
        SplittableRandom rng = new SplittableRandom(5);
        // rank 4: columns 4..7 repeat columns 0..3 (n > p)
        int n = 30;
        int p = 8;
        double[] base = Fixtures.gaussian(rng, n, 4);
        double[] x = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i * p + j] = base[i * 4 + j % 4] * (j < 4 ? 1 : 2);
            }
        }
        double[] y = Fixtures.gaussian(rng, n, 2);
        Pls.Model m = new Pls(8).fit(x, y, n, p, 2);
        assertEquals(4, m.components());
        double[] ols = leastSquares(base, y, n, 4, 2, base, n);
        assertTrue(Fixtures.maxAbsDiff(m.predict(x, n), ols) <= 1e-10);
        // n < p: at most n - 1 components, which fit the training targets exactly
        int nw = 10;
        double[] xw = Fixtures.gaussian(rng, nw, 30);
        double[] yw = Fixtures.gaussian(rng, nw, 3);
        Pls.Model w = new Pls(25).fit(xw, yw, nw, 30, 3);
        assertEquals(nw - 1, w.components());
        assertTrue(Fixtures.maxAbsDiff(w.predict(xw, nw), yw) <= 1e-9);
    }

    @Test
    void constantTargetsGiveNoComponentsAndTheMean() {
        int n = 6;
        double[] x = Fixtures.gaussian(new SplittableRandom(6), n, 3);
        double[] y = {2, 2, 2, 2, 2, 2};
        Pls.Model m = new Pls(3).fit(x, y, n, 3, 1);
        assertEquals(0, m.components());
        assertArrayEquals(new double[] {2, 2}, m.predict(new double[] {1, 2, 3, 4, 5, 6}, 2), 0);
    }

    @Test
    void sameBitsOnEveryFit() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] x = Fixtures.gaussian(rng, 60, 300);
        double[] y = Fixtures.gaussian(rng, 60, 20);
        double[] a = new Pls(10).fit(x, y, 60, 300, 20).predict(x, 60);
        double[] b = new Pls(10).fit(x, y, 60, 300, 20).predict(x, 60);
        assertArrayEquals(a, b, 0);
    }

    /** Ordinary least squares with an intercept by EJML's QR solver, predictions for {@code xt}. */
    static double[] leastSquares(double[] x, double[] y, int n, int p, int q, double[] xt, int rows) {
        DMatrixRMaj a = new DMatrixRMaj(n, p + 1);
        for (int i = 0; i < n; i++) {
            a.set(i, 0, 1.0);
            for (int j = 0; j < p; j++) {
                a.set(i, j + 1, x[i * p + j]);
            }
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(n, p + 1);
        assertTrue(solver.setA(a));
        DMatrixRMaj beta = new DMatrixRMaj(p + 1, q);
        solver.solve(DMatrixRMaj.wrap(n, q, y.clone()), beta);
        double[] out = new double[rows * q];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < q; c++) {
                double s = beta.get(0, c);
                for (int j = 0; j < p; j++) {
                    s += xt[i * p + j] * beta.get(j + 1, c);
                }
                out[i * q + c] = s;
            }
        }
        return out;
    }
}
