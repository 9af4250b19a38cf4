package org.plasticity.layered.training;

/**
 * The state after an epoch (epoch 0: before training).
 *
 * @param trainLoss batch-mean loss averaged over the epoch's batches as they were trained (NaN for epoch 0)
 * @param trainAccuracy fraction correct on the training examples after the epoch
 * @param testAccuracy fraction correct on the test examples after the epoch
 * @param weightFeedbackAngles degrees between W_l and the rule's feedback matrix for l = 1..L (index l-1); NaN where
 *     the rule has none
 * @param updateAngles degrees between the rule's direction for W_l and backprop's, on the fixed probe batch
 * @param seconds wall time of the epoch's training steps (evaluation excluded)
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double testAccuracy, double testLoss,
                          double[] weightFeedbackAngles, double[] updateAngles, double seconds) {
}
