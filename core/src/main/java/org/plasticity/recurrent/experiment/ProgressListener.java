package org.plasticity.recurrent.experiment;

import org.plasticity.recurrent.config.FlrConfig;

/** Told when a unit of work finishes; the app draws a progress bar from it. Called from worker threads. */
@FunctionalInterface
public interface ProgressListener {
    /** @param done units finished so far, of {@code total} */
    void progress(long done, long total);

    /**
     * Told, once per experiment run, the regime of its spontaneous state (docs/model.md#regime), so that a caller
     * running many experiments (a figure's points) can report those where the predictions may not hold. The default
     * ignores it. Called from the thread that ran the experiment.
     */
    default void regime(FlrConfig config, Regime regime) { }

    /**
     * @return a listener that passes regimes on to this one and ignores progress: for an experiment run inside a
     *     larger unit of work whose progress is counted by the caller
     */
    default ProgressListener regimeOnly() {
        ProgressListener outer = this;
        return new ProgressListener() {
            @Override
            public void progress(long done, long total) { }

            @Override
            public void regime(FlrConfig config, Regime regime) {
                outer.regime(config, regime);
            }
        };
    }

    ProgressListener NONE = (done, total) -> { };
}
