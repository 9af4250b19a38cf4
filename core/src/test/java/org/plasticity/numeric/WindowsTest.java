package org.plasticity.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Max over windows, vector lanes and scalar tail alike, against a direct loop over each window: the same values and
 * the same winners, with ties (the first wins), signed zeros and NaN in the maps.
 */
class WindowsTest {
    @Test
    void groupMakesWholeVectors() {
        assertEquals(16, Windows.group(25));
        assertEquals(4, Windows.group(196));
        assertEquals(1, Windows.group(32));
        assertEquals(16, Windows.group(1));
    }

    @Test
    void maxEqualsADirectLoopWithTiesZerosAndNaN() {
        SplittableRandom r = new SplittableRandom(5);
        float[] pool = {0f, -0f, 0.5f, 1f, Float.NaN, -1f};
        // map side, window, stride: 2x2/2 on 28 and 10 (LeNet), 3x3/2 overlapping, 3x3/3, 5x5/1
        int[][] cases = {{28, 2, 2}, {10, 2, 2}, {7, 3, 2}, {9, 3, 3}, {12, 5, 1}};
        for (int[] c : cases) {
            int side = c[0];
            int size = c[1];
            int stride = c[2];
            int o = (side - size) / stride + 1;
            int maps = 37;
            float[] e = new float[maps * side * side];
            for (int i = 0; i < e.length; i++) {
                e[i] = r.nextInt(4) == 0 ? (float) r.nextGaussian() : pool[r.nextInt(pool.length)];
            }
            int[][] offsets = new int[size * size][o * o];
            for (int u = 0; u < size; u++) {
                for (int v = 0; v < size; v++) {
                    for (int t = 0; t < o * o; t++) {
                        offsets[u * size + v][t] = (t / o * stride + u) * side + t % o * stride + v;
                    }
                }
            }
            float[] y = new float[maps * o * o];
            int[] winner = new int[y.length];
            Windows.max(e, 0, maps, side * side, offsets, y, winner);
            for (int m = 0; m < maps; m++) {
                for (int t = 0; t < o * o; t++) {
                    int first = m * side * side + t / o * stride * side + t % o * stride;
                    int best = first;
                    for (int u = 0; u < size; u++) {
                        for (int v = 0; v < size; v++) {
                            int k = first + u * side + v;
                            best = e[k] > e[best] ? k : best;
                        }
                    }
                    String at = side + "/" + size + "/" + stride + " map " + m + " window " + t;
                    assertEquals(best, winner[m * o * o + t], at);
                    assertEquals(Float.floatToRawIntBits(e[best]), Float.floatToRawIntBits(y[m * o * o + t]), at);
                }
            }
            int[] again = new int[winner.length];
            float[] y2 = new float[y.length];
            Windows.max(e, 0, 20, side * side, offsets, y2, again);
            Windows.max(e, 20, maps - 20, side * side, offsets, y2, again);
            assertArrayEquals(winner, again, "split into two calls");
        }
    }
}
