package org.plasticity.numeric;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API body of {@link Patches#col2im} for stride 1. Instead of scattering each patch row onto the input,
 * it builds each input row in registers: lanes are input columns, and for every kernel position (u, v) in increasing
 * order it adds the patch entries that land there, which sit contiguously in the patch row, shifted by v. Lanes an
 * entry does not reach add +0 instead, which changes no sum, so every input position receives the same values in the
 * same order as in {@link Patches#col2imScatter}. (Masks and blends are not compiled to vector code by every JDK 17;
 * a bitwise and is.)
 */
final class VectorPatches {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());

    private VectorPatches() {}

    /** {@link Patches#col2im} for a geometry of stride 1. */
    static void col2im(Patches s, float[] cols, int batch, float[] g) {
        int len = F.length();
        int k = s.kernel();
        int pad = s.padding();
        int h = s.height();
        int w = s.width();
        int oh = s.outHeight();
        int ow = s.outWidth();
        int p = oh * ow;
        int bp = batch * p;
        int end = batch * s.channels() * h * w; // g's used part: a whole-vector store must not pass it
        int chunks = (w + len - 1) / len;
        int[] reach = new int[chunks * k * len]; // lane x of chunk c takes kernel column v: all ones, else zero
        for (int c = 0; c < chunks; c++) {
            for (int v = 0; v < k; v++) {
                for (int r = 0; r < len; r++) {
                    int j = c * len + r + pad - v;
                    reach[(c * k + v) * len + r] = j >= 0 && j < ow ? -1 : 0;
                }
            }
        }
        FloatVector zero = FloatVector.zero(F);
        int[] shift = new int[k * k];
        int[] lane = new int[k * k];
        for (int u = 0; u < k; u++) {
            for (int v = 0; v < k; v++) {
                shift[u * k + v] = (u * k + v) * bp - u * ow - v;
                lane[u * k + v] = v * len;
            }
        }
        for (int b = 0; b < batch; b++) {
            for (int ci = 0; ci < s.channels(); ci++) {
                for (int y = 0; y < h; y++) {
                    int rowStart = ((b * s.channels() + ci) * h + y) * w;
                    for (int x0 = 0; x0 < w; x0 += len) {
                        int to = rowStart + x0;
                        int first = ((ci * k) * k) * bp + b * p + pad - (k - 1) + x0; // the lowest and highest
                        int last = ((ci * k + k - 1) * k + k - 1) * bp + b * p + (oh - 1) * ow + pad + x0 + len;
                        if (first < 0 || last > cols.length || to + len > end) {
                            scalarChunk(s, cols, bp, p, b, ci, y, x0, g, to);
                            continue;
                        }
                        // taps t = u k + v whose output row i = y + pad - u exists (i falls as u grows); tap t
                        // reads the patch row from base + shift[t]. Lane x takes output column j = x + pad - v when
                        // 0 <= j < W'; the entries it does not take become +0 (bitwise and), which leaves every sum
                        // as it is, since a sum that starts at +0 is never -0. One flat loop: JDK 17 keeps the
                        // accumulator in a register only in a single loop.
                        int tFirst = Math.max(0, y + pad - oh + 1) * k;
                        int tEnd = Math.min(k, y + pad + 1) * k;
                        int base = ci * k * k * bp + b * p + (y + pad) * ow + pad + x0;
                        int chunk = x0 / len * k * len;
                        FloatVector acc = zero;
                        for (int t = tFirst; t < tEnd; t++) {
                            IntVector on = IntVector.fromArray(I, reach, chunk + lane[t]);
                            FloatVector c = FloatVector.fromArray(F, cols, base + shift[t]);
                            acc = acc.add(c.reinterpretAsInts().and(on).reinterpretAsFloats());
                        }
                        acc.intoArray(g, to); // lanes past the row land on the next row, written after this one
                    }
                }
            }
        }
    }

    /** One row chunk lane by lane, in the same order: where a whole vector would reach outside an array. */
    private static void scalarChunk(Patches s, float[] cols, int bp, int p, int b, int ci, int y, int x0, float[] g,
                                    int to) {
        int k = s.kernel();
        int pad = s.padding();
        int oh = s.outHeight();
        int ow = s.outWidth();
        for (int x = x0; x < Math.min(s.width(), x0 + F.length()); x++) {
            float sum = 0f;
            for (int u = 0; u < k; u++) {
                int i = y + pad - u;
                for (int v = 0; v < k; v++) {
                    int j = x + pad - v;
                    if (i >= 0 && i < oh && j >= 0 && j < ow) {
                        sum += cols[((ci * k + u) * k + v) * bp + b * p + i * ow + j];
                    }
                }
            }
            g[to + x - x0] = sum;
        }
    }
}
