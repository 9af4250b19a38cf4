package org.plasticity.recurrent.dynamics;

/** The state became NaN or infinite; the message names the step, the time and the trial. */
public class DivergenceException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    public DivergenceException(long step, double time, int trial) {
        super(String.format(java.util.Locale.ROOT,
                "simulation diverged: state became NaN/Inf at step %d (t = %.4g) in trial %d", step, time, trial));
    }
}
