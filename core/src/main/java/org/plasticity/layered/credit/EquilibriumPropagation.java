package org.plasticity.layered.credit;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Gradients;
import org.plasticity.layered.network.Loss;
import org.plasticity.numeric.Blas;

/**
 * Equilibrium propagation (Scellier &amp; Bengio 2017, Front. Comput. Neurosci. 11:24; reference code
 * bscellier/Towards-a-Biologically-Plausible-Backprop, {@code model.py}) on a layered network x &rarr; s_1 &rarr; ...
 * &rarr; s_L whose connections are symmetric: layer l hears W_l &rho;(s_{l-1}) from below and W_{l+1}^T
 * &rho;(s_{l+1}) from above, with &rho;(s) = clip(s, 0, 1). Batch-major rows, one example's terms:
 * <pre>
 *   E(s) = &frac12; &Sigma;_l ||&rho;(s_l)||^2 - &Sigma;_l &rho;(s_l)^T W_l &rho;(s_{l-1}) - &Sigma;_l c_l^T &rho;(s_l)
 *   C(s) = ||s_L - y||^2,        F = E + &beta; C
 *   step:  s_l &larr; clip(s_l - &epsilon; dF/ds_l, 0, 1)
 *        = clip(s_l + &epsilon; (W_l s_{l-1} + c_l + W_{l+1}^T s_{l+1} - s_l - 2 &beta; [l = L] (s_L - y)), 0, 1)
 *   G_W_l = -(1/&beta;) [&rho;(s_l^&beta;)^T &rho;(s_{l-1}^&beta;) - &rho;(s_l^0)^T &rho;(s_{l-1}^0)] / batch
 *   G_c_l = -(1/&beta;) &Sigma;_rows [&rho;(s_l^&beta;) - &rho;(s_l^0)] / batch
 * </pre>
 * The states stay in [0, 1], where &rho;(s) = s and &rho;' = 1 (the reference code's clip gradient is 1 on the closed
 * interval), so a fixed point is s_l = clip(W_l s_{l-1} + c_l + W_{l+1}^T s_{l+1}): the feed-forward pass of
 * hard-sigmoid units is one when the top-down terms vanish. x enters as it is (the reference code's &rho;(x) is x for
 * pixels in [0, 1]). As &beta; &rarr; 0 with both phases at their fixed points, G_W tends to dC(s^0(W))/dW, the
 * gradient of the free fixed point's cost (the paper's Theorem 1).
 *
 * <p>{@link #respond} is the free phase (&beta; = 0) from the feed-forward pass, {@code free steps} steps; the
 * reference code instead starts each example from its own state after the previous epoch (persistent particles),
 * which a rule that never sees example indices cannot keep. {@link #assign} is the weakly clamped phase from the free
 * state, {@code nudged steps} steps, with the sign of &beta; drawn per batch (as the reference code does). The
 * differences &rho;(s^&beta;) - &rho;(s^0) are formed first, so a small &beta; is not lost to cancellation in float.
 * The cost is the reference code's, without a factor &frac12;, so that &beta;, &epsilon;, the step counts and the learning
 * rates mean what they mean there: C is twice the trainer's MSE loss of the output (&frac12; ||e_L - y||^2), and G_W
 * estimates twice backprop's gradient of it (the same direction).
 *
 * <p>Every unit must be hard-sigmoid and the loss MSE; anything else is refused at construction.
 */
public final class EquilibriumPropagation implements CreditRule {
    /** The nudging strength &beta; (its magnitude when the sign is random). */
    public static final RuleSetting BETA = RuleSetting.number("ep_beta", 0.5, "B",
            "Equilibrium propagation: nudging strength beta (default: 0.5).");
    /** Steps of the free phase. */
    public static final RuleSetting FREE_STEPS = RuleSetting.number("ep_free_steps", 40, "N",
            "Equilibrium propagation: free-phase steps from the feed-forward pass (default: 40).");
    /** Steps of the weakly clamped phase. */
    public static final RuleSetting NUDGED_STEPS = RuleSetting.number("ep_nudged_steps", 4, "N",
            "Equilibrium propagation: weakly clamped (nudged) steps from the free state (default: 4).");
    /** The step size &epsilon; of both phases. */
    public static final RuleSetting STEP = RuleSetting.number("ep_step", 0.5, "EPS",
            "Equilibrium propagation: step size epsilon of the relaxation (default: 0.5).");
    /** Random sign of &beta; per batch. */
    public static final RuleSetting RANDOM_SIGN = RuleSetting.flag("ep_random_sign", true,
            "Equilibrium propagation: draw the sign of beta per batch (default: on; --no-ep-random-sign: +beta).");
    /** Registry entry, with the network equilibrium propagation runs. */
    public static final RuleType TYPE = new RuleType("ep", List.of("equilibrium-propagation"),
            "equilibrium propagation (Scellier & Bengio 2017): free and nudged relaxation",
            List.of(BETA, FREE_STEPS, NUDGED_STEPS, STEP, RANDOM_SIGN),
            new RuleType.Recipe(0.5, 2000, 0.1, 0.05, new RuleType.Network(Activation.HARD_SIGMOID,
                    Activation.HARD_SIGMOID, Loss.MSE, 0.0, false, 10, 20)),
            (on, s) -> new EquilibriumPropagation(on.net(), on.capacity(), on.loss(), Params.of(s)));

    /**
     * Equilibrium propagation's settings.
     *
     * @param beta nudging strength, &gt; 0 (reference code: 0.5 for one hidden layer)
     * @param freeSteps steps of the free phase, &ge; 1
     * @param nudgedSteps steps of the weakly clamped phase, &ge; 1 (reference code: 4 for one hidden layer)
     * @param step step size &epsilon; in (0, 1] (reference code: 0.5)
     * @param randomSign draw the sign of &beta; per batch instead of always nudging towards the target
     */
    public record Params(double beta, int freeSteps, int nudgedSteps, double step, boolean randomSign) {
        /** @throws IllegalArgumentException naming the setting out of range */
        public Params {
            if (!(beta > 0) || !Double.isFinite(beta)) {
                throw new IllegalArgumentException("equilibrium propagation needs ep_beta > 0, got " + beta);
            }
            if (freeSteps < 1 || nudgedSteps < 1) {
                throw new IllegalArgumentException("equilibrium propagation needs ep_free_steps and ep_nudged_steps"
                        + " >= 1, got " + freeSteps + " and " + nudgedSteps);
            }
            if (!(step > 0 && step <= 1)) {
                throw new IllegalArgumentException("equilibrium propagation needs ep_step in (0, 1], got " + step);
            }
        }

        /** @return the values in {@code s}. */
        public static Params of(RuleSettings s) {
            return new Params(s.number(BETA.key()), steps(s, FREE_STEPS), steps(s, NUDGED_STEPS),
                    s.number(STEP.key()), s.flag(RANDOM_SIGN.key()));
        }

        private static int steps(RuleSettings s, RuleSetting key) {
            double v = s.number(key.key());
            if (v != Math.rint(v) || v < 1 || v > 1_000_000) {
                throw new IllegalArgumentException("equilibrium propagation needs " + key.key()
                        + " to be a whole number in 1..1000000, got " + v);
            }
            return (int) v;
        }
    }

    private final Params params;
    private final int[] sizes;
    private final int top;
    /** The weakly clamped states, {@code nudged[0]} the inputs (shared with the activity, never written). */
    private final float[][] nudged;
    /** Each layer's input from below and from above in one relaxation step. */
    private float[][] drive;
    /** W_1 x + c_1: the clamped input's drive of the first layer, the same in every step of a phase. */
    private float[] inputDrive;
    /** &rho;(s^&beta;) - &rho;(s^0) per layer. */
    private float[][] change;
    private int rows;

    /** @throws IllegalArgumentException when a layer is not hard-sigmoid or the loss is not MSE */
    public EquilibriumPropagation(FeedForwardNet net, int capacity, Loss loss, Params params) {
        if (!net.fullyConnected()) { // its energy couples whole layers through W_l and W_l^T, dense ones only here
            throw new IllegalArgumentException("equilibrium propagation runs fully connected networks only, without"
                    + " convolutional or pooled layers");
        }
        for (int l = 1; l <= net.layers(); l++) {
            if (net.activation(l) != Activation.HARD_SIGMOID) {
                throw new IllegalArgumentException("equilibrium propagation needs hard-sigmoid units in every layer"
                        + " (--activation hard-sigmoid --output-activation hard-sigmoid), layer " + l + " is "
                        + net.activation(l).id());
            }
        }
        if (loss != Loss.MSE) {
            throw new IllegalArgumentException("equilibrium propagation descends the squared error: it needs"
                    + " --loss mse, got " + loss.id());
        }
        this.params = params;
        sizes = net.sizes();
        top = net.layers();
        nudged = new float[top + 1][];
        allocate(capacity);
    }

    @Override
    public String id() {
        return TYPE.id();
    }

    /** @return the settings this rule runs with. */
    public Params params() {
        return params;
    }

    private void allocate(int capacity) {
        rows = capacity;
        drive = new float[top + 1][];
        change = new float[top + 1][];
        for (int l = 1; l <= top; l++) {
            drive[l] = new float[capacity * sizes[l]];
            change[l] = new float[capacity * sizes[l]];
            nudged[l] = new float[capacity * sizes[l]];
        }
        inputDrive = new float[capacity * sizes[1]];
    }

    /**
     * The free phase: the feed-forward pass of the hard-sigmoid network, then {@code freeSteps} steps on E with x
     * clamped. Writes the states s_l into {@code act.a[l]} and &rho;(s_l) (equal to them) into {@code act.e[l]}.
     */
    @Override
    public void respond(FeedForwardNet net, float[] x, int row0, int batch, Activity act) {
        net.forward(x, row0, batch, act);
        relax(net, act.e, null, 0f, params.freeSteps(), batch);
        for (int l = 1; l <= top; l++) {
            System.arraycopy(act.e[l], 0, act.a[l], 0, batch * sizes[l]);
        }
    }

    /** The weakly clamped phase from the free state in {@code act}, with &beta;'s sign drawn from {@code rng}. */
    @Override
    public void assign(FeedForwardNet net, Activity act, float[] y, Gradients out, SplittableRandom rng) {
        double beta = params.beta();
        if (params.randomSign() && rng.nextBoolean()) {
            beta = -beta;
        }
        nudge(net, act, y, out, beta);
    }

    /**
     * Writes the directions of the weakly clamped phase with the signed strength {@code beta}, from the free state
     * in {@code act}; tests average {@code +beta} and {@code -beta} (symmetric nudging) through it.
     */
    void nudge(FeedForwardNet net, Activity act, float[] y, Gradients out, double beta) {
        int b = act.batch;
        if (b > rows) {
            allocate(b);
        }
        nudged[0] = act.e[0];
        for (int l = 1; l <= top; l++) {
            System.arraycopy(act.e[l], 0, nudged[l], 0, b * sizes[l]);
        }
        relax(net, nudged, y, (float) beta, params.nudgedSteps(), b);
        float scale = (float) (-1.0 / (beta * b));
        for (int l = 1; l <= top; l++) {
            int n = sizes[l];
            float[] d = change[l];
            float[] s = nudged[l];
            float[] free = act.e[l];
            for (int i = 0; i < b * n; i++) {
                d[i] = s[i] - free[i];
            }
            // rho_l^b' rho_{l-1}^b - rho_l^0' rho_{l-1}^0 = d_l' rho_{l-1}^b + rho_l^0' d_{l-1}, with d_0 = 0
            Blas.gemmTN(n, sizes[l - 1], b, scale, d, nudged[l - 1], 0f, out.weights[l - 1]);
            if (l > 1) {
                Blas.gemmTN(n, sizes[l - 1], b, scale, free, change[l - 1], 1f, out.weights[l - 1]);
            }
            float[] c = out.biases[l - 1];
            Arrays.fill(c, 0f);
            for (int r = 0; r < b; r++) {
                for (int j = 0; j < n; j++) {
                    c[j] += d[r * n + j];
                }
            }
            for (int j = 0; j < n; j++) {
                c[j] *= scale;
            }
        }
    }

    /**
     * {@code steps} synchronous projected steps on F = E + beta C of the states {@code s[1..L]} (in [0, 1] on entry),
     * with {@code s[0]} clamped; {@code y} is read only when {@code beta != 0}.
     */
    private void relax(FeedForwardNet net, float[][] s, float[] y, float beta, int steps, int b) {
        if (b > rows) {
            allocate(b);
        }
        float eps = (float) params.step();
        net.layer(1).connection().forward(s[0], net.weights[0], net.biases[0], inputDrive, b, null, null);
        for (int t = 0; t < steps; t++) {
            for (int l = 1; l <= top; l++) {
                int n = sizes[l];
                float[] h = drive[l];
                if (l == 1) {
                    System.arraycopy(inputDrive, 0, h, 0, b * n);
                } else { // W_l rho(s_{l-1}) + c_l: the layer's feed-forward product (dense: no work areas)
                    net.layer(l).connection().forward(s[l - 1], net.weights[l - 1], net.biases[l - 1], h, b, null,
                            null);
                }
                if (l < top) {
                    Blas.gemm(b, n, sizes[l + 1], 1f, s[l + 1], net.weights[l], 1f, h);
                }
            }
            for (int l = 1; l <= top; l++) {
                float[] h = drive[l];
                float[] state = s[l];
                boolean output = l == top && beta != 0f;
                for (int i = 0; i < b * sizes[l]; i++) {
                    float force = h[i] - state[i];
                    if (output) {
                        force -= 2 * beta * (state[i] - y[i]);
                    }
                    state[i] = Math.min(Math.max(state[i] + eps * force, 0f), 1f);
                }
            }
        }
    }
}
