package org.plasticity.recurrent.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.plasticity.LinearModel;
import org.plasticity.numeric.SymmetricEigen;
import org.plasticity.recurrent.config.NetworkConfig;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.flr.Flr;
import org.plasticity.recurrent.fluctuations.Moments;
import org.plasticity.recurrent.fluctuations.Sampling;
import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.recurrent.rule.LearningRule;
import org.plasticity.recurrent.rule.LearningRules;
import org.plasticity.recurrent.task.IoMappingTask;
import org.plasticity.stats.Summary;

/**
 * Each rule added beyond the Hebb-type pair, in the linearised network, against closed forms that use no simulation
 * ({@link RuleClosedForms}):
 * <ol>
 *   <li>its mean update, as the experiment computes it ({@link MeanUpdates#of}: from moments, from the free and
 *   nudged moments, or estimated by simulation), equals the closed form, compared through the FLR1 functional
 *   {@code (kappa/N^2) xi^T C <F> xbar} with the exact C and xbar, within 4 standard errors over trial groups;</li>
 *   <li>the quasi-static speed under that {@code <F>} equals FLR1 from the simulated statistics, within the tolerance
 *   {@link Flr1ExactnessTest} derives (Euler bias, second order, 4 standard errors);</li>
 *   <li>learning for real with the rule's learner (concurrent, small epsilon) has the closed-form speed, within 4
 *   standard errors: the per-step update (the nudged copy, the perturbation trace and baseline) has the mean the
 *   rule claims.</li>
 * </ol>
 */
class NewRulesFlr1Test {
    static final NetworkConfig NET = Flr1ExactnessTest.NET;
    static final SimulationConfig SIM = Flr1ExactnessTest.SIM;

    @TestFactory
    Stream<DynamicTest> meanUpdateSpeedAndLearningMatchTheLinearClosedForm() {
        return Stream.of("random-feedback", "contrastive-hebbian", "node-perturbation")
                .map(name -> DynamicTest.dynamicTest(name, () -> check(LearningRules.byName(name))));
    }

    private static void check(LearningRule rule) {
        RateNetwork net = RateNetwork.build(NET, 21);
        LinearModel lin = new LinearModel(net);
        int n = net.n();
        IoMappingTask task = new IoMappingTask(0, net.memories().pattern(0), net.memories().pattern(1), 0.1, 1, 1);
        long seed = 6;
        Moments spont = Sampling.moments(net, SIM, null, 5, Sampling.GroupRunner.SEQUENTIAL);
        Moments evoked = Sampling.moments(net, SIM, task.field(), seed, Sampling.GroupRunner.SEQUENTIAL);
        MeanUpdates.MeanUpdate mu = MeanUpdates.of(net, SIM, task, rule, evoked, seed);
        double[] meanF = mu.mean();
        double[] exactF = RuleClosedForms.meanUpdate(rule, net, task);

        // 1. <F> against its closed form, through the FLR1 functional with the exact C and xbar.
        ToDoubleFunction<double[]> functional = f -> RuleClosedForms.speed(net, task, f);
        double se = mu.estimated() ? mu.standardError(functional) : groupError(rule, net, task, evoked, seed,
                functional);
        double exact = functional.applyAsDouble(exactF);
        System.out.printf("%s: functional %.5g vs exact %.5g, se %.3g%n", rule.name(),
                functional.applyAsDouble(meanF), exact, se);
        assertTrue(se > 0 && se < 0.1 * Math.abs(exact), rule.name() + ": the comparison is sharp, SE " + se);
        assertEquals(exact, functional.applyAsDouble(meanF), 4 * se, rule.name() + ": <F> against its closed form");

        // 2. The quasi-static speed under this <F> equals FLR1 from the simulated C and xbar.
        double kappa = net.kappa();
        double predicted = Flr.flr1(kappa, task.xi(), spont.covariance(), meanF, evoked.mean());
        double predictedSe = spont.standardError(c -> Flr.flr1(kappa, task.xi(), c, meanF, evoked.mean()));
        SpeedMeasurement measured = QuasiStaticSpeed.measure(net, SIM, task, evoked, meanF, seed, 0.002);
        double firstOrder = RuleClosedForms.speed(net, task, meanF);
        double secondOrder = Math.abs(finiteDifference(net, task, meanF, measured.scale()) / firstOrder - 1);
        double tolerance = lin.eulerBias() + secondOrder
                + 4 * Math.hypot(measured.standardError() / measured.speed(), predictedSe / predicted);
        System.out.printf("  quasi-static %.5g +- %.2g, FLR1 %.5g +- %.2g, tolerance %.3f%n", measured.speed(),
                measured.standardError(), predicted, predictedSe, tolerance);
        assertEquals(1.0, measured.speed() / predicted, tolerance, rule.name() + ": measured / FLR1");
        assertTrue(tolerance < 0.1, "tolerance is tight enough to mean something: " + tolerance);

        // 3. Learning for real has the closed-form speed.
        SpeedMeasurement learned = ConcurrentSpeed.measure(net, task, rule, 1e-4, 50, 400, 100, 7);
        System.out.printf("  concurrent %.5g +- %.2g vs exact %.5g%n", learned.speed(), learned.standardError(), exact);
        assertEquals(exact, learned.speed(), 4 * learned.standardError(), rule.name() + ": learning for real");
        assertTrue(learned.standardError() < 0.15 * Math.abs(exact), "sharp: SE " + learned.standardError());
    }

    /** The exact change of the stationary overlap under {@code dJ = s <F> / N}, over s (the quasi-static target). */
    static double finiteDifference(RateNetwork net, IoMappingTask task, double[] meanF, double s) {
        int n = net.n();
        double beta = net.config().beta();
        double[] a = SymmetricEigen.of(n, net.coupling()).apply(l -> 1 - beta * l);
        double[] changed = a.clone();
        for (int k = 0; k < changed.length; k++) {
            changed[k] -= beta * s * meanF[k] / n;
        }
        double[] rhs = task.field();
        for (int i = 0; i < n; i++) {
            rhs[i] *= beta;
        }
        return (task.overlap(Flr1ExactnessTest.solve(n, changed, rhs))
                - task.overlap(Flr1ExactnessTest.solve(n, a, rhs))) / s;
    }

    /**
     * The standard error of a statistic of an analytic {@code <F>}: the rule's mean update on each trial group's
     * moments (free, and nudged with the same seed), spread over {@code sqrt(groups)}.
     */
    static double groupError(LearningRule rule, RateNetwork net, IoMappingTask task, Moments evoked, long seed,
                             ToDoubleFunction<double[]> statistic) {
        Moments nudged = rule.nudge() > 0 ? MeanUpdates.nudged(net, SIM, task, rule.nudge(), seed) : null;
        List<double[][]> free = GroupMoments.of(evoked, SIM.trials());
        List<double[][]> pushed = nudged == null ? null : GroupMoments.of(nudged, SIM.trials());
        double[] v = new double[free.size()];
        for (int g = 0; g < v.length; g++) {
            v[g] = statistic.applyAsDouble(GroupMoments.meanUpdate(rule, task.xi(), free.get(g),
                    pushed == null ? null : pushed.get(g)));
        }
        return Summary.standardError(v);
    }
}
