package org.plasticity.layered.credit;

import java.util.SplittableRandom;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Gradients;

/**
 * A credit-assignment rule for a layered network: given the forward pass of a batch and its targets, it writes a
 * descent direction for every weight and bias. Backprop writes the exact gradient of the batch-mean loss; the other
 * rules write their own signals in the same shape, so one optimiser and one set of diagnostics serve them all.
 */
public interface CreditRule {
    /** @return the rule's short name, as on the command line ({@code bp}, {@code fa}, ...): its {@link RuleType#id}. */
    String id();

    /**
     * The network's response to {@code batch} rows of {@code x} (row-major, from row {@code row0}), written into
     * {@code act}: what the network predicts, and the state {@link #assign} starts from. For most rules this is the
     * feed-forward pass; a rule whose network settles to a fixed point (equilibrium propagation) relaxes it here, so
     * that training, evaluation and diagnostics all see the network the rule trains.
     */
    default void respond(FeedForwardNet net, float[] x, int row0, int batch, Activity act) {
        net.forward(x, row0, batch, act);
    }

    /**
     * Writes directions for the batch whose forward pass is in {@code act} ({@code act.batch} rows) with one-hot
     * targets {@code y} ({@code batch x n_L}). Leaves the network unchanged; may run extra passes of its own and
     * draw from {@code rng}.
     */
    void assign(FeedForwardNet net, Activity act, float[] y, Gradients out, SplittableRandom rng);

    /**
     * Called after the optimiser moved the weights by {@code steps} (per layer, W_new - W_old), for rules that adapt
     * their own connections (learned feedback, recurrent inhibition) from the last {@link #assign} call.
     */
    default void afterStep(FeedForwardNet net, float[][] steps) { }

    /** @return whether {@link #afterStep} reads {@code steps}; the optimiser records them only then. */
    default boolean readsSteps() {
        return false;
    }

    /**
     * @return the feedback matrix that carries layer l's error down, shaped like W_l ({@code n_l x n_{l-1}}), for
     *     the W-versus-feedback angle; {@code null} where the rule has none (backprop uses W_l itself).
     */
    default float[] feedback(int l) {
        return null;
    }
}
