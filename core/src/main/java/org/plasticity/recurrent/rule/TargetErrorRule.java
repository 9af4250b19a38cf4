package org.plasticity.recurrent.rule;

import org.plasticity.recurrent.fluctuations.Moments;

/**
 * The authors' Hebbian-type rule, local error times presynaptic activity (Kurikawa &amp; Kaneko, "Memories as
 * bifurcations shaped through sequential learning", Eq. 2; docs/model.md#target-error):
 * <pre>
 *   F_ij = (xi_i - x_i) x_j,      &lt;F&gt; = xi xbar_eta^T - &lt;x x^T&gt; = (xi - xbar_eta) xbar_eta^T - C_eta
 * </pre>
 */
public final class TargetErrorRule implements LearningRule {
    @Override
    public String name() {
        return "target-error";
    }

    @Override
    public String description() {
        return "local error (target minus state) times presynaptic activity";
    }

    @Override
    public void post(double[] xi, double[] x, int xOff, double[] out) {
        for (int i = 0; i < xi.length; i++) {
            out[i] = xi[i] - x[xOff + i];
        }
    }

    @Override
    public double[] meanUpdate(double[] xi, Moments evoked) {
        int n = xi.length;
        double[] mean = evoked.mean();
        double[] second = evoked.secondMoment();
        double[] f = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                f[i * n + j] = xi[i] * mean[j] - second[i * n + j];
            }
        }
        return f;
    }
}
