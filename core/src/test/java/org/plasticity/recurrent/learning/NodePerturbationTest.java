package org.plasticity.recurrent.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plasticity.LinearModel;
import org.plasticity.numeric.SymmetricEigen;
import org.plasticity.numeric.Vectors;
import org.plasticity.recurrent.fluctuations.Moments;
import org.plasticity.recurrent.fluctuations.Sampling;
import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.recurrent.rule.LearnerContext;
import org.plasticity.recurrent.rule.NodePerturbationRule;
import org.plasticity.recurrent.task.IoMappingTask;

/**
 * Node perturbation's normalisation and its limit (docs/model.md#node-perturbation), in the linearised network.
 */
class NodePerturbationTest {
    /**
     * The estimated mean update equals {@code beta (A + r I)^-1 xi xbar^T} for trace and baseline time constants
     * other than the registered ones: a short baseline (which takes part of the signal, the factor
     * {@code (1 - a)/(1 - a b)} that c undoes) and a longer trace (r smaller, closer to the gradient) and a short one.
     */
    @ParameterizedTest
    @CsvSource({"10, 5", "20, 100", "3, 50"})
    void normalisationHoldsForOtherTimeConstants(double trace, double baseline) {
        RateNetwork net = RateNetwork.build(NewRulesFlr1Test.NET, 21);
        IoMappingTask task = new IoMappingTask(0, net.memories().pattern(0), net.memories().pattern(1), 0.1, 1, 1);
        NodePerturbationRule rule = new NodePerturbationRule(trace, baseline);
        Moments evoked = Sampling.moments(net, NewRulesFlr1Test.SIM, task.field(), 6, Sampling.GroupRunner.SEQUENTIAL);
        MeanUpdates.MeanUpdate mu = MeanUpdates.of(net, NewRulesFlr1Test.SIM, task, rule, evoked, 6);
        ToDoubleFunction<double[]> functional = f -> RuleClosedForms.speed(net, task, f);
        double exact = functional.applyAsDouble(RuleClosedForms.meanUpdate(rule, net, task));
        double se = mu.standardError(functional);
        assertTrue(se < 0.1 * exact, "sharp: SE " + se + " of " + exact);
        assertEquals(exact, functional.applyAsDouble(mu.mean()), 4 * se);
    }

    /**
     * As the trace grows long, r goes to 0 and the mean update {@code beta (A + r I)^-1 xi xbar^T} becomes
     * {@code N dm/dJ}, the gradient of the stationary overlap {@code m = xi . xbar / N}, here by central differences
     * of the exact {@code xbar = beta gamma A^-1 eta} entry by entry.
     */
    @Test
    void longTraceLimitIsTheGradientOfTheOverlap() {
        RateNetwork net = RateNetwork.build(NewRulesFlr1Test.NET, 21);
        IoMappingTask task = new IoMappingTask(0, net.memories().pattern(0), net.memories().pattern(1), 0.1, 1, 1);
        int n = net.n();
        var c = net.config();
        LearnerContext ctx = new LearnerContext(n, c.beta(), c.sigma(), c.dt(), c.tau());
        double r = new NodePerturbationRule(1e6, 1e7).shift(ctx);
        assertEquals(c.tau() / 1e6 / c.tau(), r, 1e-9, "r is about tau / tau_e");
        double[] limit = SymmetricEigen.of(n, net.coupling()).apply(l -> c.beta() / (1 - c.beta() * l + r));
        double[] left = Vectors.multiply(n, n, limit, task.xi());
        double[] xbar = new LinearModel(net).evokedMean(task.gamma(), task.eta());
        double h = 1e-6;
        for (int i = 0; i < n; i += 5) {
            for (int j = 0; j < n; j += 3) {
                double[] up = net.coupling();
                double[] down = net.coupling();
                up[i * n + j] += h;
                down[i * n + j] -= h;
                double gradient = (overlap(net, up, task) - overlap(net, down, task)) / (2 * h);
                assertEquals(n * gradient, left[i] * xbar[j], 1e-5 * Math.abs(left[i] * xbar[j]) + 1e-9,
                        "entry " + i + "," + j);
            }
        }
    }

    /** The exact stationary overlap of the linear network with a (possibly non-symmetric) coupling j. */
    private static double overlap(RateNetwork net, double[] j, IoMappingTask task) {
        int n = net.n();
        double beta = net.config().beta();
        double[] a = new double[n * n];
        for (int k = 0; k < a.length; k++) {
            a[k] = -beta * j[k];
        }
        for (int i = 0; i < n; i++) {
            a[i * n + i] += 1;
        }
        double[] rhs = task.field();
        for (int i = 0; i < n; i++) {
            rhs[i] *= beta;
        }
        return task.overlap(Flr1ExactnessTest.solve(n, a, rhs));
    }
}
