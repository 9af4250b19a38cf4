package org.plasticity.layered.network;

import org.plasticity.numeric.Blas;
import org.plasticity.numeric.Patches;

/**
 * A 2-D convolution (cross-correlation, as PyTorch's {@code Conv2d}) of square kernels with zero padding:
 * <pre>
 *   a[co, i, j] = c[co] + sum over ci, u, v of W[co, ci, u, v] x[ci, i s + u - p, j s + v - p]
 * </pre>
 * W is {@code outChannels x inChannels x k x k} row-major, PyTorch's weight layout. Each product is one GEMM over
 * the whole batch through im2col (Chellapilla, Puri &amp; Simard 2006): the input patches are laid out as the columns
 * of X&#771; ({@code K x (batch P)}, K = inChannels k^2 rows, P = output positions per example), so that
 * <pre>
 *   forward         A&#771; = W X&#771;                (outChannels x batch P)
 *   weight          G_W = D&#771; X&#771;^T             D&#771; the error signal laid out like A&#771;
 *   transposed      G&#771; = M^T D&#771;,  then col2im adds each column back onto the input positions it came from
 * </pre>
 * The long dimension (batch times positions) runs along the rows of every product, where the kernels vectorise.
 * Sums have the fixed order of {@link Blas}, so results are the same bits at any thread count.
 *
 * <p>A kernel that covers the whole unpadded input (LeNet's third convolution: 16 maps of 5 x 5 into 120 maps of
 * 1 x 1) is a dense layer: the patch of example b is x[b] itself, in the same (channel, row, column) order, and there
 * is one output position. Such a layer runs {@link Dense}'s three products on x directly, with no patch matrix; the
 * channel-major products would be 120 x 400 dot products of only 64 terms each for the weight direction.
 *
 * @param in the input shape
 * @param outChannels feature maps out
 * @param kernel the kernel's side k
 * @param stride step between neighbouring outputs
 * @param padding zeros added on each side of the input
 */
public record Conv(Shape in, int outChannels, int kernel, int stride, int padding) implements Connection {
    public Conv {
        if (outChannels <= 0 || kernel <= 0 || stride <= 0 || padding < 0) {
            throw new IllegalArgumentException("a convolution needs positive channels, kernel and stride and "
                    + "padding >= 0, got " + outChannels + " channels, kernel " + kernel + ", stride " + stride
                    + ", padding " + padding);
        }
        if (in.height() + 2 * padding < kernel || in.width() + 2 * padding < kernel) {
            throw new IllegalArgumentException("a " + kernel + "x" + kernel + " kernel does not fit a " + in
                    + " input with padding " + padding);
        }
    }

    @Override
    public Shape out() {
        return new Shape(outChannels, outSide(in.height()), outSide(in.width()));
    }

    private int outSide(int side) {
        return (side + 2 * padding - kernel) / stride + 1;
    }

    /** @return rows of the patch matrix: inChannels k^2. */
    private int patch() {
        return in.channels() * kernel * kernel;
    }

    /** @return output positions per example. */
    private int positions() {
        return outSide(in.height()) * outSide(in.width());
    }

    @Override
    public int weightCount() {
        return outChannels * patch();
    }

    @Override
    public int biasCount() {
        return outChannels;
    }

    @Override
    public int fanIn() {
        return patch();
    }

    @Override
    public int fanOut() {
        return outChannels * kernel * kernel;
    }

    /** @return whether the kernel covers the whole unpadded input: then this layer is {@link #asDense()}. */
    public boolean wholeInput() {
        return padding == 0 && kernel == in.height() && kernel == in.width();
    }

    /** @return the dense layer this one equals when {@link #wholeInput()}: inChannels k^2 inputs, a unit per map. */
    private Dense asDense() {
        return new Dense(patch(), outChannels);
    }

    @Override
    public int columnsSize(int capacity) {
        return wholeInput() ? 0 : patch() * capacity * positions();
    }

    @Override
    public int workSize(int capacity) {
        return wholeInput() ? 0 : Math.max(outChannels, patch()) * capacity * positions();
    }

    @Override
    public void forward(float[] x, float[] w, float[] c, float[] a, int batch, float[] columns, float[] work) {
        if (wholeInput()) {
            asDense().forward(x, w, c, a, batch, columns, work);
            return;
        }
        int p = positions();
        int bp = batch * p;
        patches().im2col(x, batch, columns);
        Blas.gemm(outChannels, bp, patch(), 1f, w, columns, 0f, work);
        for (int b = 0; b < batch; b++) {
            for (int co = 0; co < outChannels; co++) {
                int from = co * bp + b * p;
                int to = (b * outChannels + co) * p;
                float bias = c[co];
                for (int q = 0; q < p; q++) {
                    a[to + q] = work[from + q] + bias;
                }
            }
        }
    }

    @Override
    public void transpose(float[] delta, float[] m, float[] gIn, int batch, float[] work, float[] work2) {
        if (wholeInput()) {
            asDense().transpose(delta, m, gIn, batch, work, work2);
            return;
        }
        int bp = batch * positions();
        channelMajor(delta, batch, work);
        Blas.gemmTN(patch(), bp, outChannels, 1f, m, work, 0f, work2);
        patches().col2im(work2, batch, gIn);
    }

    @Override
    public void gradient(float[] delta, float[] x, float[] columns, float[] gW, float[] gC, int batch, float[] work) {
        if (wholeInput()) {
            asDense().gradient(delta, x, columns, gW, gC, batch, work);
            return;
        }
        int bp = batch * positions();
        channelMajor(delta, batch, work);
        Blas.gemmNT(outChannels, patch(), bp, 1f, work, columns, 0f, gW);
        biasSums(work, bp, gC);
    }

    /**
     * {@code gC[co]} = the sum of row co of {@code rows} ({@code outChannels x bp}), in order from its first entry.
     * Four (then two) rows' sums advance together: each stays one sequential chain (the same bits), but independent chains
     * keep the adder busy where one would wait on each addition's latency (LeNet's first layer: 50,176 terms a row).
     */
    private void biasSums(float[] rows, int bp, float[] gC) {
        int co = 0;
        for (; co + 4 <= outChannels; co += 4) {
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            for (int q = co * bp, end = q + bp; q < end; q++) {
                s0 += rows[q];
                s1 += rows[q + bp];
                s2 += rows[q + 2 * bp];
                s3 += rows[q + 3 * bp];
            }
            gC[co] = s0;
            gC[co + 1] = s1;
            gC[co + 2] = s2;
            gC[co + 3] = s3;
        }
        for (; co + 2 <= outChannels; co += 2) {
            float s0 = 0f;
            float s1 = 0f;
            for (int q = co * bp, end = q + bp; q < end; q++) {
                s0 += rows[q];
                s1 += rows[q + bp];
            }
            gC[co] = s0;
            gC[co + 1] = s1;
        }
        if (co < outChannels) {
            float s = 0f;
            for (int q = co * bp, end = q + bp; q < end; q++) {
                s += rows[q];
            }
            gC[co] = s;
        }
    }

    /** D&#771;[co, b P + q] = delta[b, co, q]: each channel's values of the whole batch in one row. */
    private void channelMajor(float[] delta, int batch, float[] out) {
        int p = positions();
        int bp = batch * p;
        for (int b = 0; b < batch; b++) {
            for (int co = 0; co < outChannels; co++) {
                System.arraycopy(delta, (b * outChannels + co) * p, out, co * bp + b * p, p);
            }
        }
    }

    /** @return the patch matrix's geometry (im2col and its adjoint). */
    private Patches patches() {
        return new Patches(in.channels(), in.height(), in.width(), kernel, stride, padding);
    }
}
