package org.plasticity.numeric;

import jdk.incubator.vector.FloatVector;
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
}
