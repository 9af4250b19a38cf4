package org.plasticity.recurrent.experiment;

import java.util.List;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.stats.Agreement;

/**
 * The result of one fluctuation-learning experiment, with its provenance (config, seed, version, backend).
 *
 * @param version       toolkit version
 * @param blasBackend   BLAS implementation used
 * @param config        the resolved config
 * @param threads       worker threads (results do not depend on it)
 * @param wallSeconds   elapsed time
 * @param spontaneous   statistics of spontaneous activity
 * @param tasks         one entry per task
 * @param flr1          agreement of measured speed with FLR1
 * @param flr2          agreement with FLR2, linear-response form
 * @param flr2Variance  agreement with FLR2, variance form
 * @param learningTime  agreement of 1 / T_L with FLR1 over tasks that reached the threshold (null when none did)
 * @param regime        whether the spontaneous state is one where FLR1 and FLR2 can hold (docs/model.md#regime)
 */
public record FlrResult(String version, String blasBackend, FlrConfig config, int threads, double wallSeconds,
                        SpontaneousSummary spontaneous, List<TaskResult> tasks, Agreement flr1, Agreement flr2,
                        Agreement flr2Variance, Agreement learningTime, Regime regime) {

    /**
     * A result whose regime is judged from the spontaneous summary alone (gain and convergence; the trial-level
     * numbers are NaN), for results assembled without the spontaneous run's moments.
     */
    public FlrResult(String version, String blasBackend, FlrConfig config, int threads, double wallSeconds,
                     SpontaneousSummary spontaneous, List<TaskResult> tasks, Agreement flr1, Agreement flr2,
                     Agreement flr2Variance, Agreement learningTime) {
        this(version, blasBackend, config, threads, wallSeconds, spontaneous, tasks, flr1, flr2, flr2Variance,
                learningTime, Regime.judge(config.network().beta() * spontaneous.couplingTopEigenvalue(), Double.NaN,
                        spontaneous.topEigenvalue(), spontaneous.topEigenvalueError(), Double.NaN, Double.NaN));
    }

    /**
     * Statistics of spontaneous activity (no input, no learning).
     *
     * @param meanVariance      {@code tr C / N}
     * @param meanVarianceError its standard error over trial groups
     * @param topEigenvalue     largest eigenvalue of C
     * @param topEigenvalueError its standard error over trial groups
     * @param couplingTopEigenvalue largest eigenvalue of J before learning
     * @param meanActivity      {@code |xbar_0|^2 / N}
     * @param samples           samples behind the estimates
     */
    public record SpontaneousSummary(double meanVariance, double meanVarianceError, double topEigenvalue,
                                     double topEigenvalueError, double couplingTopEigenvalue, double meanActivity,
                                     long samples) {}
}
