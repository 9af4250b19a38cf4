package org.plasticity.recurrent.learning;

import java.util.ArrayList;
import java.util.List;
import org.plasticity.numeric.Vectors;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.fluctuations.Moments;
import org.plasticity.recurrent.fluctuations.Sampling;
import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.recurrent.task.IoMappingTask;
import org.plasticity.stats.Summary;

/**
 * Quasi-static speed (docs/model.md#quasi-static): change J by one small step of the mean update and measure how the overlap
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
        return measure(network, sim, List.of(task), List.of(evoked), meanUpdate, new long[] {seed}, perturbation);
    }

    /**
     * Several transitions learned together (a sequence): one change {@code dJ = s <F>/N} with the mean update over
     * all of them, and the speed of the mean overlap {@code (1/K) sum_k xi_k . xbar_k / N}, each cue simulated with
     * its own seed under J and J + dJ. {@code s} is set by the largest push {@code max_i |(dJ xbar_k)_i|} over the
     * cues.
     */
    public static SpeedMeasurement measure(RateNetwork network, SimulationConfig sim, List<IoMappingTask> tasks,
                                           List<Moments> evoked, double[] meanUpdate, long[] seeds,
                                           double perturbation) {
        int n = network.n();
        double perUnit = 0;
        for (Moments e : evoked) {
            perUnit = Math.max(perUnit, Vectors.maxAbs(Vectors.multiply(n, n, meanUpdate, e.mean())) / n);
        }
        if (!(perUnit > 0)) {
            return new SpeedMeasurement(0.0, 0.0, 0.0);
        }
        double s = perturbation / perUnit;
        double[] j = network.coupling();
        for (int k = 0; k < j.length; k++) {
            j[k] += s * meanUpdate[k] / n;
        }
        RateNetwork changedNetwork = network.withCoupling(j);
        int cues = tasks.size();
        List<Sampling.Input> inputs = new ArrayList<>(cues);
        for (int c = 0; c < cues; c++) {
            inputs.add(new Sampling.Input(tasks.get(c).field(), seeds[c]));
        }
        // Only the trial means of the changed network are read: no second moments, every cue in one batch.
        List<double[][]> changed = Sampling.trialMeans(changedNetwork, sim, inputs, Sampling.GroupRunner.SEQUENTIAL);
        double[] diff = new double[evoked.get(0).trials()];
        for (int c = 0; c < cues; c++) {
            IoMappingTask task = tasks.get(c);
            Moments before = evoked.get(c);
            for (int t = 0; t < diff.length; t++) {
                diff[t] += (task.overlap(changed.get(c)[t]) - task.overlap(before.trialMeans()[t])) / s / cues;
            }
        }
        return new SpeedMeasurement(Summary.mean(diff), Summary.standardError(diff), s);
    }
}
