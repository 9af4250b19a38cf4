package org.plasticity.layered.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A convolution's bias direction is, per output channel, the sum of its error signal over the batch and the
 * positions, taken in order (example by example, position by position): bit for bit, for every channel count (the
 * sums run four, two and one channel at a time).
 */
class ConvBiasTest {
    @Test
    void biasDirectionIsEachChannelsSumInOrder() {
        SplittableRandom r = new SplittableRandom(9);
        Shape in = new Shape(2, 6, 6);
        for (int channels = 1; channels <= 7; channels++) {
            Conv conv = new Conv(in, channels, 3, 1, 1);
            int batch = 5;
            int p = conv.out().height() * conv.out().width();
            float[] x = new float[batch * in.size()];
            float[] delta = new float[batch * channels * p];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < delta.length; i++) {
                delta[i] = (float) (r.nextGaussian() * Math.exp(4 * r.nextGaussian())); // wide range: rounding shows
            }
            float[] columns = new float[conv.columnsSize(batch)];
            float[] work = new float[conv.workSize(batch)];
            conv.forward(x, new float[conv.weightCount()], new float[channels], new float[delta.length], batch,
                    columns, work);
            float[] gW = new float[conv.weightCount()];
            float[] gC = new float[channels];
            conv.gradient(delta, x, columns, gW, gC, batch, work);
            for (int co = 0; co < channels; co++) {
                float want = 0f;
                for (int b = 0; b < batch; b++) {
                    for (int q = 0; q < p; q++) {
                        want += delta[(b * channels + co) * p + q];
                    }
                }
                assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(gC[co]),
                        channels + " channels, channel " + co);
            }
        }
    }
}
