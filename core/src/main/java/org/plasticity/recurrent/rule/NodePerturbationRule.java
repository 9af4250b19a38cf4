package org.plasticity.recurrent.rule;

import java.util.Arrays;
import org.plasticity.recurrent.fluctuations.Moments;

/**
 * Node perturbation, a reward-modulated three-factor Hebbian rule (Fiete &amp; Seung, Phys. Rev. Lett. 97:048104,
 * 2006; Miconi, eLife 6:e20899, 2017; docs/model.md#node-perturbation). The perturbation of each unit is its own noise
 * {@code sigma dW_i}, which the rule remembers in an eligibility trace; the reward is the overlap with the target; a
 * running average of the reward is the baseline. Per Euler step k (z_k the step's standard normal draws):
 * <pre>
 *   e_(k+1)    = a e_k + (1 - a) z_k                            a = exp(-dt / tau_e)   perturbation trace
 *   R_(k+1)    = xi . x_(k+1) / N                                                       reward
 *   F_(k+1)    = c (R_(k+1) - Rbar_k) e_(k+1) x_(k+1)^T                                 update
 *   Rbar_(k+1) = b Rbar_k + (1 - b) R_(k+1)                     b = exp(-dt / tau_r)   baseline
 *   c          = N beta a h (1 - a b) / (s (1 - a)^2),          h = dt / tau,  s = sigma sqrt(dt)
 * </pre>
 * The normalisation c makes the mean update of the linearised network, in which the step is
 * {@code x <- (I - h A) x + h beta gamma eta + s z} with {@code A = I - beta J}, exactly
 * <pre>
 *   &lt;F&gt; = beta (A + r I)^-1 xi xbar_eta^T,      r = (1 - a) / (a h)  (about tau / tau_e)
 * </pre>
 * which tends to {@code beta A^-1 xi xbar^T = kappa C xi xbar^T = N dm/dJ}, the gradient of the stationary overlap, as
 * the trace grows long. In the tanh network {@code <F>} has no closed form and is estimated by simulation
 * ({@link #analyticMean()} is false). No update is a function of the current state alone, so {@link #post} and
 * {@link #meanUpdate(double[], Moments)} are zero. Because the perturbation is the network's own noise, the network
 * that learns is the one whose covariance FLR1 uses.
 */
public final class NodePerturbationRule implements LearningRule {
    /** tau_e of the registered rule, in units of the neural time constant. */
    public static final double TRACE = 10;
    /** tau_r of the registered rule, in units of the neural time constant. */
    public static final double BASELINE = 50;

    private final double trace;
    private final double baseline;

    /** The registered rule: tau_e = {@link #TRACE} tau, tau_r = {@link #BASELINE} tau. */
    public NodePerturbationRule() {
        this(TRACE, BASELINE);
    }

    /** @param trace tau_e and {@code baseline} tau_r, in units of the neural time constant, both &gt; 0 */
    public NodePerturbationRule(double trace, double baseline) {
        if (!(trace > 0) || !(baseline > 0) || !Double.isFinite(trace) || !Double.isFinite(baseline)) {
            throw new IllegalArgumentException("time constants must be positive, got " + trace + ", " + baseline);
        }
        this.trace = trace;
        this.baseline = baseline;
    }

    @Override
    public String name() {
        return "node-perturbation";
    }

    @Override
    public String description() {
        return "reward (overlap) minus its running average, times the unit's noise trace, times presynaptic activity";
    }

    @Override
    public void post(double[] xi, double[] x, int xOff, double[] out) {
        Arrays.fill(out, 0, xi.length, 0.0);
    }

    @Override
    public double[] meanUpdate(double[] xi, Moments evoked) {
        return new double[xi.length * xi.length];
    }

    @Override
    public boolean analyticMean() {
        return false;
    }

    /** @return {@code a = exp(-dt / tau_e)}, the trace's decay per step. */
    public double traceDecay(LearnerContext ctx) {
        return Math.exp(-ctx.dt() / (trace * ctx.tau()));
    }

    /** @return {@code b = exp(-dt / tau_r)}, the baseline's decay per step. */
    public double baselineDecay(LearnerContext ctx) {
        return Math.exp(-ctx.dt() / (baseline * ctx.tau()));
    }

    /** @return r of the linear mean update {@code beta (A + r I)^-1 xi xbar^T}, {@code (1 - a) / (a h)}. */
    public double shift(LearnerContext ctx) {
        double a = traceDecay(ctx);
        return (1 - a) / (a * ctx.dt() / ctx.tau());
    }

    /** @return c, the normalisation of the update (see the class comment). */
    public double gain(LearnerContext ctx) {
        double a = traceDecay(ctx);
        double b = baselineDecay(ctx);
        double h = ctx.dt() / ctx.tau();
        double s = ctx.sigma() * Math.sqrt(ctx.dt());
        return ctx.n() * ctx.beta() * a * h * (1 - a * b) / (s * (1 - a) * (1 - a));
    }

    @Override
    public Learner learner(double[] xi, LearnerContext context) {
        int n = context.n();
        double a = traceDecay(context);
        double b = baselineDecay(context);
        double c = gain(context);
        double[] e = new double[n];
        double[] f = new double[n];
        // The baseline starts at the first reward the learner sees; its caller starts it once activity has relaxed.
        double[] rbar = {Double.NaN};
        return (x, nudged, noise, emit, update) -> {
            double r = 0;
            for (int i = 0; i < n; i++) {
                e[i] = a * e[i] + (1 - a) * noise[i];
                r += xi[i] * x[i];
            }
            r /= n;
            if (Double.isNaN(rbar[0])) {
                rbar[0] = r;
            }
            if (emit) {
                double w = c * (r - rbar[0]);
                for (int i = 0; i < n; i++) {
                    f[i] = w * e[i];
                }
                update.rankOne(1.0, f, x);
            }
            rbar[0] = b * rbar[0] + (1 - b) * r;
        };
    }
}
