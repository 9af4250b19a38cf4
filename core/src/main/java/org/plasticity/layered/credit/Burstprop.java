package org.plasticity.layered.credit;

import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Gradients;
import org.plasticity.layered.network.Loss;
import org.plasticity.numeric.Blas;
import org.plasticity.numeric.Elementwise;

/**
 * Burst-dependent plasticity, the discrete-time ensemble (rate) form of Payeur, Guerguiev, Zenke, Richards &amp; Naud
 * 2021 (Nat. Neurosci. 24:1010; reference code jordan-g/Burstprop, {@code layers.py}). Each unit is an ensemble with
 * an event rate e_l = &sigma;(a_l) (its somatic, feed-forward activity) and a burst probability p_l set by its apical
 * dendrite; the burst rate b_l = p_l . e_l is what travels down. A learning step compares a burst probability with a
 * teacher (p^t, b^t) to one without (p, b). Batch-major rows, {@code .} elementwise, p&#772; the baseline.
 *
 * <p>Output layer L, with g = batch &middot; dL/da_L the per-example output gradient:
 * <pre>
 *   p_L = p&#772;,   p_L^t = p&#772; (1 - g / e_L),   b_L = p_L . e_L,   b_L^t = p_L^t . e_L
 * </pre>
 * For a sigmoid output and MSE, 1 - g/e = 1 + (1 - e)(y - e): the paper's p&#772;(1 + h(e)(y - e)), within
 * [0, 2p&#772;]. For a softmax output with cross-entropy, p_L^t = p&#772; y/e can exceed 1; it is not clipped, which is
 * the small-teacher limit (&kappa; &rarr; 0) of the paper's ImageNet variant, where the teacher is scaled by &kappa; to
 * keep p below 1 and the resulting update by 1/&kappa;. Clipping instead would turn the output update away from the
 * gradient (measured: 51 degrees at initialisation on Fashion-MNIST).
 *
 * <p>Hidden layer l = L-1..1, apical input through a feedback matrix Y_{l+1} shaped like W_{l+1}, h(e) = 1 - e:
 * <pre>
 *   v = b_{l+1} Y_{l+1},   v^t = b_{l+1}^t Y_{l+1}
 *   without recurrence:  u = v . h(e_l),                       u^t = v^t . h(e_l)
 *   with recurrence:     b&#771;_l = &sigma;(v) . e_l,
 *                        u = v . h(e_l) - b&#771;_l Z_l^T,   u^t = v^t . h(e_l) - b&#771;_l Z_l^T
 *   p_l = &sigma;(u),   p_l^t = &sigma;(u^t),   b_l = p_l . e_l,   b_l^t = p_l^t . e_l
 * </pre>
 * Directions, every layer: delta_l = -(b_l^t - b_l) / batch, G_l = delta_l^T e_{l-1} (the reference code's
 * {@code -(b_t - b)}, with the batch mean of this package). At the output this is p&#772; times backprop's gradient
 * exactly; one layer down, with Y = W and u near 0, it is about p&#772; &sigma;'(0) = p&#772;/4
 * times backprop's, and each further layer contributes another factor of about 1/4.
 *
 * <p>{@link #afterStep}: the recurrent inhibition Z_l (n_l x n_l, U(-0.01, 0.01) at construction) descends
 * &frac12;||u||^2, Z_l += &eta;_Z u^T b&#771;_l summed over the batch, which drives the apical potential without a
 * teacher towards 0 (where &sigma;' is largest, p = 1/2). With {@code learnFeedback}, Y_{l+1} receives the
 * step W_{l+1} received (Kolen-Pollack-style symmetric learning, the paper's learned feedback). Y is drawn
 * N(0, feedbackStd^2), Y_2..Y_L in that order, then Z_1..Z_{L-1}, from the constructor's stream.
 *
 * <p>Hidden units must be sigmoid (the event rate is a probability-like rate and h(e) = 1 - e assumes e in (0, 1));
 * the output must be positive (sigmoid or softmax) for p_L^t = p&#772;(1 - g/e) to make sense.
 */
public final class Burstprop implements CreditRule {
    /** Baseline burst probability p&#772;. */
    public static final RuleSetting BASELINE = RuleSetting.number("burst_baseline", 0.2, "P",
            "Burstprop baseline burst probability (default: 0.2).");
    /** Standard deviation of the feedback weights Y, shared with segregated dendrites. */
    public static final RuleSetting FEEDBACK_STD = RuleSetting.number("feedback_std", 1.0, "S",
            "Std of burstprop/segdend feedback Y (default: 1.0).");
    /** Y receives W's steps. */
    public static final RuleSetting LEARN_FEEDBACK = RuleSetting.flag("learn_feedback", false,
            "Burstprop: Y takes W's steps (Kolen-Pollack) (default: off, Y fixed).");
    /** Recurrent inhibition Z in the hidden layers. */
    public static final RuleSetting RECURRENT = RuleSetting.flag("recurrent", true,
            "Burstprop: recurrent dendrite-targeting inhibition Z (default: on; --no-recurrent: without Z).");
    /** Learning rate of Z. */
    public static final RuleSetting RECURRENT_LR = RuleSetting.number("recurrent_lr", 1e-4, "RATE",
            "Burstprop: plain SGD rate of the inhibition Z (default: 1e-4).");
    /** Registry entry: a direction about p&#772; times backprop's at the output needs larger rates. */
    public static final RuleType TYPE = new RuleType("burstprop", List.of("burst"),
            "burst-dependent plasticity (Payeur et al. 2021), rate form",
            List.of(BASELINE, FEEDBACK_STD, LEARN_FEEDBACK, RECURRENT, RECURRENT_LR),
            new RuleType.Recipe(4.0, 2000, 0.1, 0.25),
            (on, s) -> new Burstprop(on.net(), on.capacity(), on.loss(), Params.of(s), on.rng()));

    /**
     * Burstprop's settings.
     *
     * @param baseline the baseline burst probability p&#772; (reference code: 0.2)
     * @param feedbackStd standard deviation of the random feedback weights Y
     * @param learnFeedback Y receives the same steps as W (Kolen-Pollack style) instead of staying fixed
     * @param recurrent recurrent dendrite-targeting inhibition Z in the hidden layers
     * @param recurrentLr plain SGD rate of Z (reference code: 1e-4)
     */
    public record Params(double baseline, double feedbackStd, boolean learnFeedback, boolean recurrent,
                         double recurrentLr) {
        /** @return the reference code's defaults (Payeur et al. 2021 MNIST scripts). */
        public static Params defaults() {
            return of(RuleSettings.defaults());
        }

        /** @return the values in {@code s}. */
        public static Params of(RuleSettings s) {
            return new Params(s.number(BASELINE.key()), s.number(FEEDBACK_STD.key()), s.flag(LEARN_FEEDBACK.key()),
                    s.flag(RECURRENT.key()), s.number(RECURRENT_LR.key()));
        }
    }

    private final Loss loss;
    private final int capacity;
    private final double pBar;
    private final boolean recurrent;
    private final boolean learnFeedback;
    private final float recurrentLr;
    /** y[k] = Y_{k+1}, shaped like {@code net.weights[k]}; y[0] unused (no feedback below the first layer). */
    private final float[][] y;
    /** z[l] = Z_l, {@code n_l x n_l}, hidden layers l = 1..L-1. */
    private final float[][] z;
    /** b[l], {@code capacity x n_l}: burst rate without teacher. */
    private final float[][] b;
    /** db[l] = b_l^t - b_l, kept instead of b^t so a small teacher signal is not lost to cancellation in float. */
    private final float[][] db;
    /** u[l], b&#771;[l]: the last batch's apical potential and burst pre-estimate, for the Z update. */
    private final float[][] u;
    private final float[][] bPre;
    private final float[] v;
    private final float[] dv;
    private final float[] inhibition;
    /** (u^t - u), u^t, and tanh of half of u, u^t and u^t - u: the sigmoids and their difference. */
    private final float[] du;
    private final float[] ut;
    private final float[] tu;
    private final float[] tut;
    private final float[] tdu;
    private final float[] delta;
    private int lastBatch;

    public Burstprop(FeedForwardNet net, int capacity, Loss loss, Params params, SplittableRandom rng) {
        int top = net.layers();
        for (int l = 1; l < top; l++) {
            if (net.activation(l) != Activation.SIGMOID) {
                throw new IllegalArgumentException("burstprop needs sigmoid hidden units, got "
                        + net.activation(l).id() + " in layer " + l);
            }
        }
        Activation outF = net.activation(top);
        if (outF != Activation.SIGMOID && outF != Activation.SOFTMAX) {
            throw new IllegalArgumentException("burstprop needs a positive output (sigmoid or softmax), got "
                    + outF.id());
        }
        double pb = params.baseline();
        if (!(pb > 0 && pb <= 1)) {
            throw new IllegalArgumentException("burstprop needs a baseline burst probability in (0, 1], got " + pb);
        }
        this.loss = loss;
        this.capacity = capacity;
        this.pBar = pb;
        this.recurrent = params.recurrent();
        this.learnFeedback = params.learnFeedback();
        this.recurrentLr = (float) params.recurrentLr();
        y = new float[top][];
        z = new float[top][];
        b = new float[top + 1][];
        db = new float[top + 1][];
        u = new float[top][];
        bPre = new float[top][];
        int widest = 0;
        int widestHidden = 0;
        for (int l = 1; l <= top; l++) {
            int n = net.size(l);
            widest = Math.max(widest, n);
            b[l] = new float[capacity * n];
            db[l] = new float[capacity * n];
            if (l < top) {
                widestHidden = Math.max(widestHidden, n);
                u[l] = new float[capacity * n];
                bPre[l] = new float[capacity * n];
            }
        }
        double std = params.feedbackStd();
        for (int k = 1; k < top; k++) {
            y[k] = new float[net.weights[k].length];
            for (int i = 0; i < y[k].length; i++) {
                y[k][i] = (float) (std * rng.nextGaussian());
            }
        }
        if (recurrent) {
            for (int l = 1; l < top; l++) {
                if (net.layer(l).convolutional()) {
                    continue; // Payeur et al.'s convolutional layers have no recurrent inhibition
                }
                z[l] = new float[net.size(l) * net.size(l)];
                for (int i = 0; i < z[l].length; i++) {
                    z[l][i] = (float) rng.nextDouble(-0.01, 0.01);
                }
            }
        }
        v = new float[capacity * widestHidden];
        dv = new float[capacity * widestHidden];
        inhibition = new float[capacity * widestHidden];
        du = new float[capacity * widestHidden];
        ut = new float[capacity * widestHidden];
        tu = new float[capacity * widestHidden];
        tut = new float[capacity * widestHidden];
        tdu = new float[capacity * widestHidden];
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
        int n = batch * k;
        float[] e = act.e[top];
        float[] bTop = b[top];
        float[] dbTop = db[top];
        // g: the batch-mean gradient, scaled back to per example below
        loss.outputGradient(net.activation(top), act.a[top], e, target, delta, batch, k);
        for (int i = 0; i < n; i++) {
            // b^t - b = (p^t - p-bar) e = -p-bar g, with g the per-example gradient
            bTop[i] = (float) (pBar * e[i]);
            dbTop[i] = (float) (-pBar * batch * (double) delta[i]);
        }
        setDirection(net, top, batch, k, act, out);

        for (int l = top - 1; l >= 1; l--) {
            int nl = net.size(l);
            int m = batch * nl;
            float[] el = act.e[l];
            float[] ul = u[l];
            // v = b_{l+1} Y_{l+1} and v^t - v = (b^t_{l+1} - b_{l+1}) Y_{l+1}
            net.propagate(l + 1, b[l + 1], y[l], act, v);
            net.propagate(l + 1, db[l + 1], y[l], act, dv);
            boolean inhibited = z[l] != null;
            if (inhibited) {
                float[] pre = bPre[l];
                Elementwise.sigmoid(v, pre, m);
                for (int i = 0; i < m; i++) {
                    pre[i] *= el[i]; // pre-estimate: no h(e), as in the reference backward_pre
                }
                Blas.gemmNT(batch, nl, nl, 1f, pre, z[l], 0f, inhibition);
            }
            for (int i = 0; i < m; i++) {
                float h = 1f - el[i];
                ul[i] = v[i] * h - (inhibited ? inhibition[i] : 0f);
                du[i] = dv[i] * h; // u^t = u + (v^t - v) h: the Z term cancels
                ut[i] = ul[i] + du[i];
            }
            // sigma(x) = (1 + tanh(x/2)) / 2, and sigma(a) - sigma(b) = tanh((a-b)/2) (1 - tanh(a/2) tanh(b/2)) / 2:
            // the teacher's effect stays accurate in float however small u^t - u is
            Elementwise.tanhHalf(ul, tu, m);
            Elementwise.tanhHalf(ut, tut, m);
            Elementwise.tanhHalf(du, tdu, m);
            float[] dbl = db[l];
            for (int i = 0; i < m; i++) {
                dbl[i] = 0.5f * tdu[i] * (1f - tu[i] * tut[i]) * el[i];
            }
            if (l > 1) { // b_l feeds the apical input of layer l - 1; the bottom hidden layer has none below it
                float[] bl = b[l];
                for (int i = 0; i < m; i++) {
                    bl[i] = (0.5f + 0.5f * tu[i]) * el[i];
                }
            }
            setDirection(net, l, batch, nl, act, out);
        }
        lastBatch = batch;
    }

    /** delta_l = -(b_l^t - b_l) / batch, G_l = delta_l^T e_{l-1}. */
    private void setDirection(FeedForwardNet net, int l, int batch, int n, Activity act, Gradients out) {
        float[] d = db[l];
        float scale = -1f / batch;
        for (int i = 0; i < batch * n; i++) {
            delta[i] = d[i] * scale;
        }
        net.gradient(l, delta, act, out);
    }

    @Override
    public boolean readsSteps() {
        return learnFeedback;
    }

    @Override
    public void afterStep(FeedForwardNet net, float[][] steps) {
        int top = net.layers();
        if (recurrent && lastBatch > 0) {
            for (int l = 1; l < top; l++) {
                if (z[l] == null) {
                    continue;
                }
                int nl = net.size(l);
                // Z += eta_Z u^T b~ : gradient descent on 1/2 ||u||^2 (u depends on Z through -b~ Z^T)
                Blas.gemmTN(nl, nl, lastBatch, recurrentLr, u[l], bPre[l], 1f, z[l]);
            }
        }
        if (learnFeedback) {
            for (int k = 1; k < top; k++) {
                float[] s = steps[k];
                float[] f = y[k];
                for (int i = 0; i < f.length; i++) {
                    f[i] += s[i];
                }
            }
        }
    }

    /** @return Y_l (shaped like W_l, the live matrix) for l &ge; 2; {@code null} for l = 1. */
    @Override
    public float[] feedback(int l) {
        return l >= 2 ? y[l - 1] : null;
    }

    /** @return the mean |u_l| over the last batch's apical potentials (no teacher), hidden layer l. */
    double meanAbsApical(int l) {
        double s = 0;
        int m = lastBatch * (u[l].length / capacity);
        for (int i = 0; i < m; i++) {
            s += Math.abs(u[l][i]);
        }
        return m == 0 ? 0 : s / m;
    }
}
