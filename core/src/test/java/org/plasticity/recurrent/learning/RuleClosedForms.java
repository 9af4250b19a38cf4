package org.plasticity.recurrent.learning;

import org.plasticity.LinearModel;
import org.plasticity.numeric.SymmetricEigen;
import org.plasticity.numeric.Vectors;
import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.recurrent.rule.ContrastiveHebbianRule;
import org.plasticity.recurrent.rule.LearnerContext;
import org.plasticity.recurrent.rule.LearningRule;
import org.plasticity.recurrent.rule.NodePerturbationRule;
import org.plasticity.recurrent.rule.RandomFeedbackRule;
import org.plasticity.recurrent.task.IoMappingTask;

/**
 * The mean update {@code <F>} of each new rule in the linearised network, in closed form for its Euler scheme
 * (docs/model.md#learning-rules), built from {@link LinearModel} alone, without simulation:
 * <pre>
 *   random feedback:     B (xi xbar^T - C_dt - xbar xbar^T)
 *   contrastive:         (C_dt(A_n) + xbar_n xbar_n^T - C_dt(A) - xbar xbar^T) / lambda,
 *                        A_n = A + beta lambda I,  xbar_n = beta A_n^-1 (gamma eta + lambda xi)
 *   node perturbation:   beta (A + r I)^-1 xi xbar^T,  r = (1 - a) / (a h)
 * </pre>
 * C_dt is the Euler scheme's stationary covariance and the stationary mean is exact for it.
 */
final class RuleClosedForms {
    private RuleClosedForms() {}

    static double[] meanUpdate(LearningRule rule, RateNetwork net, IoMappingTask task) {
        LinearModel lin = new LinearModel(net);
        int n = net.n();
        double[] xbar = lin.evokedMean(task.gamma(), task.eta());
        double[] second = secondMoment(lin.eulerCovariance(), xbar);
        double[] xi = task.xi();
        if (rule instanceof RandomFeedbackRule rf) {
            double[] b = rf.feedback(n);
            double[] te = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    te[i * n + j] = xi[i] * xbar[j] - second[i * n + j];
                }
            }
            return product(n, b, te);
        }
        if (rule instanceof ContrastiveHebbianRule) {
            double lambda = rule.nudge();
            LinearModel nudged = new LinearModel(net.withCoupling(shiftDiagonal(net.coupling(), n, -lambda)));
            double[] field = task.field();
            for (int i = 0; i < n; i++) {
                field[i] += lambda * xi[i];
            }
            double[] secondNudged = secondMoment(nudged.eulerCovariance(), nudged.evokedMean(1.0, field));
            double[] f = new double[n * n];
            for (int k = 0; k < f.length; k++) {
                f[k] = (secondNudged[k] - second[k]) / lambda;
            }
            return f;
        }
        if (rule instanceof NodePerturbationRule np) {
            var c = net.config();
            double r = np.shift(new LearnerContext(n, c.beta(), c.sigma(), c.dt(), c.tau()));
            double[] resolvent = SymmetricEigen.of(n, net.coupling()).apply(l -> c.beta() / (1 - c.beta() * l + r));
            double[] left = Vectors.multiply(n, n, resolvent, xi);
            return outer(left, xbar);
        }
        throw new IllegalArgumentException("no closed form for " + rule.name());
    }

    /**
     * The closed-form initial speed of the linear model under {@code <F>}: {@code (beta / N^2) xi^T A^-1 <F> xbar},
     * the first-order change of the exact stationary overlap, which equals FLR1 with the continuous-time C.
     */
    static double speed(RateNetwork net, IoMappingTask task, double[] meanUpdate) {
        LinearModel lin = new LinearModel(net);
        int n = net.n();
        double[] xbar = lin.evokedMean(task.gamma(), task.eta());
        double kappa = net.kappa();
        return org.plasticity.recurrent.flr.Flr.flr1(kappa, task.xi(), lin.covariance(), meanUpdate, xbar);
    }

    static double[] secondMoment(double[] c, double[] mean) {
        int n = mean.length;
        double[] s = c.clone();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i * n + j] += mean[i] * mean[j];
            }
        }
        return s;
    }

    static double[] shiftDiagonal(double[] a, int n, double by) {
        double[] out = a.clone();
        for (int i = 0; i < n; i++) {
            out[i * n + i] += by;
        }
        return out;
    }

    static double[] outer(double[] u, double[] v) {
        int n = u.length;
        double[] out = new double[n * v.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i * v.length + j] = u[i] * v[j];
            }
        }
        return out;
    }

    static double[] product(int n, double[] a, double[] b) {
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    out[i * n + j] += a[i * n + k] * b[k * n + j];
                }
            }
        }
        return out;
    }
}
