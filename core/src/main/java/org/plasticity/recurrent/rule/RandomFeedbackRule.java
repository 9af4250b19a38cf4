package org.plasticity.recurrent.rule;

import java.util.SplittableRandom;
import org.plasticity.recurrent.fluctuations.Moments;

/**
 * Random-feedback variant of the target-error rule (docs/model.md#random-feedback): the local errors reach the units
 * through a fixed random matrix B, as the output error reaches hidden units in feedback alignment (Lillicrap et al.,
 * Nat. Commun. 7:13276, 2016):
 * <pre>
 *   F = (B (xi - x)) x^T,      &lt;F&gt; = B (xi xbar_eta^T - &lt;x x^T&gt;)   (exact: F is linear in the error)
 *   B = I + rho R,             R_ij ~ N(0, 1/N) for i != j, R_ii = 0
 * </pre>
 * Each unit keeps its own error and gets a random mixture of everyone else's, {@code |R e|} about {@code |e|} at
 * rho = 1 (the feedback makes about 45 degrees with the error). R is drawn from {@code SplittableRandom(seed)}, row
 * by row, so it is the same for every task and run of a given N.
 */
public final class RandomFeedbackRule implements LearningRule {
    /** rho of the registered rule. */
    public static final double SPREAD = 1.0;
    /** Seed of the registered rule's R. */
    public static final long SEED = 20161108L;

    private final double spread;
    private final long seed;
    /** B for the last N asked for: a rule is shared by the tasks of an experiment, which all have one N. */
    private volatile double[] feedback;

    /** The registered rule: rho = {@link #SPREAD}, seed {@link #SEED}. */
    public RandomFeedbackRule() {
        this(SPREAD, SEED);
    }

    /** @param spread rho, the weight of the random part; {@code seed} the seed of R */
    public RandomFeedbackRule(double spread, long seed) {
        this.spread = spread;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "random-feedback";
    }

    @Override
    public String description() {
        return "local errors reaching the units through a fixed random matrix, times presynaptic activity";
    }

    /** @return B for N units, row-major (a copy). */
    public double[] feedback(int n) {
        return matrix(n).clone();
    }

    private double[] matrix(int n) {
        double[] b = feedback;
        if (b == null || b.length != n * n) {
            b = draw(n);
            feedback = b;
        }
        return b;
    }

    private double[] draw(int n) {
        SplittableRandom rng = new SplittableRandom(seed);
        double scale = spread / Math.sqrt(n);
        double[] b = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i * n + j] = i == j ? 1.0 : scale * rng.nextGaussian();
            }
        }
        return b;
    }

    @Override
    public void post(double[] xi, double[] x, int xOff, double[] out) {
        int n = xi.length;
        double[] b = matrix(n);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += b[i * n + k] * (xi[k] - x[xOff + k]);
            }
            out[i] = s;
        }
    }

    @Override
    public double[] meanUpdate(double[] xi, Moments evoked) {
        int n = xi.length;
        double[] b = matrix(n);
        double[] mean = evoked.mean();
        double[] second = evoked.secondMoment();
        double[] bxi = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                bxi[i] += b[i * n + k] * xi[k];
            }
        }
        double[] f = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                f[i * n + j] = bxi[i] * mean[j];
            }
            // minus (B <x x^T>) row i, accumulated in k-j order so the inner loop runs along rows
            for (int k = 0; k < n; k++) {
                double bik = b[i * n + k];
                for (int j = 0; j < n; j++) {
                    f[i * n + j] -= bik * second[k * n + j];
                }
            }
        }
        return f;
    }
}
