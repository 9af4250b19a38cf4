package org.plasticity.recurrent.experiment;

/**
 * An experiment finished but a statistic it reports is NaN or infinite: the arithmetic left the double range, so the
 * results mean nothing and are not written. The message names the statistic as it is keyed in summary.json.
 */
public class NonFiniteResultException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NonFiniteResultException(String message) {
        super(message);
    }

    /**
     * Checks the statistics every meaningful run has finite: the spontaneous moments, each task's predictions and
     * measured speed, and the correlation of each prediction with the measurement (NaN only when predictions or
     * measurements do not vary at all). The log-log statistics are left out: they are NaN whenever fewer than three
     * tasks have positive values, which a healthy run may have.
     *
     * @throws NonFiniteResultException naming the first non-finite statistic
     */
    public static void check(FlrResult r) {
        var s = r.spontaneous();
        finite("spontaneous.mean_variance", s.meanVariance());
        finite("spontaneous.top_eigenvalue", s.topEigenvalue());
        finite("spontaneous.coupling_top_eigenvalue", s.couplingTopEigenvalue());
        for (TaskResult t : r.tasks()) {
            String task = "tasks[" + t.index() + "].";
            finite(task + "predicted_flr1", t.predicted().flr1());
            finite(task + "predicted_flr2", t.predicted().flr2());
            finite(task + "predicted_flr2_variance", t.predicted().flr2Variance());
            finite(task + "measured_speed", t.measured().speed());
            finite(task + "measured_speed_se", t.measured().standardError());
        }
        finite("flr1.pearson_r", r.flr1().pearsonR());
        finite("flr2.pearson_r", r.flr2().pearsonR());
        finite("flr2_variance_form.pearson_r", r.flr2Variance().pearsonR());
    }

    private static void finite(String statistic, double value) {
        if (!Double.isFinite(value)) {
            throw new NonFiniteResultException("statistic " + statistic + " is " + value + " (numbers out of the"
                    + " double range, or no variation across tasks), so no results were written; check the scales of"
                    + " network.beta, network.sigma, network.tau and task.gamma");
        }
    }
}
