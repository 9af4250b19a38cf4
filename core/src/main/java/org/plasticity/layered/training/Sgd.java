package org.plasticity.layered.training;

import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Gradients;

/**
 * Stochastic gradient descent with momentum and weight decay, as torch.optim.SGD: g = G + lambda W, v = mu v + g,
 * W = W - lr v (biases are not decayed). The hidden layers and the output layer have their own rates, as in the
 * burstprop reference code. On request it records the step it took per layer, which rules with learned feedback copy.
 */
public final class Sgd {
    private final double[] rate;
    private final float momentum;
    private final float decay;
    private final float[][] vw;
    private final float[][] vc;
    final float[][] steps;

    /** @param recordSteps keep W_new - W_old per layer for {@link #steps()} (an extra store per weight otherwise saved) */
    public Sgd(FeedForwardNet net, double hiddenLr, double outputLr, double momentum, double weightDecay,
               boolean recordSteps) {
        int layers = net.layers();
        rate = new double[layers];
        vw = new float[layers][];
        vc = new float[layers][];
        steps = new float[layers][];
        for (int l = 0; l < layers; l++) {
            rate[l] = l == layers - 1 ? outputLr : hiddenLr;
            vw[l] = new float[net.weights[l].length];
            vc[l] = new float[net.biases[l].length];
            steps[l] = recordSteps ? new float[net.weights[l].length] : null;
        }
        this.momentum = (float) momentum;
        this.decay = (float) weightDecay;
    }

    /**
     * @return the step each layer's weights took in the last {@link #step} (W_new - W_old), live arrays; null entries
     *     unless the optimiser was built to record them
     */
    public float[][] steps() {
        return steps;
    }

    /** Moves the weights and biases of {@code net} along the directions {@code g}. */
    public void step(FeedForwardNet net, Gradients g) {
        for (int l = 0; l < rate.length; l++) {
            float lr = (float) rate[l];
            float[] w = net.weights[l];
            float[] gw = g.weights[l];
            float[] v = vw[l];
            float[] s = steps[l];
            if (s == null) {
                for (int i = 0; i < w.length; i++) {
                    v[i] = momentum * v[i] + gw[i] + decay * w[i];
                    w[i] += -lr * v[i];
                }
            } else {
                for (int i = 0; i < w.length; i++) {
                    v[i] = momentum * v[i] + gw[i] + decay * w[i];
                    s[i] = -lr * v[i];
                    w[i] += s[i];
                }
            }
            float[] c = net.biases[l];
            float[] gc = g.biases[l];
            float[] u = vc[l];
            for (int i = 0; i < c.length; i++) {
                u[i] = momentum * u[i] + gc[i];
                c[i] -= lr * u[i];
            }
        }
    }
}
