package org.plasticity.layered.training;

/** Progress of a training run, for a progress bar or a log; calls come from the training thread. */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() { };

    /** After each batch: {@code done} of {@code total} batches of the whole run. */
    default void batches(String rule, long done, long total) { }

    /** After each epoch's evaluation. */
    default void epoch(String rule, EpochRecord record) { }
}
