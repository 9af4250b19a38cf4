package org.plasticity.numeric;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The Vector API bodies of {@link Elementwise}; each returns the first index it did not process (the tail). */
final class VectorElementwise {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private VectorElementwise() {}

    static int sigmoid(float[] a, float[] out, int n) {
        int i = 0;
        for (int upper = F.loopBound(n); i < upper; i += F.length()) {
            FloatVector t = VectorTanh.of(FloatVector.fromArray(F, a, i).mul(0.5f));
            t.mul(0.5f).add(0.5f).intoArray(out, i);
        }
        return i;
    }

    static int tanhHalf(float[] a, float[] out, int n) {
        int i = 0;
        for (int upper = F.loopBound(n); i < upper; i += F.length()) {
            VectorTanh.of(FloatVector.fromArray(F, a, i).mul(0.5f)).intoArray(out, i);
        }
        return i;
    }

    static int reluGate(float[] d, float[] a, int n) {
        int i = 0;
        FloatVector zero = FloatVector.zero(F);
        for (int upper = F.loopBound(n); i < upper; i += F.length()) {
            VectorMask<Float> off = FloatVector.fromArray(F, a, i).compare(VectorOperators.LE, 0f);
            FloatVector.fromArray(F, d, i).blend(zero, off).intoArray(d, i);
        }
        return i;
    }

    static int unitIntervalGate(float[] d, float[] a, int n) {
        int i = 0;
        FloatVector zero = FloatVector.zero(F);
        for (int upper = F.loopBound(n); i < upper; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, a, i);
            VectorMask<Float> on = v.compare(VectorOperators.GT, 0f).and(v.compare(VectorOperators.LT, 1f));
            FloatVector.fromArray(F, d, i).blend(zero, on.not()).intoArray(d, i);
        }
        return i;
    }
}
