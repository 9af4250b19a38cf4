package org.plasticity.layered.training;

import java.util.List;

/**
 * One rule's training run: its per-epoch records (the first is epoch 0, before training) and what it ran on.
 *
 * @param sizes layer widths n_0..n_L
 * @param trainExamples examples trained on per epoch
 * @param testExamples examples evaluated as test
 * @param wallSeconds whole run, evaluation and diagnostics included
 */
public record TrainResult(String rule, TrainConfig config, int[] sizes, int trainExamples, int testExamples,
                          List<EpochRecord> epochs, double wallSeconds) {

    /** @return the record after the last epoch. */
    public EpochRecord last() {
        return epochs.get(epochs.size() - 1);
    }
}
