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

    /** {@code d[i] = 0} where {@code a[i] <= 0} (ReLU's derivative; a NaN in {@code a} leaves {@code d[i]}). */
    public static void reluGate(float[] d, float[] a, int n) {
        int i = EulerKernels.VECTORIZED ? VectorElementwise.reluGate(d, a, n) : 0;
        for (; i < n; i++) {
            if (a[i] <= 0f) {
                d[i] = 0f;
            }
        }
    }

    /** {@code d[i] = 0} unless {@code 0 < a[i] < 1} (the hard sigmoid's derivative). */
    public static void unitIntervalGate(float[] d, float[] a, int n) {
        int i = EulerKernels.VECTORIZED ? VectorElementwise.unitIntervalGate(d, a, n) : 0;
        for (; i < n; i++) {
            if (!(a[i] > 0f && a[i] < 1f)) {
                d[i] = 0f;
            }
        }
    }
}
