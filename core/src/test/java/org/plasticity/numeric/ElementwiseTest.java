package org.plasticity.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The float sigmoid through tanh against the textbook formula, and its vector lanes against the scalar code. */
class ElementwiseTest {
    @Test
    void sigmoidMatchesTheLogisticFunction() {
        for (double x = -30; x <= 30; x += 0.01) {
            double want = 1 / (1 + Math.exp(-x));
            // Tanh in float is within 6e-7 relative (TanhTest); halved and shifted, within 1e-6 absolute
            assertEquals(want, Elementwise.sigmoid((float) x), 1e-6, "x = " + x);
        }
        assertEquals(0.5f, Elementwise.sigmoid(0f), 0f);
        assertEquals(1f, Elementwise.sigmoid(Float.POSITIVE_INFINITY), 0f);
        assertEquals(0f, Elementwise.sigmoid(Float.NEGATIVE_INFINITY), 0f);
    }

    @Test
    void arrayKernelsEqualTheScalarFunctionBitForBit() {
        SplittableRandom r = new SplittableRandom(3);
        for (int n : new int[] {1, 5, 16, 17, 100, 1000}) {
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = (float) (4 * r.nextGaussian());
            }
            float[] s = new float[n];
            float[] t = new float[n];
            Elementwise.sigmoid(a, s, n);
            Elementwise.tanhHalf(a, t, n);
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToRawIntBits(Elementwise.sigmoid(a[i])), Float.floatToRawIntBits(s[i]));
                assertEquals(Float.floatToRawIntBits(Tanh.of(0.5f * a[i])), Float.floatToRawIntBits(t[i]));
            }
        }
    }

    @Test
    void gatesZeroExactlyWhereTheDerivativeIsZero() {
        SplittableRandom r = new SplittableRandom(4);
        float[] special = {0f, -0f, 1f, Float.NaN, Float.MIN_VALUE, -Float.MIN_VALUE, Math.nextDown(1f), 1.5f};
        for (int n : new int[] {1, 15, 16, 33, 1000}) {
            float[] a = new float[n];
            float[] d = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = r.nextInt(3) == 0 ? special[r.nextInt(special.length)] : (float) r.nextGaussian();
                d[i] = r.nextInt(5) == 0 ? -0f : (float) r.nextGaussian();
            }
            float[] relu = d.clone();
            float[] unit = d.clone();
            Elementwise.reluGate(relu, a, n);
            Elementwise.unitIntervalGate(unit, a, n);
            for (int i = 0; i < n; i++) {
                float wantRelu = a[i] <= 0f ? 0f : d[i]; // NaN: kept
                float wantUnit = a[i] > 0f && a[i] < 1f ? d[i] : 0f; // NaN: zeroed
                assertEquals(Float.floatToRawIntBits(wantRelu), Float.floatToRawIntBits(relu[i]), "relu at " + a[i]);
                assertEquals(Float.floatToRawIntBits(wantUnit), Float.floatToRawIntBits(unit[i]), "unit at " + a[i]);
            }
        }
    }
}
