package org.plasticity.layered.credit;

import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Gradients;
import org.plasticity.layered.network.Loss;
import org.plasticity.numeric.Blas;

/**
 * Segregated dendrites (Guerguiev, Lillicrap &amp; Richards 2017, eLife 6:e22901; reference code
 * jordan-g/Segregated-Dendrite-Deep-Learning), in the long-phase (steady-state) limit of its non-spiking mode. The
 * apical compartment is segregated (g_A = 0), so somatic rates are set by basal input alone; k_B and &lambda;_max are
 * folded into the forward weights, so a rate is e_l = &sigma;(a_l). Feedback is the paper's default "broadcast": every
 * hidden layer l sees the output rates through its own fixed Y_l ({@code n_l x n_L}, N(0, feedbackStd^2), drawn
 * Y_1..Y_{L-1} from the constructor's stream). Batch-major rows, {@code .} elementwise.
 *
 * <pre>
 *   forward phase:  e_L^f = e_L,                         &alpha;_l^f = &sigma;(e_L^f Y_l^T)
 *   target phase:   e_L^t = e_L^f + nudge (y - e_L^f),   &alpha;_l^t = &sigma;(e_L^t Y_l^T)
 *   output:  delta_L = -(e_L^t - e_L^f) . &sigma;'(a_L) / batch     (softmax output: without &sigma;')
 *   hidden:  delta_l = -(&alpha;_l^t - &alpha;_l^f) . &sigma;'(a_l) / batch,     G_l = delta_l^T e_{l-1}
 * </pre>
 * These are the paper's error terms E^1 and E^0 of its weight updates (Methods), with the P factors folded into the
 * learning rate; the plateau potentials &alpha; are the apical averages of each phase. Because g_A = 0 the target
 * phase leaves the hidden somatic rates unchanged, so only the plateaus differ. For sigmoid + MSE (and softmax +
 * cross-entropy) the output direction is nudge times backprop's; a hidden layer receives, to first order in the teacher,
 * -nudge &sigma;'(A^f) . ((y - e_L) Y_l^T) . &sigma;'(a_l) / batch: direct feedback of the output error (without the
 * output's &sigma;'), gated by the plateau's slope.
 *
 * <p>Needs sigmoid hidden units (rates in (0, 1)) and either a sigmoid output with MSE (the output update is the nudge
 * toward the target, i.e. the squared-error gradient) or a softmax output with cross-entropy, where the same nudge
 * e_L^t - e_L^f = nudge (y - e_L) is nudge times the cross-entropy gradient (an extension for comparing rules on one
 * network; the paper's output units are sigmoid).
 *
 * <p>{@link #feedback} returns {@code null} for every layer: Y_l is {@code n_l x n_L}, not shaped like a forward
 * matrix, so the W-versus-feedback angle does not apply.
 */
public final class SegregatedDendrites implements CreditRule {
    /** How far the target phase moves the output rates toward the target. */
    public static final RuleSetting NUDGE = RuleSetting.number("nudge", 1.0, "NU",
            "Segregated dendrites: target-phase nudge (default: 1.0).");
    /** Registry entry. */
    public static final RuleType TYPE = new RuleType("segdend", List.of("segregated-dendrites"),
            "segregated dendrites (Guerguiev et al. 2017), steady-state rates",
            List.of(NUDGE, Burstprop.FEEDBACK_STD), RuleType.Recipe.STANDARD,
            (on, s) -> new SegregatedDendrites(on.net(), on.capacity(), on.loss(), Params.of(s), on.rng()));

    /**
     * Segregated dendrites' settings.
     *
     * @param nudge how far the target phase moves the output rates toward the target (1 = all the way)
     * @param feedbackStd standard deviation of the random feedback weights Y
     */
    public record Params(double nudge, double feedbackStd) {
        /** @return the reference code's defaults (Guerguiev et al. 2017). */
        public static Params defaults() {
            return of(RuleSettings.defaults());
        }

        /** @return the values in {@code s}. */
        public static Params of(RuleSettings s) {
            return new Params(s.number(NUDGE.key()), s.number(Burstprop.FEEDBACK_STD.key()));
        }
    }

    private final int capacity;
    private final double nudge;
    /** y[l] = Y_l, {@code n_l x n_L}, hidden layers l = 1..L-1. */
    private final float[][] y;
    /** e_L^t - e_L^f, kept as a difference so a small nudge is not lost to cancellation in float. */
    private final float[] de;
    private final float[] apical;
    private final float[] dApical;
    private final float[] delta;

    public SegregatedDendrites(FeedForwardNet net, int capacity, Loss loss, Params params, SplittableRandom rng) {
        int top = net.layers();
        for (int l = 1; l < top; l++) {
            if (net.activation(l) != Activation.SIGMOID) {
                throw new IllegalArgumentException("segregated dendrites need sigmoid hidden units, got "
                        + net.activation(l).id() + " in layer " + l);
            }
        }
        boolean sigmoidMse = net.activation(top) == Activation.SIGMOID && loss == Loss.MSE;
        boolean softmaxCe = net.activation(top) == Activation.SOFTMAX && loss == Loss.CROSS_ENTROPY;
        if (!sigmoidMse && !softmaxCe) {
            throw new IllegalArgumentException("segregated dendrites need a sigmoid output with mse or a softmax "
                    + "output with cross-entropy, got " + net.activation(top).id() + " with " + loss.id());
        }
        this.capacity = capacity;
        this.nudge = params.nudge();
        int nTop = net.size(top);
        y = new float[top][];
        int widest = nTop;
        int widestHidden = 0;
        double std = params.feedbackStd();
        for (int l = 1; l < top; l++) {
            int n = net.size(l);
            widest = Math.max(widest, n);
            widestHidden = Math.max(widestHidden, n);
            y[l] = new float[n * nTop];
            for (int i = 0; i < y[l].length; i++) {
                y[l][i] = (float) (std * rng.nextGaussian());
            }
        }
        de = new float[capacity * nTop];
        apical = new float[capacity * widestHidden];
        dApical = new float[capacity * widestHidden];
        delta = new float[capacity * widest];
    }

    @Override
    public String id() {
        return TYPE.id();
    }

    @Override
    public void assign(FeedForwardNet net, Activity act, float[] target, Gradients out, SplittableRandom rng) {
        int batch = act.batch;
        if (batch > capacity) {
            throw new IllegalArgumentException("batch " + batch + " exceeds the rule's capacity " + capacity);
        }
        int top = net.layers();
        int k = net.size(top);
        float[] eTop = act.e[top];
        float scale = -1f / batch;
        for (int i = 0; i < batch * k; i++) {
            de[i] = (float) (nudge * ((double) target[i] - eTop[i]));
            delta[i] = de[i] * scale;
        }
        if (net.activation(top) != Activation.SOFTMAX) { // softmax + cross-entropy: the nudge is the gradient
            net.activation(top).multiplyByDerivative(delta, act.a[top], eTop, batch * k);
        }
        net.gradient(top, delta, act, out);

        for (int l = top - 1; l >= 1; l--) {
            int n = net.size(l);
            int m = batch * n;
            // A^f = e_L^f Y_l^T and A^t - A^f = (e_L^t - e_L^f) Y_l^T
            Blas.gemmNT(batch, n, k, 1f, eTop, y[l], 0f, apical);
            Blas.gemmNT(batch, n, k, 1f, de, y[l], 0f, dApical);
            for (int i = 0; i < m; i++) {
                double af = 1.0 / (1.0 + Math.exp(-apical[i]));
                double at = 1.0 / (1.0 + Math.exp(-((double) apical[i] + dApical[i])));
                delta[i] = (float) ((at - af) * scale);
            }
            net.activation(l).multiplyByDerivative(delta, act.a[l], act.e[l], m);
            net.gradient(l, delta, act, out);
        }
    }

    /** @return Y_l ({@code n_l x n_L}, the live matrix), hidden layer l; for tests. */
    float[] broadcast(int l) {
        return y[l];
    }
}
