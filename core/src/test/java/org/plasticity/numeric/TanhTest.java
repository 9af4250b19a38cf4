package org.plasticity.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

class TanhTest {
    private static double[] samples(int count) {
        SplittableRandom r = new SplittableRandom(17);
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            // Half uniform over [-25, 25], half log-spread down to 1e-12 to probe the small-argument regime.
            x[i] = i % 2 == 0 ? r.nextDouble(-25, 25) : (r.nextBoolean() ? 1 : -1) * Math.pow(10, r.nextDouble(-12, 1));
        }
        return x;
    }

    /** Accuracy stated in the class doc: relative error below 2e-15 against Math.tanh (itself within 1 ulp). */
    @Test
    void agreesWithMathTanh() {
        for (double x : samples(200_000)) {
            double want = Math.tanh(x);
            assertEquals(want, Tanh.of(x), 2e-15 * Math.abs(want), "x = " + x);
        }
        assertEquals(1.0, Tanh.of(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, Tanh.of(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, Tanh.of(19.5));
        assertTrue(Double.isNaN(Tanh.of(Double.NaN)), "NaN propagates, so divergence is still detected");
        assertEquals(0.0, Tanh.of(0.0));
    }

    /** The vector lanes and the scalar twin give the same bits: results cannot depend on JIT state or tails. */
    @Test
    void vectorLanesEqualScalarBitForBit() {
        double[] x = samples(FloatVector.SPECIES_PREFERRED.length() * 500);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i += DoubleVector.SPECIES_PREFERRED.length()) {
            VectorTanh.of(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, x, i)).intoArray(out, i);
        }
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToLongBits(Tanh.of(x[i])), Double.doubleToLongBits(out[i]), "x = " + x[i]);
        }
        float[] xf = new float[FloatVector.SPECIES_PREFERRED.length() * 500];
        for (int i = 0; i < xf.length; i++) {
            xf[i] = (float) x[i];
        }
        float[] of = new float[xf.length];
        for (int i = 0; i < xf.length; i += FloatVector.SPECIES_PREFERRED.length()) {
            VectorTanh.of(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, xf, i)).intoArray(of, i);
        }
        for (int i = 0; i < xf.length; i++) {
            assertEquals(Float.floatToIntBits(Tanh.of(xf[i])), Float.floatToIntBits(of[i]), "x = " + xf[i]);
        }
    }

    /** Float: a few float ulps (6e-8 each) from the double result. */
    @Test
    void floatVersionIsAccurateToFloatPrecision() {
        for (double x : samples(100_000)) {
            float f = (float) x;
            double want = Math.tanh(f);
            assertEquals(want, Tanh.of(f), 6e-7 * Math.abs(want) + 1e-30, "x = " + f);
        }
    }

    @Test
    void isOdd() {
        for (double x : samples(10_000)) {
            assertEquals(-Tanh.of(x), Tanh.of(-x));
        }
    }
}
