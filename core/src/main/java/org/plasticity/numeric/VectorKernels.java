package org.plasticity.numeric;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API bodies of {@link EulerKernels}, loaded only when {@code jdk.incubator.vector} is present. Every lane
 * computes what {@link EulerKernels#update} computes for one unit (the same operations in the same order, with a
 * fused multiply-add), and the tail uses that scalar method, so results do not depend on the vector width.
 */
final class VectorKernels {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private VectorKernels() {}

    static void step(boolean tanh, int n, double[] x, int xOff, double[] u, int uOff, double[] h,
                     double[] z, int zOff, double beta, double dt, double s) {
        int i = 0;
        int upper = D.loopBound(n);
        DoubleVector dtv = DoubleVector.broadcast(D, dt);
        for (; i < upper; i += D.length()) {
            DoubleVector xv = DoubleVector.fromArray(D, x, xOff + i);
            DoubleVector arg = DoubleVector.fromArray(D, u, uOff + i);
            if (h != null) {
                arg = arg.add(DoubleVector.fromArray(D, h, i));
            }
            arg = arg.mul(beta);
            DoubleVector r = tanh ? VectorTanh.of(arg) : arg;
            DoubleVector zv = DoubleVector.fromArray(D, z, zOff + i);
            r.sub(xv).fma(dtv, xv).add(zv.mul(s)).intoArray(x, xOff + i);
        }
        EulerKernels.scalarStep(tanh, i, n, x, xOff, u, uOff, h, z, zOff, beta, dt, s);
    }

    static void step(boolean tanh, int n, float[] x, int xOff, float[] u, int uOff, float[] h,
                     float[] z, int zOff, float beta, float dt, float s) {
        int i = 0;
        int upper = F.loopBound(n);
        FloatVector dtv = FloatVector.broadcast(F, dt);
        for (; i < upper; i += F.length()) {
            FloatVector xv = FloatVector.fromArray(F, x, xOff + i);
            FloatVector arg = FloatVector.fromArray(F, u, uOff + i);
            if (h != null) {
                arg = arg.add(FloatVector.fromArray(F, h, i));
            }
            arg = arg.mul(beta);
            FloatVector r = tanh ? VectorTanh.of(arg) : arg;
            FloatVector zv = FloatVector.fromArray(F, z, zOff + i);
            r.sub(xv).fma(dtv, xv).add(zv.mul(s)).intoArray(x, xOff + i);
        }
        EulerKernels.scalarStep(tanh, i, n, x, xOff, u, uOff, h, z, zOff, beta, dt, s);
    }

    static void tanh(int n, double beta, double[] a, double[] out) {
        int i = 0;
        int upper = D.loopBound(n);
        for (; i < upper; i += D.length()) {
            VectorTanh.of(DoubleVector.fromArray(D, a, i).mul(beta)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Tanh.of(a[i] * beta);
        }
    }
}
