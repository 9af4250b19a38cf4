package org.plasticity.numeric;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Fused Euler–Maruyama update of one row of rate units, vectorised with {@code jdk.incubator.vector}.
 *
 * <pre>
 *   x_i &lt;- x_i + dt ( phi(beta (u_i + h_i)) - x_i ) + s z_i,     phi = tanh or identity
 * </pre>
 * where {@code u} is the recurrent field {@code (J x)_i}, {@code h} the external field {@code gamma eta_i},
 * {@code z} standard normal noise and {@code s = sigma sqrt(dt)}. {@link ReferenceKernels} is the plain-Java twin
 * that tests compare against. tanh is {@link Tanh}, so vector lanes, scalar tail and interpreter agree bit for bit.
 */
public final class EulerKernels {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private EulerKernels() {}

    /**
     * One update of {@code n} units. {@code x} (modified) from {@code xOff}; {@code u} and {@code z} (not modified)
     * from {@code uOff}; {@code h} (not modified, may be null for no input) from 0.
     */
    public static void step(boolean tanh, int n, double[] x, int xOff, double[] u, int uOff, double[] h,
                            double[] z, int zOff, double beta, double dt, double s) {
        int i = 0;
        int upper = D.loopBound(n);
        DoubleVector zero = DoubleVector.zero(D);
        for (; i < upper; i += D.length()) {
            DoubleVector xv = DoubleVector.fromArray(D, x, xOff + i);
            DoubleVector arg = DoubleVector.fromArray(D, u, uOff + i);
            if (h != null) {
                arg = arg.add(DoubleVector.fromArray(D, h, i));
            }
            arg = arg.mul(beta);
            DoubleVector r = tanh ? Tanh.of(arg) : arg;
            DoubleVector zv = DoubleVector.fromArray(D, z, zOff + i);
            DoubleVector next = r.sub(xv).fma(zero.add(dt), xv).add(zv.mul(s));
            next.intoArray(x, xOff + i);
        }
        for (; i < n; i++) {
            double arg = beta * (u[uOff + i] + (h == null ? 0.0 : h[i]));
            double r = tanh ? Tanh.of(arg) : arg;
            double xi = x[xOff + i];
            x[xOff + i] = xi + dt * (r - xi) + s * z[zOff + i];
        }
    }

    /** Float twin of {@link #step(boolean, int, double[], int, double[], int, double[], double[], int, double, double, double)}. */
    public static void step(boolean tanh, int n, float[] x, int xOff, float[] u, int uOff, float[] h,
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
            FloatVector r = tanh ? Tanh.of(arg) : arg;
            FloatVector zv = FloatVector.fromArray(F, z, zOff + i);
            FloatVector next = r.sub(xv).fma(dtv, xv).add(zv.mul(s));
            next.intoArray(x, xOff + i);
        }
        for (; i < n; i++) {
            float arg = beta * (u[uOff + i] + (h == null ? 0f : h[i]));
            float r = tanh ? Tanh.of(arg) : arg;
            float xi = x[xOff + i];
            x[xOff + i] = xi + dt * (r - xi) + s * z[zOff + i];
        }
    }

    /** {@code out_i = tanh(beta a_i)} for {@code n} entries (the activation alone; used by benchmarks and tests). */
    public static void tanh(int n, double beta, double[] a, double[] out) {
        int i = 0;
        int upper = D.loopBound(n);
        for (; i < upper; i += D.length()) {
            Tanh.of(DoubleVector.fromArray(D, a, i).mul(beta)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Tanh.of(beta * a[i]);
        }
    }
}
