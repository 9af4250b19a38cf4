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
}
