package org.plasticity.recurrent.learning;

import java.util.ArrayList;
import java.util.List;
import org.plasticity.recurrent.fluctuations.Moments;
import org.plasticity.recurrent.fluctuations.Sampling;
import org.plasticity.recurrent.rule.ContrastiveHebbianRule;
import org.plasticity.recurrent.rule.LearningRule;
import org.plasticity.recurrent.rule.RandomFeedbackRule;

/**
 * Each trial group's mean and second moment, rebuilt from {@link Moments}' per-trial means (equal sample counts per
 * trial) and per-group covariances, and the analytic mean updates on them: for standard errors of an analytic
 * {@code <F>}.
 */
final class GroupMoments {
    private GroupMoments() {}

    /** @return per group {@code {mean, second moment}}. */
    static List<double[][]> of(Moments m, int trials) {
        int n = m.n();
        List<double[][]> out = new ArrayList<>();
        int[][] groups = Sampling.groups(trials);
        for (int g = 0; g < groups.length; g++) {
            double[] mean = new double[n];
            for (int t = groups[g][0]; t < groups[g][0] + groups[g][1]; t++) {
                for (int i = 0; i < n; i++) {
                    mean[i] += m.trialMeans()[t][i] / groups[g][1];
                }
            }
            out.add(new double[][] {mean, RuleClosedForms.secondMoment(m.groupCovariance(g), mean)});
        }
        return out;
    }

    /** The analytic {@code <F>} of the rules with one, from a group's {@code {mean, second}} (and nudged). */
    static double[] meanUpdate(LearningRule rule, double[] xi, double[][] free, double[][] nudged) {
        int n = xi.length;
        double[] f = new double[n * n];
        if (rule instanceof ContrastiveHebbianRule) {
            for (int k = 0; k < f.length; k++) {
                f[k] = (nudged[1][k] - free[1][k]) / rule.nudge();
            }
            return f;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                f[i * n + j] = xi[i] * free[0][j] - free[1][i * n + j];
            }
        }
        if (rule instanceof RandomFeedbackRule rf) {
            return RuleClosedForms.product(n, rf.feedback(n), f);
        }
        return f;
    }
}
