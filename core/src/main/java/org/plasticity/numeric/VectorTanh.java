package org.plasticity.numeric;

import static org.plasticity.numeric.Tanh.CLAMP;
import static org.plasticity.numeric.Tanh.FP1;
import static org.plasticity.numeric.Tanh.FP2;
import static org.plasticity.numeric.Tanh.FP3;
import static org.plasticity.numeric.Tanh.FP4;
import static org.plasticity.numeric.Tanh.FQ1;
import static org.plasticity.numeric.Tanh.FQ2;
import static org.plasticity.numeric.Tanh.FQ3;
import static org.plasticity.numeric.Tanh.FQ4;
import static org.plasticity.numeric.Tanh.FQ5;
import static org.plasticity.numeric.Tanh.P0;
import static org.plasticity.numeric.Tanh.P1;
import static org.plasticity.numeric.Tanh.P2;
import static org.plasticity.numeric.Tanh.P3;
import static org.plasticity.numeric.Tanh.P4;
import static org.plasticity.numeric.Tanh.Q1;
import static org.plasticity.numeric.Tanh.Q2;
import static org.plasticity.numeric.Tanh.Q3;
import static org.plasticity.numeric.Tanh.Q4;
import static org.plasticity.numeric.Tanh.SCALE;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Lane-wise {@link Tanh}: the same operations in the same order on every lane, so that each lane equals the scalar
 * {@code Tanh.of} bit for bit. Kept apart from {@code Tanh} so that the scalar code links on a JVM started without
 * {@code --add-modules=jdk.incubator.vector}.
 */
public final class VectorTanh {
    private VectorTanh() {}

    /** Lane-wise tanh. */
    public static DoubleVector of(DoubleVector x) {
        DoubleVector y = x.abs().min(CLAMP).mul(SCALE);
        DoubleVector s = y.mul(y);
        DoubleVector p = s.mul(P4).add(P3).mul(s).add(P2).mul(s).add(P1).mul(s).add(P0);
        DoubleVector q = s.add(Q4).mul(s).add(Q3).mul(s).add(Q2).mul(s).add(Q1).mul(s).add(P0);
        DoubleVector u = y.mul(p).div(q);
        for (int k = 0; k < 4; k++) {
            u = u.add(u).div(u.mul(u).add(1));
        }
        return u.lanewise(VectorOperators.NEG, x.lt(0));
    }

    /** Lane-wise float tanh. */
    public static FloatVector of(FloatVector x) {
        FloatVector y = x.abs().min((float) CLAMP).mul((float) SCALE);
        FloatVector s = y.mul(y);
        FloatVector p = s.mul(FP4).add(FP3).mul(s).add(FP2).mul(s).add(FP1).mul(s).add(1f);
        FloatVector q = s.mul(FQ5).add(FQ4).mul(s).add(FQ3).mul(s).add(FQ2).mul(s).add(FQ1).mul(s).add(1f);
        FloatVector u = y.mul(p).div(q);
        for (int k = 0; k < 4; k++) {
            u = u.add(u).div(u.mul(u).add(1f));
        }
        return u.lanewise(VectorOperators.NEG, x.lt(0f));
    }
}
