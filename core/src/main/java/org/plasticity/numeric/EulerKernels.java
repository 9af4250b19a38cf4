package org.plasticity.numeric;

/**
 * Fused Euler–Maruyama update of one row of rate units.
 *
 * <pre>
 *   x_i &lt;- x_i + dt ( phi(beta (u_i + h_i)) - x_i ) + s z_i,     phi = tanh or identity
 * </pre>
 * where {@code u} is the recurrent field {@code (J x)_i}, {@code h} the external field {@code gamma eta_i},
 * {@code z} standard normal noise and {@code s = sigma sqrt(dt)}; computed per unit as
 * {@code fma(phi - x, dt, x) + z s} ({@link #update}). With {@code jdk.incubator.vector} (the launcher adds it) the
 * rows are vectorised ({@link VectorKernels}); without it, the same per-unit arithmetic runs as plain Java, slower but
 * bit for bit the same, so a run gives the same numbers on any machine, vector width or JVM flags.
 * {@link ReferenceKernels} is the textbook twin that tests compare against. tanh is {@link Tanh}.
 */
public final class EulerKernels {
    /** Whether the Vector API bodies are in use (false on a JVM started without the incubator module). */
    public static final boolean VECTORIZED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("plasticity.scalar");

    private EulerKernels() {}

    /**
     * One update of {@code n} units. {@code x} (modified) from {@code xOff}; {@code u} and {@code z} (not modified)
     * from {@code uOff}; {@code h} (not modified, may be null for no input) from 0.
     */
    public static void step(boolean tanh, int n, double[] x, int xOff, double[] u, int uOff, double[] h,
                            double[] z, int zOff, double beta, double dt, double s) {
        if (VECTORIZED) {
            VectorKernels.step(tanh, n, x, xOff, u, uOff, h, z, zOff, beta, dt, s);
        } else {
            scalarStep(tanh, 0, n, x, xOff, u, uOff, h, z, zOff, beta, dt, s);
        }
    }

    /** Float twin of {@link #step(boolean, int, double[], int, double[], int, double[], double[], int, double, double, double)}. */
    public static void step(boolean tanh, int n, float[] x, int xOff, float[] u, int uOff, float[] h,
                            float[] z, int zOff, float beta, float dt, float s) {
        if (VECTORIZED) {
            VectorKernels.step(tanh, n, x, xOff, u, uOff, h, z, zOff, beta, dt, s);
        } else {
            scalarStep(tanh, 0, n, x, xOff, u, uOff, h, z, zOff, beta, dt, s);
        }
    }

    /** {@code out_i = tanh(beta a_i)} for {@code n} entries (the activation alone; used by benchmarks and tests). */
    public static void tanh(int n, double beta, double[] a, double[] out) {
        if (VECTORIZED) {
            VectorKernels.tanh(n, beta, a, out);
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = Tanh.of(a[i] * beta);
            }
        }
    }

    /** The update of one unit: every lane of the vector bodies computes exactly this. */
    static double update(double xi, double r, double dt, double s, double zi) {
        return Math.fma(r - xi, dt, xi) + zi * s;
    }

    static float update(float xi, float r, float dt, float s, float zi) {
        return Math.fma(r - xi, dt, xi) + zi * s;
    }

    /** Units {@code from..n-1} one at a time (the whole row without the Vector API, the tail with it). */
    static void scalarStep(boolean tanh, int from, int n, double[] x, int xOff, double[] u, int uOff, double[] h,
                           double[] z, int zOff, double beta, double dt, double s) {
        for (int i = from; i < n; i++) {
            double arg = (h == null ? u[uOff + i] : u[uOff + i] + h[i]) * beta;
            x[xOff + i] = update(x[xOff + i], tanh ? Tanh.of(arg) : arg, dt, s, z[zOff + i]);
        }
    }

    static void scalarStep(boolean tanh, int from, int n, float[] x, int xOff, float[] u, int uOff, float[] h,
                           float[] z, int zOff, float beta, float dt, float s) {
        for (int i = from; i < n; i++) {
            float arg = (h == null ? u[uOff + i] : u[uOff + i] + h[i]) * beta;
            x[xOff + i] = update(x[xOff + i], tanh ? Tanh.of(arg) : arg, dt, s, z[zOff + i]);
        }
    }
}
