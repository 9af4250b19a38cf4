package org.plasticity.numeric;

/**
 * Elementwise float kernels of the layered networks: the logistic sigmoid written through {@link Tanh},
 * sigma(x) = (1 + tanh(x/2)) / 2, and tanh(x/2) itself (burstprop takes differences of sigmoids through it, which
 * stay accurate when the difference is tiny). Vectorised when {@code jdk.incubator.vector} is present, plain Java
 * otherwise, with the same bits either way (lanes compute what the scalar code computes).
 */
public final class Elementwise {
    private Elementwise() {}

    /** @return sigma(x) = 0.5 + 0.5 tanh(0.5 x). */
    public static float sigmoid(float x) {
        return 0.5f + 0.5f * Tanh.of(0.5f * x);
    }

    /** {@code out[i] = sigmoid(a[i])} for {@code i < n}. */
    public static void sigmoid(float[] a, float[] out, int n) {
        int i = EulerKernels.VECTORIZED ? VectorElementwise.sigmoid(a, out, n) : 0;
        for (; i < n; i++) {
            out[i] = sigmoid(a[i]);
        }
    }

    /** {@code out[i] = tanh(0.5 a[i])} for {@code i < n}. */
    public static void tanhHalf(float[] a, float[] out, int n) {
        int i = EulerKernels.VECTORIZED ? VectorElementwise.tanhHalf(a, out, n) : 0;
        for (; i < n; i++) {
            out[i] = Tanh.of(0.5f * a[i]);
        }
    }
}
