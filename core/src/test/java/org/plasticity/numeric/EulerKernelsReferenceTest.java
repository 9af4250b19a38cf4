package org.plasticity.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vectorised Euler kernel against its plain-Java twin. Odd sizes exercise both the vector loop and the scalar
 * tail; non-zero offsets check the indexing of x, u and z (h is always read from 0).
 *
 * <p>Tolerances. Double: the kernel's tanh ({@link Tanh}) is within 2e-15 relative of {@link Math#tanh} (its class
 * doc and TanhTest), and the vector loop uses one fused multiply-add where the reference rounds twice, so the results
 * differ by a few ulp of quantities of order 1-5 here (1 ulp = 2.2e-16 at 1): 1e-13 absolute leaves a margin of ~50x.
 * Float: see {@link #floatTolerance}.
 */
class EulerKernelsReferenceTest {
    private static final int[] SIZES = {1, 7, 37, 129};
    private static final int X_OFF = 3;
    private static final int U_OFF = 5;
    private static final int Z_OFF = 2;
    private static final double BETA = 1.3;
    private static final double DT = 0.1;
    private static final double S = 0.3;
    /** Double tolerance, see the class doc. */
    private static final double TOL = 1e-13;

    private static double[] gaussian(SplittableRandom r, int len, double scale) {
        double[] v = new double[len];
        for (int i = 0; i < len; i++) {
            v[i] = scale * r.nextGaussian();
        }
        return v;
    }

    private static String label(boolean tanh, boolean withH, int n) {
        return "tanh=" + tanh + " h=" + withH + " n=" + n;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void doubleStepMatchesReference(boolean tanh) {
        for (boolean withH : new boolean[] {true, false}) {
            for (int n : SIZES) {
                SplittableRandom r = new SplittableRandom(1000L * n + (tanh ? 1 : 0) + (withH ? 2 : 0));
                double[] x = gaussian(r, n + X_OFF + 4, 1.0);
                // Fields up to ~|3|: tanh well into saturation for some entries, linear regime for others.
                double[] u = gaussian(r, n + U_OFF + 4, 1.5);
                double[] h = withH ? gaussian(r, n, 0.5) : null;
                double[] z = gaussian(r, n + Z_OFF + 4, 1.0);
                double[] fast = x.clone();
                double[] ref = x.clone();
                EulerKernels.step(tanh, n, fast, X_OFF, u, U_OFF, h, z, Z_OFF, BETA, DT, S);
                ReferenceKernels.step(tanh, n, ref, X_OFF, u, U_OFF, h, z, Z_OFF, BETA, DT, S);
                for (int i = 0; i < x.length; i++) {
                    if (i < X_OFF || i >= X_OFF + n) {
                        // Outside the row: untouched, bit for bit.
                        assertEquals(x[i], fast[i], 0.0, "outside the row, " + label(tanh, withH, n) + " i=" + i);
                    } else {
                        assertEquals(ref[i], fast[i], TOL, label(tanh, withH, n) + " i=" + i);
                    }
                }
            }
        }
    }

    /** A direct check of the formula itself on one unit, so the twin pair cannot drift together. */
    @Test
    void singleUnitFollowsTheFormula() {
        double[] x = {0.4};
        double[] u = {0.7};
        double[] h = {-0.2};
        double[] z = {1.5};
        EulerKernels.step(true, 1, x, 0, u, 0, h, z, 0, BETA, DT, S);
        double want = 0.4 + DT * (Math.tanh(BETA * (0.7 - 0.2)) - 0.4) + S * 1.5;
        // 2e-15 relative tanh error times dt, plus a few ulp of O(1) values: 1e-14 is ample.
        assertEquals(want, x[0], 1e-14);
        double[] y = {0.4};
        EulerKernels.step(false, 1, y, 0, u, 0, null, z, 0, BETA, DT, S);
        assertEquals(0.4 + DT * (BETA * 0.7 - 0.4) + S * 1.5, y[0], 1e-15); // same operations, O(1) values: ~1 ulp
    }

    /**
     * Float tolerance for one entry: float eps is 6e-8; the float tanh is within ~10 float ulps of the true value
     * (TanhTest: 6e-7 relative); the argument beta (u + h) and the update carry ~5 further roundings, each of at most
     * one ulp of the largest term involved. Bound: 20 eps times (|x| + |beta (u + h)| + |s z| + 1).
     */
    private static double floatTolerance(float x, float u, float h, float z, float beta, float s) {
        return 20 * 6e-8 * (Math.abs(x) + Math.abs(beta * (u + h)) + Math.abs(s * z) + 1);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void floatStepMatchesDoubleReference(boolean tanh) {
        float beta = (float) BETA;
        float dt = (float) DT;
        float s = (float) S;
        for (boolean withH : new boolean[] {true, false}) {
            for (int n : SIZES) {
                SplittableRandom r = new SplittableRandom(7000L * n + (tanh ? 1 : 0) + (withH ? 2 : 0));
                float[] x = Vectors.toFloat(gaussian(r, n + X_OFF + 4, 1.0));
                float[] u = Vectors.toFloat(gaussian(r, n + U_OFF + 4, 1.5));
                float[] h = withH ? Vectors.toFloat(gaussian(r, n, 0.5)) : null;
                float[] z = Vectors.toFloat(gaussian(r, n + Z_OFF + 4, 1.0));
                float[] fast = x.clone();
                EulerKernels.step(tanh, n, fast, X_OFF, u, U_OFF, h, z, Z_OFF, beta, dt, s);
                // The reference runs in double on exactly the same (float) inputs.
                double[] ref = Vectors.toDouble(x);
                ReferenceKernels.step(tanh, n, ref, X_OFF, Vectors.toDouble(u), U_OFF, h == null ? null : Vectors.toDouble(h),
                        Vectors.toDouble(z), Z_OFF, beta, dt, s);
                for (int i = 0; i < x.length; i++) {
                    if (i < X_OFF || i >= X_OFF + n) {
                        assertEquals(x[i], fast[i], 0.0f, "outside the row, " + label(tanh, withH, n) + " i=" + i);
                    } else {
                        int k = i - X_OFF;
                        double tol = floatTolerance(x[i], u[U_OFF + k], h == null ? 0 : h[k], z[Z_OFF + k], beta, s);
                        assertEquals(ref[i], fast[i], tol, label(tanh, withH, n) + " i=" + i);
                    }
                }
            }
        }
    }

    @Test
    void tanhMatchesMathTanh() {
        for (int n : SIZES) {
            SplittableRandom r = new SplittableRandom(n);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = r.nextDouble(-12, 12);
            }
            double beta = 0.8;
            double[] out = new double[n];
            EulerKernels.tanh(n, beta, a, out);
            for (int i = 0; i < n; i++) {
                double want = Math.tanh(beta * a[i]);
                // Tanh's documented accuracy: relative error below 2e-15 against Math.tanh.
                assertEquals(want, out[i], 2e-15 * Math.abs(want), "n=" + n + " a=" + a[i]);
                // And lanes and tail are the scalar Tanh bit for bit (the reproducibility contract).
                assertEquals(Tanh.of(beta * a[i]), out[i], 0.0, "n=" + n + " a=" + a[i]);
            }
        }
    }

    /**
     * The vector bodies and the plain-Java path give the same bits for every unit, whatever the vector width: so a
     * JVM without the incubator module, or a machine with other vector registers, reproduces a run exactly.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void vectorAndScalarPathsAgreeBitForBit(boolean tanh) {
        for (int n : new int[] {1, 3, 8, 13, 16, 37, 100, 129, 1000}) {
            SplittableRandom r = new SplittableRandom(77L * n + (tanh ? 1 : 0));
            double[] x = gaussian(r, n + X_OFF, 1.0);
            double[] u = gaussian(r, n + U_OFF, 2.0);
            double[] h = gaussian(r, n, 0.5);
            double[] z = gaussian(r, n + Z_OFF, 1.0);
            double[] vec = x.clone();
            double[] sca = x.clone();
            VectorKernels.step(tanh, n, vec, X_OFF, u, U_OFF, h, z, Z_OFF, BETA, DT, S);
            EulerKernels.scalarStep(tanh, 0, n, sca, X_OFF, u, U_OFF, h, z, Z_OFF, BETA, DT, S);
            float[] xf = Vectors.toFloat(x);
            float[] vf = xf.clone();
            float[] sf = xf.clone();
            float[] uf = Vectors.toFloat(u);
            float[] hf = Vectors.toFloat(h);
            float[] zf = Vectors.toFloat(z);
            VectorKernels.step(tanh, n, vf, X_OFF, uf, U_OFF, hf, zf, Z_OFF, (float) BETA, (float) DT, (float) S);
            EulerKernels.scalarStep(tanh, 0, n, sf, X_OFF, uf, U_OFF, hf, zf, Z_OFF, (float) BETA, (float) DT,
                    (float) S);
            for (int i = 0; i < x.length; i++) {
                assertEquals(Double.doubleToRawLongBits(sca[i]), Double.doubleToRawLongBits(vec[i]), "n=" + n + " i=" + i);
                assertEquals(Float.floatToRawIntBits(sf[i]), Float.floatToRawIntBits(vf[i]), "float n=" + n + " i=" + i);
            }
        }
        assertTrue(EulerKernels.VECTORIZED, "the tests run with the incubator module, so the vector path is the default");
    }
}
