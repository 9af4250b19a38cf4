package org.plasticity.learn;

import org.plasticity.config.SimulationConfig;
import org.plasticity.model.RateNetwork;
import org.plasticity.numeric.Vectors;
import org.plasticity.stats.Moments;
import org.plasticity.stats.Sampling;
import org.plasticity.stats.Summary;
import org.plasticity.task.IoMappingTask;

/**
 * Quasi-static learning speed (notes 7.1): change J by one small step of the mean update and measure how the overlap
 * responds, with common random numbers so that noise cancels.
 * <pre>
 *   dJ = s &lt;F&gt; / N,    s such that max_i |(dJ xbar_eta)_i| = perturbation
 *   v  = [ m(J + dJ) - m(J) ] / s,      m = xi . xbar / N,  each trial paired with its twin
 * </pre>
 */
public final class QuasiStaticSpeed {
    private QuasiStaticSpeed() {}

    /**
     * @param evoked     moments of input-evoked activity under J, simulated with {@code seed}
     * @param meanUpdate {@code <F>} under that activity, row-major
     */
    public static SpeedMeasurement measure(RateNetwork network, SimulationConfig sim, IoMappingTask task,
                                           Moments evoked, double[] meanUpdate, long seed, double perturbation) {
        int n = network.n();
        double[] push = Vectors.multiply(n, n, meanUpdate, evoked.mean());
        double perUnit = Vectors.maxAbs(push) / n;
        if (!(perUnit > 0)) {
            return new SpeedMeasurement(0.0, 0.0, 0.0);
        }
        double s = perturbation / perUnit;
        double[] j = network.coupling();
        for (int k = 0; k < j.length; k++) {
            j[k] += s * meanUpdate[k] / n;
        }
        Moments changed = Sampling.moments(network.withCoupling(j), sim, task.field(), seed,
                Sampling.GroupRunner.SEQUENTIAL);
        double[] diff = new double[evoked.trials()];
        for (int t = 0; t < diff.length; t++) {
            diff[t] = (task.overlap(changed.trialMeans()[t]) - task.overlap(evoked.trialMeans()[t])) / s;
        }
        return new SpeedMeasurement(Summary.mean(diff), Summary.standardError(diff), s);
    }
}
