package org.plasticity.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The patch matrix against its definition, its adjoint by the identity &lt;im2col(x), c&gt; = &lt;x, col2im(c)&gt;,
 * and the vector adjoint against the plain scatter bit for bit (signed zeros and infinities included), for LeNet's
 * layers and padded, strided and wider-than-a-vector geometries.
 */
class PatchesTest {
    private static final Patches[] CASES = {
        new Patches(1, 28, 28, 5, 1, 2), // LeNet conv1
        new Patches(6, 14, 14, 5, 1, 0), // LeNet conv2
        new Patches(3, 32, 32, 5, 1, 2), // a CIFAR layer: rows of two vectors
        new Patches(2, 9, 7, 3, 1, 1),
        new Patches(2, 11, 9, 3, 2, 1), // strided: the scatter only
        new Patches(4, 5, 5, 5, 1, 0), // one output position
        new Patches(1, 40, 37, 4, 1, 3), // padding wider than a kernel half
    };

    @Test
    void im2colFollowsTheDefinition() {
        SplittableRandom r = new SplittableRandom(1);
        for (Patches s : CASES) {
            int batch = 3;
            float[] x = random(r, batch * s.channels() * s.height() * s.width(), false);
            int oh = s.outHeight();
            int ow = s.outWidth();
            int k = s.kernel();
            float[] cols = new float[s.channels() * k * k * batch * oh * ow];
            s.im2col(x, batch, cols);
            for (int ci = 0; ci < s.channels(); ci++) {
                for (int u = 0; u < k; u++) {
                    for (int v = 0; v < k; v++) {
                        for (int b = 0; b < batch; b++) {
                            for (int i = 0; i < oh; i++) {
                                for (int j = 0; j < ow; j++) {
                                    int yy = i * s.stride() + u - s.padding();
                                    int xx = j * s.stride() + v - s.padding();
                                    boolean inside = yy >= 0 && yy < s.height() && xx >= 0 && xx < s.width();
                                    float want = inside
                                            ? x[((b * s.channels() + ci) * s.height() + yy) * s.width() + xx] : 0f;
                                    int row = (ci * k + u) * k + v;
                                    assertEquals(want, cols[row * batch * oh * ow + (b * oh + i) * ow + j], 0f, s + "");
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void col2imIsTheAdjointAndTheVectorBodyEqualsTheScatter() {
        SplittableRandom r = new SplittableRandom(2);
        for (Patches s : CASES) {
            for (int batch : new int[] {1, 3}) {
                int in = batch * s.channels() * s.height() * s.width();
                int k = s.kernel();
                float[] x = random(r, in, false);
                float[] c = random(r, s.channels() * k * k * batch * s.outHeight() * s.outWidth(), false);
                float[] cols = new float[c.length];
                s.im2col(x, batch, cols);
                float[] g = new float[in + 40]; // a larger buffer, as an activity's: the tail must stay untouched
                java.util.Arrays.fill(g, 7f);
                s.col2im(c, batch, g);
                double lhs = 0;
                double rhs = 0;
                for (int q = 0; q < c.length; q++) {
                    lhs += (double) cols[q] * c[q];
                }
                for (int q = 0; q < in; q++) {
                    rhs += (double) x[q] * g[q];
                }
                assertEquals(lhs, rhs, 1e-4 * (1 + Math.abs(lhs)), s + " batch " + batch);
                for (int q = in; q < g.length; q++) {
                    assertEquals(7f, g[q], 0f, "past the batch");
                }
                float[] special = random(r, c.length, true);
                float[] fast = new float[in];
                float[] plain = new float[in];
                s.col2im(special, batch, fast);
                s.col2imScatter(special, batch, plain);
                for (int q = 0; q < in; q++) {
                    assertEquals(Float.floatToRawIntBits(plain[q]), Float.floatToRawIntBits(fast[q]),
                            s + " batch " + batch + " at " + q);
                }
            }
        }
    }

    /** Gaussian values; with {@code special}, also many signed zeros and a few infinities. */
    private static float[] random(SplittableRandom r, int n, boolean special) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            int pick = special ? r.nextInt(10) : 9;
            a[i] = pick == 0 ? -0f : pick == 1 ? 0f : pick == 2 && r.nextInt(50) == 0 ? Float.POSITIVE_INFINITY
                    : (float) r.nextGaussian();
        }
        return a;
    }
}
