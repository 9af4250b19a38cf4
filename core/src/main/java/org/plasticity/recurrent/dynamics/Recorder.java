package org.plasticity.recurrent.dynamics;

/**
 * Observes sampled states of a batch of trials (the StepHandler role): it reads, it never steers. The simulator calls
 * it every {@code sample_every} steps after burn-in.
 */
@FunctionalInterface
public interface Recorder {
    /**
     * @param firstTrial index of the batch's first trial
     * @param trials     trials in the batch
     * @param n          units per trial
     * @param states     row-major {@code trials x n} snapshot; a scratch copy, valid only during the call
     */
    void sample(int firstTrial, int trials, int n, double[] states);
}
