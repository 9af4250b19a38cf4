package org.plasticity.layered.network;

import java.util.Locale;
import org.plasticity.numeric.Elementwise;

/**
 * Unit nonlinearities e = f(a), applied row by row to a batch. {@link #SOFTMAX} normalises each row and is only an
 * output nonlinearity, paired with cross-entropy (the pair's gradient is {@code softmax - y}). {@link #HARD_SIGMOID}
 * is clip(a, 0, 1), the firing rate of equilibrium propagation's units (Scellier &amp; Bengio 2017); its id is
 * {@code hard-sigmoid}.
 */
public enum Activation {
    SIGMOID, TANH, RELU, LINEAR, SOFTMAX, HARD_SIGMOID;

    /** {@code e = f(a)} over a {@code rows x cols} block. */
    public void apply(float[] a, float[] e, int rows, int cols) {
        int n = rows * cols;
        switch (this) {
            case SIGMOID -> Elementwise.sigmoid(a, e, n); // through tanh: vectorised, same bits either way
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    e[i] = (float) Math.tanh(a[i]);
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    e[i] = Math.max(a[i], 0f);
                }
            }
            case LINEAR -> System.arraycopy(a, 0, e, 0, n);
            case HARD_SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    e[i] = Math.min(Math.max(a[i], 0f), 1f);
                }
            }
            case SOFTMAX -> {
                for (int r = 0; r < rows; r++) {
                    int o = r * cols;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int j = 0; j < cols; j++) {
                        max = Math.max(max, a[o + j]);
                    }
                    double sum = 0;
                    for (int j = 0; j < cols; j++) {
                        double v = Math.exp(a[o + j] - max);
                        e[o + j] = (float) v;
                        sum += v;
                    }
                    float inv = (float) (1.0 / sum);
                    for (int j = 0; j < cols; j++) {
                        e[o + j] *= inv;
                    }
                }
            }
        }
    }

    /**
     * {@code d[i] *= f'(a[i])}, with f' written through the activity e where that is cheaper (sigmoid e(1-e), tanh
     * 1-e^2). Hard sigmoid: 1 inside (0, 1), 0 outside, and 0 at the kinks as for relu. Not defined for softmax,
     * whose Jacobian is not diagonal.
     */
    public void multiplyByDerivative(float[] d, float[] a, float[] e, int n) {
        switch (this) {
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    d[i] *= e[i] * (1f - e[i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    d[i] *= 1f - e[i] * e[i];
                }
            }
            case RELU -> Elementwise.reluGate(d, a, n);
            case LINEAR -> { }
            case HARD_SIGMOID -> Elementwise.unitIntervalGate(d, a, n);
            case SOFTMAX -> throw new UnsupportedOperationException("softmax has no elementwise derivative");
        }
    }

    /** @return the name used in configs and on the command line, e.g. {@code sigmoid}, {@code hard-sigmoid}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the activation named {@code id} (case-insensitive), or an error listing the names. */
    public static Activation parse(String id) {
        for (Activation f : values()) {
            if (f.id().equalsIgnoreCase(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + id + "', expected one of " + ids());
    }

    /** @return every activation's id, comma-separated, for messages and help. */
    public static String ids() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Activation::id).toList());
    }
}
