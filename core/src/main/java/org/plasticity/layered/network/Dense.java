package org.plasticity.layered.network;

import java.util.Arrays;
import org.plasticity.numeric.Blas;

/**
 * An all-to-all layer, a = x W^T + c over a batch of rows: W is {@code outputs x inputs} row-major (PyTorch's
 * {@code Linear.weight}). One GEMM per product.
 *
 * @param inputs values per input example
 * @param outputs units
 */
public record Dense(int inputs, int outputs) implements Connection {
    public Dense {
        if (inputs <= 0 || outputs <= 0) {
            throw new IllegalArgumentException("a dense layer needs positive sizes, got " + inputs + " -> " + outputs);
        }
    }

    @Override
    public Shape in() {
        return Shape.flat(inputs);
    }

    @Override
    public Shape out() {
        return Shape.flat(outputs);
    }

    @Override
    public int weightCount() {
        return outputs * inputs;
    }

    @Override
    public int biasCount() {
        return outputs;
    }

    @Override
    public int fanIn() {
        return inputs;
    }

    @Override
    public int fanOut() {
        return outputs;
    }

    @Override
    public int columnsSize(int capacity) {
        return 0;
    }

    @Override
    public int workSize(int capacity) {
        return 0;
    }

    @Override
    public void forward(float[] x, float[] w, float[] c, float[] a, int batch, float[] columns, float[] work) {
        for (int r = 0; r < batch; r++) {
            System.arraycopy(c, 0, a, r * outputs, outputs);
        }
        Blas.gemmNT(batch, outputs, inputs, 1f, x, w, 1f, a);
    }

    @Override
    public void transpose(float[] delta, float[] m, float[] gIn, int batch, float[] work, float[] work2) {
        Blas.gemm(batch, inputs, outputs, 1f, delta, m, 0f, gIn);
    }

    @Override
    public void gradient(float[] delta, float[] x, float[] columns, float[] gW, float[] gC, int batch, float[] work) {
        Blas.gemmTN(outputs, inputs, batch, 1f, delta, x, 0f, gW);
        Arrays.fill(gC, 0f);
        for (int r = 0; r < batch; r++) {
            int o = r * outputs;
            for (int j = 0; j < outputs; j++) {
                gC[j] += delta[o + j];
            }
        }
    }
}
