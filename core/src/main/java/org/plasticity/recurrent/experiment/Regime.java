package org.plasticity.recurrent.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.plasticity.numeric.SymmetricEigen;
import org.plasticity.recurrent.fluctuations.Moments;
import org.plasticity.recurrent.model.Memories;
import org.plasticity.recurrent.model.RateNetwork;

/**
 * Whether the spontaneous state is one where FLR1 and FLR2 can hold (docs/model.md#regime). Their derivation linearises
 * the network around one quiet stationary state; each criterion below measures a way in which that fails, with the
 * numbers the experiment already has after the spontaneous run.
 * <table>
 * <caption>Criteria</caption>
 * <tr><th>reason</th><th>number</th><th>flagged when</th></tr>
 * <tr><td>supercritical</td><td>{@code beta lambda_max(J)}</td><td>&gt;= {@value #SUPERCRITICAL}</td></tr>
 * <tr><td>trials-disagree</td><td>between-trial share of the spontaneous variance</td>
 *     <td>&gt; {@value #TRIALS_DISAGREE}</td></tr>
 * <tr><td>not-converged</td><td>relative standard error of the top eigenvalue of C over trial groups</td>
 *     <td>&gt; {@value #NOT_CONVERGED}</td></tr>
 * <tr><td>near-critical</td><td>{@code beta lambda_max(J)}</td><td>&gt;= {@value #NEAR_CRITICAL}, below
 *     {@value #SUPERCRITICAL}</td></tr>
 * </table>
 * A number that cannot be computed (one trial group, one trial) is NaN and flags nothing.
 *
 * @param reasons                 the criteria that hold, most severe first (empty when the regime is ok)
 * @param linearGain              {@code beta lambda_max(J)}: the gain of the linearisation around x = 0
 * @param meanStateGain           {@code beta lambda_max(D^1/2 J D^1/2)}, {@code D = diag(phi'(beta J xbar_0))}: the
 *                                gain of the linearisation around the pooled spontaneous mean (reported, not judged)
 * @param topEigenvalueRelativeError standard error of the top eigenvalue of C over trial groups, over that eigenvalue
 * @param betweenTrialShare       {@code (1/T) sum_t |xbar_t - xbar_0|^2 / tr C}: the share of the spontaneous
 *                                variance that lies between the trials' means
 * @param opposedOverlap          {@code max_mu min(max_t m_t^mu, -min_t m_t^mu)}, {@code m_t^mu = p^mu . xbar_t / N}:
 *                                how far trials sit on opposite sides of one memory (0 when none do)
 */
public record Regime(List<Reason> reasons, double linearGain, double meanStateGain,
                     double topEigenvalueRelativeError, double betweenTrialShare, double opposedOverlap) {
    /** {@code beta lambda_max(J)} from which the regime is near-critical. */
    public static final double NEAR_CRITICAL = 0.9;
    /** {@code beta lambda_max(J)} from which x = 0 is unstable. */
    public static final double SUPERCRITICAL = 1.0;
    /** Relative standard error of C's top eigenvalue above which C is not converged. */
    public static final double NOT_CONVERGED = 0.2;
    /** Between-trial share of the variance above which trials sit in different states. */
    public static final double TRIALS_DISAGREE = 0.5;

    /** What the warning adds: the consequence for the predictions, when the quiet state is gone or mixed. */
    static final String CONSEQUENCE = "linear response assumed by FLR1/FLR2 does not hold; predictions may disagree";
    /** The same when the state exists but is near its instability or poorly measured. */
    static final String MILD_CONSEQUENCE = "linear response assumed by FLR1/FLR2 may not hold; predictions may "
            + "disagree";

    /** A criterion that holds, in order of severity. */
    public enum Reason {
        SUPERCRITICAL("supercritical"),
        TRIALS_DISAGREE("trials-disagree"),
        NOT_CONVERGED("not-converged"),
        NEAR_CRITICAL("near-critical");

        private final String id;

        Reason(String id) {
            this.id = id;
        }

        /** @return the name in summary.json and in the warning, e.g. {@code near-critical} */
        public String id() {
            return id;
        }
    }

    public Regime {
        reasons = List.copyOf(reasons);
    }

    /**
     * Judges the numbers against the thresholds.
     *
     * @param linearGain                 {@code beta lambda_max(J)}
     * @param meanStateGain              see {@link #meanStateGain(RateNetwork, double[])}; NaN when unknown
     * @param topEigenvalue              top eigenvalue of the spontaneous C
     * @param topEigenvalueError         its standard error over trial groups (NaN with one group)
     * @param betweenTrialShare          see {@link #betweenTrialShare(double[][], double)}; NaN when unknown
     * @param opposedOverlap             see {@link #opposedOverlap(double[][], Memories)}; NaN when unknown
     */
    public static Regime judge(double linearGain, double meanStateGain, double topEigenvalue, double topEigenvalueError,
                               double betweenTrialShare, double opposedOverlap) {
        double relErr = topEigenvalueError / Math.abs(topEigenvalue);
        List<Reason> reasons = new ArrayList<>();
        // NaN compares false everywhere: an unknown number flags nothing.
        if (linearGain >= SUPERCRITICAL) {
            reasons.add(Reason.SUPERCRITICAL);
        }
        if (betweenTrialShare > TRIALS_DISAGREE) {
            reasons.add(Reason.TRIALS_DISAGREE);
        }
        if (relErr > NOT_CONVERGED) {
            reasons.add(Reason.NOT_CONVERGED);
        }
        if (linearGain >= NEAR_CRITICAL && linearGain < SUPERCRITICAL) {
            reasons.add(Reason.NEAR_CRITICAL);
        }
        return new Regime(reasons, linearGain, meanStateGain, relErr, betweenTrialShare, opposedOverlap);
    }

    /**
     * Assesses the spontaneous run of an experiment.
     *
     * @param couplingTop   {@code lambda_max(J)}
     * @param topEigenvalue top eigenvalue of {@code spontaneous.covariance()}
     * @param topError      its standard error over trial groups
     */
    public static Regime assess(RateNetwork network, Moments spontaneous, double couplingTop, double topEigenvalue,
                                double topError) {
        double[][] trialMeans = spontaneous.trialMeans();
        return judge(network.config().beta() * couplingTop, meanStateGain(network, spontaneous.mean()), topEigenvalue,
                topError, betweenTrialShare(trialMeans, spontaneous.meanVariance()),
                opposedOverlap(trialMeans, network.memories()));
    }

    /**
     * The gain of the network linearised around state {@code x}: the drift's Jacobian is
     * {@code -I + beta D J} with {@code D = diag(phi'(beta (J x)_i))}, whose eigenvalues are those of the symmetric
     * {@code beta D^1/2 J D^1/2}; returns the largest. For {@code x = 0} or linear units it is {@code beta
     * lambda_max(J)}.
     */
    public static double meanStateGain(RateNetwork network, double[] x) {
        int n = network.n();
        double beta = network.config().beta();
        double[] j = network.sharedCoupling();
        double[] root = new double[n];
        for (int i = 0; i < n; i++) {
            double u = 0;
            for (int k = 0; k < n; k++) {
                u += j[i * n + k] * x[k];
            }
            double t = Math.tanh(beta * u);
            root[i] = network.tanh() ? Math.sqrt(1 - t * t) : 1;
        }
        double[] s = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                s[r * n + c] = root[r] * j[r * n + c] * root[c];
            }
        }
        return beta * SymmetricEigen.values(n, s).max();
    }

    /**
     * The share of the spontaneous variance that lies between trials: {@code (1/T) sum_t |xbar_t - xbar|^2 / N}
     * over {@code tr C / N}, with {@code xbar} the average of the trial means. With equal trial lengths {@code tr C}
     * is the within-trial plus this between-trial variance, so the share lies in [0, 1]; it is small when every trial
     * fluctuates around the same state (of order the correlation time over the duration) and near 1 when trials sit
     * in different attractors.
     *
     * @return NaN with fewer than two trials
     */
    public static double betweenTrialShare(double[][] trialMeans, double meanVariance) {
        int t = trialMeans.length;
        if (t < 2) {
            return Double.NaN;
        }
        int n = trialMeans[0].length;
        double[] mean = new double[n];
        for (double[] m : trialMeans) {
            for (int i = 0; i < n; i++) {
                mean[i] += m[i] / t;
            }
        }
        double between = 0;
        for (double[] m : trialMeans) {
            for (int i = 0; i < n; i++) {
                double d = m[i] - mean[i];
                between += d * d;
            }
        }
        return between / t / n / meanVariance;
    }

    /**
     * How far trials sit on opposite sides of one memory: for each memory the smaller of the largest positive and the
     * largest negative trial overlap {@code m_t^mu = p^mu . xbar_t / N}, maximised over memories. Trials retrieving
     * {@code +p} and {@code -p} give their retrieval overlap; trials around x = 0 give a number of the order of their
     * noise.
     *
     * @return 0 without memories, NaN with fewer than two trials
     */
    public static double opposedOverlap(double[][] trialMeans, Memories memories) {
        if (trialMeans.length < 2) {
            return Double.NaN;
        }
        double worst = 0;
        for (int mu = 0; mu < memories.size(); mu++) {
            double[] p = memories.pattern(mu);
            double hi = 0;
            double lo = 0;
            for (double[] m : trialMeans) {
                double o = 0;
                for (int i = 0; i < p.length; i++) {
                    o += p[i] * m[i];
                }
                o /= p.length;
                hi = Math.max(hi, o);
                lo = Math.min(lo, o);
            }
            worst = Math.max(worst, Math.min(hi, -lo));
        }
        return worst;
    }

    /** @return {@code ok}, or the most severe reason's id */
    public String status() {
        return reasons.isEmpty() ? "ok" : reasons.get(0).id();
    }

    public boolean ok() {
        return reasons.isEmpty();
    }

    /** @return each reason with its number and what it means, joined by "; " (empty when ok) */
    public String explanation() {
        List<String> parts = new ArrayList<>();
        for (Reason r : reasons) {
            parts.add(switch (r) {
                case SUPERCRITICAL -> String.format(Locale.ROOT, "beta*lambda_max(J) = %.3f >= %.1f, the quiet state "
                        + "x = 0 is unstable", linearGain, SUPERCRITICAL);
                case NEAR_CRITICAL -> String.format(Locale.ROOT, "beta*lambda_max(J) = %.3f >= %.1f, fluctuations are "
                        + "slow and large near the instability at 1", linearGain, NEAR_CRITICAL);
                case NOT_CONVERGED -> String.format(Locale.ROOT, "top eigenvalue of C varies across trial groups by "
                        + "%.2f of its value (> %.1f), C is not converged", topEigenvalueRelativeError, NOT_CONVERGED);
                case TRIALS_DISAGREE -> String.format(Locale.ROOT, "%.2f of the spontaneous variance lies between "
                        + "trial means (> %.1f), trials sit in different states (opposed memory overlap %.2f)",
                        betweenTrialShare, TRIALS_DISAGREE, opposedOverlap);
            });
        }
        return String.join("; ", parts);
    }

    /** @return the one-line warning for the console, or null when the regime is ok */
    public String warning() {
        return ok() ? null : "warning: " + line();
    }

    /**
     * @return the reasons, each with its number and meaning, and what they mean for FLR1 and FLR2, on one line
     *     (starting {@code regime <reasons>:}); for an ok regime, {@code regime ok}
     */
    public String line() {
        if (ok()) {
            return "regime ok";
        }
        List<String> ids = reasons.stream().map(Reason::id).toList();
        boolean gone = reasons.contains(Reason.SUPERCRITICAL) || reasons.contains(Reason.TRIALS_DISAGREE);
        return "regime " + String.join(", ", ids) + ": " + explanation() + "; "
                + (gone ? CONSEQUENCE : MILD_CONSEQUENCE);
    }
}
