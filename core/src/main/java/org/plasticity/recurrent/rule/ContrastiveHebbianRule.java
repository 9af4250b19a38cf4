package org.plasticity.recurrent.rule;

import org.plasticity.recurrent.fluctuations.Moments;

/**
 * Contrastive Hebbian learning in the style of equilibrium propagation (Scellier &amp; Bengio, Front. Comput.
 * Neurosci. 11:24, 2017; docs/model.md#contrastive-hebbian): Hebbian in a target-nudged phase, anti-Hebbian in the
 * free phase,
 * <pre>
 *   F = (x_nudged x_nudged^T - x_free x_free^T) / lambda,     &lt;F&gt; = (&lt;x x^T&gt;_nudged - &lt;x x^T&gt;_free) / lambda
 * </pre>
 * The free phase is the network with its input on. The nudged phase is a copy with the same J, input and noise and the
 * extra field {@code lambda (xi - x)} inside the gain, a current pulling every unit towards its target:
 * <pre>
 *   dx = (1/tau) [-x + phi(beta (J x + gamma eta + lambda (xi - x)))] dt + sigma dW
 * </pre>
 * that is, the network with coupling {@code J - lambda I} and input {@code gamma eta + lambda xi}. Dividing by lambda
 * keeps F of order one as lambda goes to 0, where, for the linearised network, {@code <F>} is minus the gradient of the
 * expected squared error {@code <|xi - x|^2>} with respect to a symmetric J; F is symmetric, so J stays symmetric, which
 * is what the relation between the two phases needs. {@link #post} and {@link #meanUpdate(double[], Moments)} are the
 * free phase's term, {@code -x x^T / lambda}.
 */
public final class ContrastiveHebbianRule implements LearningRule {
    /** lambda of the registered rule: half the default input strength. */
    public static final double NUDGE = 0.05;

    private final double lambda;

    /** The registered rule, lambda = {@link #NUDGE}. */
    public ContrastiveHebbianRule() {
        this(NUDGE);
    }

    /** @param lambda the nudge strength, &gt; 0 */
    public ContrastiveHebbianRule(double lambda) {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("nudge strength must be positive, got " + lambda);
        }
        this.lambda = lambda;
    }

    @Override
    public String name() {
        return "contrastive-hebbian";
    }

    @Override
    public String description() {
        return "Hebbian in a target-nudged phase minus Hebbian in the free phase (equilibrium-propagation style)";
    }

    @Override
    public double nudge() {
        return lambda;
    }

    /** The free phase's factor, {@code -x / lambda}. */
    @Override
    public void post(double[] xi, double[] x, int xOff, double[] out) {
        for (int i = 0; i < xi.length; i++) {
            out[i] = -x[xOff + i] / lambda;
        }
    }

    /** The free phase's term, {@code -<x x^T>_free / lambda}. */
    @Override
    public double[] meanUpdate(double[] xi, Moments evoked) {
        double[] second = evoked.secondMoment();
        double[] f = new double[second.length];
        for (int k = 0; k < f.length; k++) {
            f[k] = -second[k] / lambda;
        }
        return f;
    }

    @Override
    public double[] meanUpdate(double[] xi, Moments free, Moments nudged) {
        if (nudged == null) {
            throw new IllegalArgumentException("contrastive-hebbian needs the nudged phase's moments");
        }
        double[] a = nudged.secondMoment();
        double[] b = free.secondMoment();
        double[] f = new double[a.length];
        for (int k = 0; k < f.length; k++) {
            f[k] = (a[k] - b[k]) / lambda;
        }
        return f;
    }

    @Override
    public Learner learner(double[] xi, LearnerContext context) {
        double w = 1 / lambda;
        return (x, nudged, noise, emit, update) -> {
            if (emit) {
                update.rankOne(w, nudged, nudged);
                update.rankOne(-w, x, x);
            }
        };
    }
}
