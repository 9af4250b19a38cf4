package org.plasticity.recurrent.experiment;

/** Told when a unit of work finishes; the app draws a progress bar from it. Called from worker threads. */
@FunctionalInterface
public interface ProgressListener {
    /** @param done units finished so far, of {@code total} */
    void progress(long done, long total);

    ProgressListener NONE = (done, total) -> { };
}
