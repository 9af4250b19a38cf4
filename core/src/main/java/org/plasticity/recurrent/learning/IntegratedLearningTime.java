package org.plasticity.recurrent.learning;

import org.plasticity.numeric.Seeds;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.flr.Flr;
import org.plasticity.recurrent.fluctuations.Moments;
import org.plasticity.recurrent.fluctuations.Sampling;
import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.recurrent.rule.LearningRule;
import org.plasticity.recurrent.task.IoMappingTask;

/**
 * Learning time predicted by integrating FLR1 along the learning trajectory, instead of extrapolating the initial
 * speed. With the overlap m as the independent variable, learning is the ODE
 * <pre>
 *   dt/dm = 1 / (epsilon v(J)),      dJ/dm = &lt;F&gt;(J) / (N v(J)),      v(J) = FLR1 with C and xbar_eta taken at J
 * </pre>
 * from m_0 (the overlap before learning) to theta; {@code T = t(theta)}. Each evaluation of the right-hand side
 * re-simulates the network with the input on under the current J and takes C as the covariance of that state: the
 * fluctuation-response relation links the response of the state that learning perturbs to that state's own
 * fluctuations. Before learning and at small input it is the spontaneous C of FLR1; once the learned field has moved
 * the state into the saturating part of tanh, the spontaneous covariance would over-state the response (tested
 * against learning: on the default learning-time figure the evoked C brings the log-log slope from 0.73 to 0.81).
 * The ODE is solved by Heun's method (explicit trapezoid rule) in {@code steps} equal increments of m: second order,
 * so the few steps that the simulations allow are enough, where a left Riemann sum over-estimates T of an
 * accelerating learner by O(1/steps).
 * The first-order estimate is {@code (theta - m_0) / (epsilon v_0)} with v_0 FLR1 before learning.
 */
public final class IntegratedLearningTime {
    private IntegratedLearningTime() {}

    /** The right-hand side at one J: the FLR1 speed v and the mean drift of J per unit epsilon, {@code <F>/N}. */
    public record Rate(double overlap, double speed, double[] drift) {}

    /** Evaluates the rate at coupling {@code j}; {@code evaluation} numbers the calls, for independent seeds. */
    @FunctionalInterface
    public interface RateAt {
        Rate at(double[] j, int evaluation);
    }

    /** @return the predicted time to reach the overlap {@code threshold}, or NaN when FLR1 stops predicting progress. */
    public static double estimate(RateNetwork network, SimulationConfig sim, IoMappingTask task, LearningRule rule,
                                  double epsilon, double threshold, int steps, long seed) {
        return integrate(network.coupling(), fromSimulation(network, sim, task, rule, seed), epsilon, threshold, steps);
    }

    /**
     * Heun's method for the ODE above, from {@code j0}: each step predicts J at the end of its increment of m with the
     * slope at the start, then averages the slopes at both ends for t and J.
     *
     * @return T, 0 when the start is already past the threshold, NaN when the speed is not positive somewhere
     */
    public static double integrate(double[] j0, RateAt rate, double epsilon, double threshold, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        int evaluation = 0;
        Rate start = rate.at(j0, evaluation++);
        double increment = (threshold - start.overlap()) / steps;
        if (!(increment > 0)) {
            return 0.0;
        }
        double[] j = j0.clone();
        double time = 0;
        for (int k = 0; k < steps; k++) {
            if (!(start.speed() > 0)) {
                return Double.NaN;
            }
            double[] predicted = moved(j, start, start, increment);
            Rate end = rate.at(predicted, evaluation++);
            if (!(end.speed() > 0)) {
                return Double.NaN;
            }
            time += increment / epsilon * 0.5 * (1 / start.speed() + 1 / end.speed());
            j = moved(j, start, end, increment);
            if (k + 1 < steps) {
                start = rate.at(j, evaluation++);
            }
        }
        return time;
    }

    /** {@code J + dm <F>/(N v)} with the slope averaged over {@code a} and {@code b} (a alone when b is a). */
    private static double[] moved(double[] j, Rate a, Rate b, double dm) {
        double[] out = j.clone();
        double wa = 0.5 * dm / a.speed();
        double wb = 0.5 * dm / b.speed();
        for (int i = 0; i < out.length; i++) {
            out[i] += wa * a.drift()[i] + wb * b.drift()[i];
        }
        return out;
    }

    /** The rate from simulations of the network with coupling J and the input on: moments, FLR1 and the rule. */
    static RateAt fromSimulation(RateNetwork network, SimulationConfig sim, IoMappingTask task, LearningRule rule,
                                 long seed) {
        int n = network.n();
        return (j, evaluation) -> {
            RateNetwork current = network.withCoupling(j);
            long evalSeed = Seeds.derive(seed, evaluation);
            Moments evoked = Sampling.moments(current, sim, task.field(), evalSeed, Sampling.GroupRunner.SEQUENTIAL);
            double[] update = MeanUpdates.of(current, sim, task, rule, evoked, evalSeed).mean();
            double v = Flr.flr1(current.kappa(), task.xi(), evoked.covariance(), update, evoked.mean());
            double[] drift = new double[update.length];
            for (int i = 0; i < drift.length; i++) {
                drift[i] = update[i] / n;
            }
            return new Rate(task.overlap(evoked.mean()), v, drift);
        };
    }
}
