package org.plasticity.numeric;

import java.util.Arrays;

/**
 * The patch matrix of a 2-D convolution over a batch of channel-major maps (im2col, Chellapilla, Puri &amp; Simard
 * 2006) and its adjoint, which adds every entry back onto the input position it came from (col2im):
 * <pre>
 *   X&#771;[(ci k + u) k + v, b P + i W' + j] = x[b, ci, i s + u - p, j s + v - p], zero outside the input
 * </pre>
 * (P = H' W' output positions, s the stride, p the padding). In the adjoint every input position receives its entries
 * in increasing patch-row order, starting from +0, so that the sums have one fixed order. The Vector API body
 * ({@link VectorPatches}, stride 1) gathers each input row's entries in registers in that same order, so it gives the
 * same bits as the plain scatter here.
 *
 * @param channels input maps
 * @param height input rows
 * @param width input columns
 * @param kernel the kernel's side k
 * @param stride step between neighbouring outputs
 * @param padding zeros on each side
 */
public record Patches(int channels, int height, int width, int kernel, int stride, int padding) {
    /** @return output rows H'. */
    public int outHeight() {
        return (height + 2 * padding - kernel) / stride + 1;
    }

    /** @return output columns W'. */
    public int outWidth() {
        return (width + 2 * padding - kernel) / stride + 1;
    }

    /** Writes X&#771; ({@code channels k^2 x batch P}) of {@code batch} examples of {@code x} into {@code cols}. */
    public void im2col(float[] x, int batch, float[] cols) {
        if (stride == 1 && outWidth() == width) {
            im2colSameWidth(x, batch, cols);
            return;
        }
        int oh = outHeight();
        int ow = outWidth();
        int p = oh * ow;
        int bp = batch * p;
        int row = 0;
        for (int ci = 0; ci < channels; ci++) {
            for (int u = 0; u < kernel; u++) {
                for (int v = 0; v < kernel; v++, row++) {
                    int lo = firstInside(v); // the same for every line: computed once (two divisions)
                    int hi = endInside(v, ow);
                    for (int b = 0; b < batch; b++) {
                        int src = (b * channels + ci) * height * width;
                        int dst = row * bp + b * p;
                        for (int i = 0; i < oh; i++) {
                            int y = i * stride + u - padding;
                            int at = dst + i * ow;
                            if (y < 0 || y >= height) {
                                Arrays.fill(cols, at, at + ow, 0f);
                                continue;
                            }
                            int line = src + y * width + v - padding;
                            for (int j = 0; j < lo; j++) { // a few columns at most: a loop, not Arrays.fill's checks
                                cols[at + j] = 0f;
                            }
                            if (stride == 1) {
                                System.arraycopy(x, line + lo, cols, at + lo, hi - lo);
                            } else {
                                for (int j = lo; j < hi; j++) {
                                    cols[at + j] = x[line + j * stride];
                                }
                            }
                            for (int j = hi; j < ow; j++) {
                                cols[at + j] = 0f;
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * {@link #im2col} when output rows are as wide as input rows (stride 1, 2 p = k - 1: LeNet's first layer). Then
     * the patch row's lines for one example and one kernel position are the input's lines shifted by {@code v - p},
     * one after the other in both: one copy for all of them, after which the few entries the shift carried over from
     * a neighbouring line (where the kernel reads padding) are set to zero. Same values as the line-by-line copy.
     */
    private void im2colSameWidth(float[] x, int batch, float[] cols) {
        int oh = outHeight();
        int w = width;
        int p = oh * w;
        int bp = batch * p;
        int row = 0;
        for (int ci = 0; ci < channels; ci++) {
            for (int u = 0; u < kernel; u++) {
                int iFirst = Math.max(0, padding - u); // output rows whose input row y = i + u - p exists
                int iEnd = Math.min(oh, height + padding - u);
                for (int v = 0; v < kernel; v++, row++) {
                    int shift = v - padding;
                    int lo = Math.max(0, -shift); // output columns reading inside the input
                    int hi = Math.min(w, w - shift);
                    for (int b = 0; b < batch; b++) {
                        int dst = row * bp + b * p;
                        Arrays.fill(cols, dst, dst + iFirst * w, 0f);
                        Arrays.fill(cols, dst + Math.max(iFirst, iEnd) * w, dst + p, 0f);
                        if (iEnd <= iFirst) {
                            continue;
                        }
                        int at = dst + iFirst * w;
                        int from = (b * channels + ci) * height * w + (iFirst + u - padding) * w + shift;
                        int n = (iEnd - iFirst) * w;
                        int skip = Math.max(0, -from); // before x's start: only padding entries, zeroed below
                        System.arraycopy(x, from + skip, cols, at + skip, Math.min(n, x.length - from) - skip);
                        for (int i = iFirst; i < iEnd; i++) {
                            int line = dst + i * w;
                            for (int j = 0; j < lo; j++) {
                                cols[line + j] = 0f;
                            }
                            for (int j = hi; j < w; j++) {
                                cols[line + j] = 0f;
                            }
                        }
                    }
                }
            }
        }
    }

    /** The adjoint of {@link #im2col}: {@code g} ({@code batch} input maps) = the entries of {@code cols} added. */
    public void col2im(float[] cols, int batch, float[] g) {
        if (EulerKernels.VECTORIZED && stride == 1) {
            VectorPatches.col2im(this, cols, batch, g);
        } else {
            col2imScatter(cols, batch, g);
        }
    }

    /** {@link #col2im} by scattering each patch row onto the input (the plain twin; also every stride). */
    void col2imScatter(float[] cols, int batch, float[] g) {
        int oh = outHeight();
        int ow = outWidth();
        int p = oh * ow;
        int bp = batch * p;
        Arrays.fill(g, 0, batch * channels * height * width, 0f);
        for (int b = 0; b < batch; b++) { // an example's gradient is finished while it is in the cache
            int row = 0;
            for (int ci = 0; ci < channels; ci++) {
                int dst = (b * channels + ci) * height * width;
                for (int u = 0; u < kernel; u++) {
                    for (int v = 0; v < kernel; v++, row++) {
                        int src = row * bp + b * p;
                        int lo = firstInside(v);
                        int hi = endInside(v, ow);
                        for (int i = 0; i < oh; i++) {
                            int y = i * stride + u - padding;
                            if (y < 0 || y >= height) {
                                continue;
                            }
                            int line = dst + y * width + v - padding;
                            int at = src + i * ow;
                            for (int j = lo; j < hi; j++) {
                                g[line + j * stride] += cols[at + j];
                            }
                        }
                    }
                }
            }
        }
    }

    /** @return the first output column j whose kernel column v reads inside the input: j s + v - p &ge; 0. */
    int firstInside(int v) {
        return padding > v ? (padding - v + stride - 1) / stride : 0;
    }

    /** @return one past the last output column j (at most {@code ow}) reading inside: j s + v - p &lt; width. */
    int endInside(int v, int ow) {
        int room = width - 1 + padding - v;
        return room < 0 ? 0 : Math.max(firstInside(v), Math.min(ow, room / stride + 1));
    }
}
