package org.plasticity.layered.credit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Gradients;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Loss;

/** Backprop's directions against central finite differences of the batch-mean loss, for every parameter. */
class BackpropGradientTest {

    @ParameterizedTest
    @CsvSource({"tanh, sigmoid, mse", "sigmoid, sigmoid, mse", "relu, softmax, cross-entropy",
        "tanh, linear, mse"})
    void matchesFiniteDifferences(String hidden, String output, String lossName) {
        SplittableRandom rng = new SplittableRandom(7);
        int[] sizes = {4, 6, 5, 3};
        FeedForwardNet net = new FeedForwardNet(sizes, Activation.parse(hidden), Activation.parse(output),
                Init.XAVIER_NORMAL, 1.5, rng);
        for (float[] c : net.biases) {
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) (0.3 * rng.nextGaussian());
            }
        }
        Loss loss = Loss.parse(lossName);
        int batch = 5;
        float[] x = new float[batch * 4];
        float[] y = new float[batch * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        for (int r = 0; r < batch; r++) {
            y[r * 3 + rng.nextInt(3)] = 1f;
        }
        Activity act = net.newActivity(batch);
        net.forward(x, 0, batch, act);
        Gradients g = new Gradients(sizes);
        new Backprop(sizes, batch, loss).assign(net, act, y, g, null);

        // float forward passes: a step of 1e-2 keeps round-off (~1e-7 / 1e-2) and truncation (~1e-4) both small
        float h = 1e-2f;
        for (int l = 0; l < net.layers(); l++) {
            check(net, loss, x, y, batch, net.weights[l], g.weights[l], h, "W" + (l + 1));
            check(net, loss, x, y, batch, net.biases[l], g.biases[l], h, "c" + (l + 1));
        }
    }

    private static void check(FeedForwardNet net, Loss loss, float[] x, float[] y, int batch, float[] p,
                              float[] analytic, float h, String what) {
        double err = 0;
        double norm = 0;
        for (int i = 0; i < p.length; i++) {
            float keep = p[i];
            p[i] = keep + h;
            double up = lossOf(net, loss, x, y, batch);
            p[i] = keep - h;
            double down = lossOf(net, loss, x, y, batch);
            p[i] = keep;
            double fd = (up - down) / (2 * h);
            err += (fd - analytic[i]) * (fd - analytic[i]);
            norm += fd * fd;
            assertTrue(Math.abs(fd - analytic[i]) < 2e-3 * Math.abs(fd) + 2e-5,
                    what + "[" + i + "]: finite difference " + fd + ", backprop " + analytic[i]);
        }
        assertTrue(norm > 0, what + " has a gradient");
        assertTrue(Math.sqrt(err / norm) < 1e-3, what + " relative error " + Math.sqrt(err / norm));
    }

    private static double lossOf(FeedForwardNet net, Loss loss, float[] x, float[] y, int batch) {
        Activity act = net.newActivity(batch);
        net.forward(x, 0, batch, act);
        return loss.mean(act.e[net.layers()], y, batch, y.length / batch);
    }
}
