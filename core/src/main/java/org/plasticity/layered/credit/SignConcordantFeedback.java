package org.plasticity.layered.credit;

import java.util.SplittableRandom;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Gradients;
import org.plasticity.layered.network.Loss;

/**
 * Sign-concordant feedback (Liao, Leibo &amp; Poggio 2016, AAAI-16, arXiv:1510.05067): backprop with W_l replaced by
 * a matrix that shares every sign with W_l but not its magnitudes,
 * B_l = |M_l| . sign(W_l), delta_{l-1} = (B_l^T delta_l) . f'(a_{l-1}). The subclasses choose the magnitudes; the
 * signs are read from the current forward weights at every batch, so the feedback follows a weight that changes sign.
 * sign(0) = 0: a forward weight of exactly zero sends nothing back.
 *
 * <p>B_l is held in an array shaped like W_l ({@code net.weights[l-1]}), entry for entry, so any layer whose
 * errors travel down through an array shaped like its forward weights can use it.
 */
abstract class SignConcordantFeedback extends LayerwiseFeedback {
    private final float[][] b;

    SignConcordantFeedback(FeedForwardNet net, int capacity, Loss loss) {
        super(net.sizes(), capacity, loss);
        b = new float[net.layers()][];
        for (int l = 2; l <= net.layers(); l++) { // B_1 would carry errors below the input: not needed
            b[l - 1] = new float[net.weights[l - 1].length];
        }
    }

    /**
     * Writes the magnitudes of B_l for the coming batch into {@code into} (shaped like W_l); only their absolute
     * values count, so a scheme's signed draws may be written as they are.
     */
    abstract void writeMagnitudes(FeedForwardNet net, int l, float[] into, SplittableRandom rng);

    /** Rebuilds every B_l from this batch's magnitudes and the forward weights' current signs. */
    final void rebuild(FeedForwardNet net, SplittableRandom rng) {
        for (int l = 2; l <= net.layers(); l++) {
            float[] bl = b[l - 1];
            float[] w = net.weights[l - 1];
            writeMagnitudes(net, l, bl, rng);
            for (int i = 0; i < bl.length; i++) {
                bl[i] = Math.abs(bl[i]) * Math.signum(w[i]);
            }
        }
    }

    @Override
    public void assign(FeedForwardNet net, Activity act, float[] y, Gradients out, SplittableRandom rng) {
        rebuild(net, rng);
        super.assign(net, act, y, out, rng);
    }

    @Override
    final float[] down(FeedForwardNet net, int l) {
        return b[l - 1];
    }

    /**
     * @return B_l as the last batch used it (or as built from the initial weights before any batch); the array the
     *     rule sends errors through, rewritten at every {@link #assign}
     */
    @Override
    public float[] feedback(int l) {
        return b[l - 1];
    }
}
