package org.plasticity.layered.network;

import java.util.Locale;

/**
 * Training losses, each the mean over the batch of a per-example loss, so that gradients do not scale with batch
 * size:
 * <ul>
 *   <li>{@link #MSE}: l = 1/2 ||e - y||^2;</li>
 *   <li>{@link #CROSS_ENTROPY}: l = -sum_k y_k log e_k, with a softmax output (its gradient in a is e - y).</li>
 * </ul>
 */
public enum Loss {
    MSE, CROSS_ENTROPY;

    /** @return the per-example loss of output row {@code e[o..o+k)} against target row {@code y[o..o+k)}. */
    public double example(float[] e, float[] y, int o, int k) {
        double s = 0;
        if (this == MSE) {
            for (int j = 0; j < k; j++) {
                double d = e[o + j] - y[o + j];
                s += d * d;
            }
            return 0.5 * s;
        }
        for (int j = 0; j < k; j++) {
            if (y[o + j] != 0f) {
                s -= y[o + j] * Math.log(Math.max(e[o + j], 1e-30));
            }
        }
        return s;
    }

    /** @return the batch-mean loss over {@code rows} examples of {@code k} outputs. */
    public double mean(float[] e, float[] y, int rows, int k) {
        double s = 0;
        for (int r = 0; r < rows; r++) {
            s += example(e, y, r * k, k);
        }
        return s / rows;
    }

    /**
     * Writes {@code g = dL/da_L} of the batch-mean loss into {@code g} (with its 1/rows factor), for the output
     * nonlinearity {@code f}. Cross-entropy needs a softmax output; MSE takes any elementwise one.
     */
    public void outputGradient(Activation f, float[] a, float[] e, float[] y, float[] g, int rows, int k) {
        int n = rows * k;
        float scale = 1f / rows;
        for (int i = 0; i < n; i++) {
            g[i] = (e[i] - y[i]) * scale;
        }
        if (this == MSE) {
            f.multiplyByDerivative(g, a, e, n);
        } else if (f != Activation.SOFTMAX) {
            throw new IllegalArgumentException("cross-entropy needs a softmax output, got " + f.id());
        }
    }

    /** @return the name used in configs, e.g. {@code cross-entropy}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the loss named {@code id}, or an error listing the names. */
    public static Loss parse(String id) {
        for (Loss l : values()) {
            if (l.id().equalsIgnoreCase(id)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + id + "', expected mse or cross-entropy");
    }
}
