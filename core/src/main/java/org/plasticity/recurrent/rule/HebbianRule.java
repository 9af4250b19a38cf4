package org.plasticity.recurrent.rule;

import org.plasticity.recurrent.fluctuations.Moments;

/**
 * Hebbian rule, target times presynaptic activity (docs/model.md#hebbian):
 * <pre>
 *   F_ij = xi_i x_j,       &lt;F&gt; = xi xbar_eta^T
 * </pre>
 */
public final class HebbianRule implements LearningRule {
    @Override
    public String name() {
        return "hebbian";
    }

    @Override
    public String description() {
        return "target times presynaptic activity";
    }

    @Override
    public void post(double[] xi, double[] x, int xOff, double[] out) {
        System.arraycopy(xi, 0, out, 0, xi.length);
    }

    @Override
    public double[] meanUpdate(double[] xi, Moments evoked) {
        int n = xi.length;
        double[] mean = evoked.mean();
        double[] f = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                f[i * n + j] = xi[i] * mean[j];
            }
        }
        return f;
    }
}
