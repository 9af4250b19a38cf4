package org.plasticity.numeric;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The Vector API body of {@link Windows}: one lane per window, values gathered, the winner kept by blending. */
final class VectorWindows {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());

    private VectorWindows() {}

    /** One unit's windows in whole vectors; @return the first window not done (the scalar tail's start). */
    static int max(float[] e, int base, int[][] offsets, float[] y, int[] winner, int out) {
        int windows = offsets[0].length;
        int upper = windows - windows % F.length();
        IntVector baseV = IntVector.broadcast(I, base);
        for (int t = 0; t < upper; t += F.length()) {
            FloatVector best = FloatVector.fromArray(F, e, base, offsets[0], t);
            IntVector at = IntVector.fromArray(I, offsets[0], t);
            for (int q = 1; q < offsets.length; q++) {
                FloatVector v = FloatVector.fromArray(F, e, base, offsets[q], t);
                VectorMask<Float> greater = v.compare(VectorOperators.GT, best);
                best = best.blend(v, greater);
                at = at.blend(IntVector.fromArray(I, offsets[q], t), greater.cast(I));
            }
            best.intoArray(y, out + t);
            at.add(baseV).intoArray(winner, out + t);
        }
        return upper;
    }
}
