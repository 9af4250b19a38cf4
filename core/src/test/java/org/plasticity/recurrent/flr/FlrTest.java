package org.plasticity.recurrent.flr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fluctuation-learning formulas pinned by explicit loops on a 3-unit example, and the identities between them.
 * Tolerance: every formula is a handful of sums of at most N^2 = 9 (or 100) products, so the implementation and the
 * loops agree to a few ulp relative: 1e-12 relative is loose and still catches any misplaced factor.
 */
class FlrTest {
    private static final double REL = 1e-12;

    // A 3-unit example: C symmetric positive definite, <F> deliberately not symmetric so that F xbar != F^T xbar.
    private static final double[] C = {
        0.50, 0.10, -0.05,
        0.10, 0.40, 0.08,
        -0.05, 0.08, 0.30,
    };
    private static final double[] F = {
        0.2, -0.1, 0.4,
        0.3, 0.5, -0.2,
        -0.6, 0.1, 0.7,
    };
    private static final double[] XI = {1, -1, 1};
    private static final double[] ETA = {-1, 1, 1};
    private static final double[] XBAR = {0.3, -0.2, 0.5};
    private static final double KAPPA = 30;
    private static final double GAMMA = 0.1;

    private static void assertRel(double want, double got, String what) {
        assertEquals(want, got, REL * Math.abs(want), what);
    }

    private static double quad(int n, double[] u, double[] a, double[] v) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s += u[i] * a[i * n + j] * v[j];
            }
        }
        return s;
    }

    @Test
    void flr1ByHand() {
        int n = 3;
        // v = (kappa / N^2) sum_ijk xi_i C_ij F_jk xbar_k
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    s += XI[i] * C[i * n + j] * F[j * n + k] * XBAR[k];
                }
            }
        }
        double want = KAPPA / (n * n) * s;
        assertRel(want, Flr.flr1(KAPPA, XI, C, F, XBAR), "flr1");
        // Using F^T instead of F gives a different value here, so the test does pin the orientation.
        double sT = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    sT += XI[i] * C[i * n + j] * F[k * n + j] * XBAR[k];
                }
            }
        }
        assertTrue(Math.abs(sT - s) > 0.01 * Math.abs(s), "the example distinguishes F from F^T");
    }

    @Test
    void flr2ByHand() {
        int n = 3;
        double[] ceta = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                ceta[i] += C[i * n + j] * ETA[j];
            }
        }
        double ceta2 = 0;
        for (double v : ceta) {
            ceta2 += v * v;
        }
        // v = kappa^3 gamma^2 (xi^T C xi / N) (eta^T C^2 eta / N)
        double want = KAPPA * KAPPA * KAPPA * GAMMA * GAMMA * (quad(n, XI, C, XI) / n) * (ceta2 / n);
        assertRel(want, Flr.flr2(KAPPA, GAMMA, XI, ETA, C), "flr2");
    }

    @Test
    void flr2VarianceByHand() {
        int n = 3;
        double trace = C[0] + C[4] + C[8];
        // v = kappa^3 gamma^2 (xi^T C xi / N) (eta^T C eta / N) (tr C / N)
        double want = KAPPA * KAPPA * KAPPA * GAMMA * GAMMA * (quad(n, XI, C, XI) / n) * (quad(n, ETA, C, ETA) / n)
                * (trace / n);
        assertRel(want, Flr.flr2Variance(KAPPA, GAMMA, XI, ETA, C), "flr2Variance");
    }

    /** With C = c I both FLR2 forms reduce to kappa^3 gamma^2 c^3 |xi|^2 |eta|^2 / N^2. */
    @Test
    void isotropicCovarianceMakesBothFlr2FormsEqual() {
        int n = 5;
        double c = 0.37;
        double[] iso = new double[n * n];
        for (int i = 0; i < n; i++) {
            iso[i * n + i] = c;
        }
        SplittableRandom r = new SplittableRandom(3);
        double[] xi = new double[n];
        double[] eta = new double[n];
        double xi2 = 0;
        double eta2 = 0;
        for (int i = 0; i < n; i++) {
            xi[i] = r.nextDouble(-1, 1);
            eta[i] = r.nextBoolean() ? 1 : -1;
            xi2 += xi[i] * xi[i];
            eta2 += eta[i] * eta[i];
        }
        double linear = Flr.flr2(KAPPA, GAMMA, xi, eta, iso);
        double variance = Flr.flr2Variance(KAPPA, GAMMA, xi, eta, iso);
        assertRel(linear, variance, "flr2 == flr2Variance for isotropic C");
        double closed = Math.pow(KAPPA, 3) * GAMMA * GAMMA * c * c * c * xi2 * eta2 / ((double) n * n);
        assertRel(closed, linear, "closed form");
    }

    /** FLR2 is FLR1 with the Hebbian <F> = xi xbar^T and xbar = kappa gamma C eta inserted. */
    @Test
    void flr1EqualsFlr2ForHebbianUpdateAndLinearResponse() {
        int n = 10;
        SplittableRandom r = new SplittableRandom(17);
        // Random SPD C = B B^T / n + 0.1 I.
        double[] b = new double[n * n];
        for (int k = 0; k < b.length; k++) {
            b[k] = r.nextGaussian();
        }
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < n; p++) {
                    s += b[i * n + p] * b[j * n + p];
                }
                c[i * n + j] = s / n + (i == j ? 0.1 : 0);
            }
        }
        double[] xi = new double[n];
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            xi[i] = r.nextBoolean() ? 1 : -1;
            eta[i] = r.nextBoolean() ? 1 : -1;
        }
        double kappa = 7.5;
        double gamma = 0.2;
        double[] xbar = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                xbar[i] += kappa * gamma * c[i * n + j] * eta[j];
            }
        }
        double[] f = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                f[i * n + j] = xi[i] * xbar[j];
            }
        }
        double flr1 = Flr.flr1(kappa, xi, c, f, xbar);
        double flr2 = Flr.flr2(kappa, gamma, xi, eta, c);
        assertTrue(flr2 > 0, "xi^T C xi > 0 and |C eta|^2 > 0 for SPD C");
        assertRel(flr2, flr1, "flr1 == flr2 under the Hebbian rule and linear response");
        // For this anisotropic C the variance form differs: the identity above is not vacuous.
        double var = Flr.flr2Variance(kappa, gamma, xi, eta, c);
        assertTrue(Math.abs(var - flr2) > 1e-3 * flr2, "variance form differs for anisotropic C");
    }

    @Test
    void predictReturnsTheThreeFormulas() {
        FlrPrediction p = Flr.predict(KAPPA, GAMMA, XI, ETA, C, F, XBAR);
        // Same inputs, same code paths: bit-identical.
        assertEquals(Flr.flr1(KAPPA, XI, C, F, XBAR), p.flr1(), 0.0);
        assertEquals(Flr.flr2(KAPPA, GAMMA, XI, ETA, C), p.flr2(), 0.0);
        assertEquals(Flr.flr2Variance(KAPPA, GAMMA, XI, ETA, C), p.flr2Variance(), 0.0);
        // And the three are different numbers here, so a swapped field would be caught.
        assertTrue(p.flr1() != p.flr2() && p.flr2() != p.flr2Variance() && p.flr1() != p.flr2Variance());
    }

    @Test
    void inputsAreNotModified() {
        double[] c = C.clone();
        double[] f = F.clone();
        double[] xi = XI.clone();
        double[] eta = ETA.clone();
        double[] xbar = XBAR.clone();
        Flr.predict(KAPPA, GAMMA, xi, eta, c, f, xbar);
        org.junit.jupiter.api.Assertions.assertArrayEquals(C, c, 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(F, f, 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(XI, xi, 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(ETA, eta, 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(XBAR, xbar, 0.0);
    }
}
