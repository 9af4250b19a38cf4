package org.plasticity.layered.network;

import java.util.Arrays;
import java.util.Locale;
import org.plasticity.numeric.Windows;

/**
 * Spatial pooling of each feature map over {@code size x size} windows taken every {@code stride} positions (no
 * padding; a partial window at the edge is dropped, as PyTorch's default floor mode does):
 * <pre>
 *   max:      y[c, i, j] = max over u, v &lt; size of e[c, i s + u, j s + v]
 *   average:  y[c, i, j] = mean over the same window
 * </pre>
 * The backward pass is the adjoint: max routes each output's signal to the position that won (the first in window
 * order on ties, as the forward pass records it); average spreads it evenly over the window. Overlapping windows
 * ({@code stride < size}) add up.
 *
 * @param kind max or average
 * @param size the window's side
 * @param stride step between windows
 */
public record Pool(Kind kind, int size, int stride) {
    /** How a window is summarised. */
    public enum Kind {
        MAX, AVERAGE;

        /** @return the name in layer lists: {@code maxpool}, {@code avgpool}. */
        public String token() {
            return this == MAX ? "maxpool" : "avgpool";
        }
    }

    public Pool {
        if (size <= 0 || stride <= 0) {
            throw new IllegalArgumentException("pooling needs a positive size and stride, got " + size + " and "
                    + stride);
        }
    }

    /** @return the pooled shape of {@code in}. */
    public Shape out(Shape in) {
        if (in.height() < size || in.width() < size) {
            throw new IllegalArgumentException("a " + size + "x" + size + " " + kind.name().toLowerCase(Locale.ROOT)
                    + " pool does not fit a " + in + " map");
        }
        return new Shape(in.channels(), (in.height() - size) / stride + 1, (in.width() - size) / stride + 1);
    }

    /**
     * Pools {@code batch} examples of shape {@code in} from {@code e} into {@code y}; for max pooling {@code winner}
     * receives, per output, the index into {@code e} of the value taken.
     */
    public void forward(Shape in, float[] e, float[] y, int[] winner, int batch) {
        int maps = batch * in.channels();
        int inMap = in.height() * in.width();
        int[][] offsets = offsets(in, 1);
        if (kind == Kind.MAX) {
            int group = Windows.group(offsets[0].length);
            int units = maps / group;
            Windows.max(e, 0, units, group * inMap, offsets(in, group), y, winner);
            Windows.max(e, units * group, maps - units * group, inMap, offsets, y, winner);
            return;
        }
        int outMap = offsets[0].length;
        float norm = 1f / (size * size);
        for (int m = 0; m < maps; m++) {
            for (int t = 0; t < outMap; t++) {
                float s = 0f;
                for (int[] q : offsets) {
                    s += e[m * inMap + q[t]];
                }
                y[m * outMap + t] = s * norm;
            }
        }
    }

    /**
     * @return per window position (u, v) in window order, per output t = (m T + i W' + j) of {@code maps}
     *     consecutive maps: where t's value sits, from the first map's start
     */
    private int[][] offsets(Shape in, int maps) {
        Shape o = out(in);
        int outMap = o.height() * o.width();
        int inMap = in.height() * in.width();
        int[][] at = new int[size * size][maps * outMap];
        for (int u = 0; u < size; u++) {
            for (int v = 0; v < size; v++) {
                for (int m = 0; m < maps; m++) {
                    for (int i = 0; i < o.height(); i++) {
                        for (int j = 0; j < o.width(); j++) {
                            at[u * size + v][m * outMap + i * o.width() + j] =
                                    m * inMap + (i * stride + u) * in.width() + j * stride + v;
                        }
                    }
                }
            }
        }
        return at;
    }

    /** The adjoint of {@link #forward}: {@code g} (pooled) carried back onto {@code ge} (the maps before pooling). */
    public void backward(Shape in, float[] g, float[] ge, int[] winner, int batch) {
        Shape o = out(in);
        Arrays.fill(ge, 0, batch * in.size(), 0f);
        int n = batch * o.size();
        if (kind == Kind.MAX) {
            for (int at = 0; at < n; at++) {
                ge[winner[at]] += g[at];
            }
            return;
        }
        int inMap = in.height() * in.width();
        int[][] offsets = offsets(in, 1);
        int outMap = offsets[0].length;
        float norm = 1f / (size * size);
        for (int m = 0; m < batch * in.channels(); m++) {
            for (int t = 0; t < outMap; t++) {
                float share = g[m * outMap + t] * norm;
                for (int[] q : offsets) {
                    ge[m * inMap + q[t]] += share;
                }
            }
        }
    }
}
