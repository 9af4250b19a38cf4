package org.plasticity.recurrent.learning;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.plasticity.numeric.Blas;
import org.plasticity.numeric.Seeds;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.dynamics.DivergenceException;
import org.plasticity.recurrent.fluctuations.Moments;
import org.plasticity.recurrent.fluctuations.Sampling;
import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.recurrent.rule.Learner;
import org.plasticity.recurrent.rule.LearnerContext;
import org.plasticity.recurrent.rule.LearningRule;
import org.plasticity.recurrent.task.IoMappingTask;
import org.plasticity.stats.Summary;

/**
 * A rule's stationary mean update {@code <F>} under a task's input-evoked activity, the way the rule allows
 * (docs/model.md#learning-rules):
 * <ul>
 *   <li>one phase, analytic: {@code rule.meanUpdate(xi, evoked)} from the evoked moments (Hebbian, target-error,
 *   random feedback);</li>
 *   <li>two phases: the nudged phase's moments are simulated with the evoked run's seed, so both phases see the same
 *   noise, and {@code rule.meanUpdate(xi, free, nudged)} combines them (contrastive Hebbian);</li>
 *   <li>no closed form: the learner's updates are averaged over a simulation with J fixed, sampled at the steps the
 *   moments are sampled at, with a standard error over the trial groups (node perturbation).</li>
 * </ul>
 */
public final class MeanUpdates {
    private MeanUpdates() {}

    /**
     * A mean update, and for an estimated one each trial group's mean (whose spread gives standard errors).
     *
     * @param mean       {@code <F>}, row-major {@code N x N}
     * @param groupMeans each group's estimate, or null when {@code <F>} was computed from moments
     */
    public record MeanUpdate(double[] mean, double[][] groupMeans) {
        /** @return whether {@code <F>} was estimated by averaging simulated updates. */
        public boolean estimated() {
            return groupMeans != null;
        }

        /**
         * @return the standard error of a statistic of {@code <F>}: the standard deviation of its value on each
         *     group's estimate over {@code sqrt(groups)}; NaN when not estimated or with one group
         */
        public double standardError(ToDoubleFunction<double[]> statistic) {
            if (groupMeans == null || groupMeans.length < 2) {
                return Double.NaN;
            }
            double[] v = new double[groupMeans.length];
            for (int g = 0; g < v.length; g++) {
                v[g] = statistic.applyAsDouble(groupMeans[g]);
            }
            return Summary.standardError(v);
        }
    }

    /**
     * @param evoked moments of the task's input-evoked activity under {@code network}, simulated with {@code seed}
     * @param seed   the evoked run's seed: the nudged phase reuses it, an estimate derives its own from it
     */
    public static MeanUpdate of(RateNetwork network, SimulationConfig sim, IoMappingTask task, LearningRule rule,
                                Moments evoked, long seed) {
        if (!rule.analyticMean()) {
            return simulated(network, sim, task, rule, Seeds.derive(seed, 7));
        }
        if (rule.nudge() > 0) {
            return new MeanUpdate(rule.meanUpdate(task.xi(), evoked, nudged(network, sim, task, rule.nudge(), seed)),
                    null);
        }
        return new MeanUpdate(rule.meanUpdate(task.xi(), evoked), null);
    }

    /**
     * @return the moments of the nudged phase: the network with coupling {@code J - lambda I} and input
     *     {@code gamma eta + lambda xi}, which is the field {@code lambda (xi - x)} added inside the gain
     */
    public static Moments nudged(RateNetwork network, SimulationConfig sim, IoMappingTask task, double lambda,
                                 long seed) {
        int n = network.n();
        double[] j = network.coupling();
        for (int i = 0; i < n; i++) {
            j[i * n + i] -= lambda;
        }
        double[] field = task.field();
        double[] xi = task.xi();
        for (int i = 0; i < n; i++) {
            field[i] += lambda * xi[i];
        }
        return Sampling.moments(network.withCoupling(j), sim, field, seed, Sampling.GroupRunner.SEQUENTIAL);
    }

    /**
     * {@code <F>} estimated by running the rule's learner with J fixed: trial t draws from
     * {@code Seeds.stream(seed, t)}, starts like a {@link PlasticRun} learner (its state from half the burn-in on),
     * and its updates are summed at the steps the moments are sampled at (every {@code sample_every} steps after
     * burn-in). Trials are split into the fixed groups of {@link Sampling#groups}.
     */
    public static MeanUpdate simulated(RateNetwork network, SimulationConfig sim, IoMappingTask task,
                                       LearningRule rule, long seed) {
        int n = network.n();
        double dt = network.config().dt();
        long burn = SimulationConfig.steps(sim.burnIn(), dt);
        long total = burn + SimulationConfig.steps(sim.duration(), dt);
        long warm = burn / 2;
        int every = sim.sampleEvery();
        double[] j = network.sharedCoupling();
        LearnerContext context = Copies.context(network);
        Copies copies = new Copies(network, task, rule.nudge());
        int[][] groups = Sampling.groups(sim.trials());
        double[][] groupMeans = new double[groups.length][];
        double[] mean = new double[n * n];
        long all = 0;
        for (int g = 0; g < groups.length; g++) {
            double[] sum = new double[n * n];
            Learner.Update add = (w, post, pre) -> Blas.ger(n, n, w, post, 0, pre, 0, sum, 0);
            long count = 0;
            for (int t = groups[g][0]; t < groups[g][0] + groups[g][1]; t++) {
                SplittableRandom rng = Seeds.stream(seed, t);
                copies.start(rng);
                Learner learner = rule.learner(task.xi(), context);
                for (long step = 1; step <= total; step++) {
                    copies.step(j, rng);
                    boolean sampled = step > burn && (step - burn) % every == 0;
                    if (step > warm) {
                        learner.step(copies.x, copies.y, copies.z, sampled, add);
                    }
                    count += sampled ? 1 : 0;
                }
                if (!Double.isFinite(Blas.dot(n, copies.x, copies.x))) {
                    throw new DivergenceException(total, total * dt, t);
                }
            }
            for (int k = 0; k < sum.length; k++) {
                mean[k] += sum[k];
                sum[k] /= count;
            }
            groupMeans[g] = sum;
            all += count;
        }
        for (int k = 0; k < mean.length; k++) {
            mean[k] /= all;
        }
        return new MeanUpdate(mean, groupMeans);
    }
}
