package org.plasticity.numeric;

/**
 * The largest value of each window of a stack of equally shaped maps, and where it is: the kernel of max pooling.
 * Window t of a map reads the values at {@code offsets[0][t], offsets[1][t], ...} from the map's start, in that order;
 * a later value wins only when it is strictly greater, so ties go to the first (and a NaN never wins over a number
 * read before it). The Vector API body ({@link VectorWindows}) takes 16 windows at a time with gathers and makes the
 * same comparisons in the same order, so both give the same values and the same winners.
 */
public final class Windows {
    private Windows() {}

    /**
     * Windows a batch of maps is best cut into: this many maps' windows together make whole vectors (16 lanes)
     * wherever possible, so that a map of 25 windows does not leave most of them to a scalar tail.
     */
    public static int group(int windowsPerMap) {
        int lanes = Blas.FLOAT_LANES;
        int g = windowsPerMap;
        for (int r = lanes; r != 0; ) { // gcd(windowsPerMap, lanes)
            int t = g % r;
            g = r;
            r = t;
        }
        return lanes / g;
    }

    /**
     * For every unit {@code u} of {@code count} starting at {@code from}, with base {@code u stride} and T =
     * {@code offsets[0].length} windows per unit: {@code winner[u T + t]} = the index into {@code e} of the first
     * largest of {@code e[base + offsets[q][t]]} over q, and {@code y[u T + t]} its value. A unit is one map, or
     * several maps whose windows {@code offsets} lists together.
     */
    public static void max(float[] e, int from, int count, int stride, int[][] offsets, float[] y, int[] winner) {
        int windows = offsets[0].length;
        for (int u = from; u < from + count; u++) {
            int base = u * stride;
            int out = u * windows;
            int t = EulerKernels.VECTORIZED ? VectorWindows.max(e, base, offsets, y, winner, out) : 0;
            for (; t < windows; t++) {
                int best = base + offsets[0][t];
                for (int q = 1; q < offsets.length; q++) {
                    int k = base + offsets[q][t];
                    if (e[k] > e[best]) {
                        best = k;
                    }
                }
                winner[out + t] = best;
                y[out + t] = e[best];
            }
        }
    }
}
