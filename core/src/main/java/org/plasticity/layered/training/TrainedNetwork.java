package org.plasticity.layered.training;

import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.InputTransform;

/**
 * A training run's result together with what it produced: the trained network (owned by the caller) and the input
 * transform the network was trained with, so that it can be saved and fed new inputs the way it saw its training data.
 *
 * @param network the network after the last epoch
 * @param input how raw inputs were transformed before the first layer ({@link InputTransform#NONE} without
 *     standardisation)
 */
public record TrainedNetwork(TrainResult result, FeedForwardNet network, InputTransform input) {
}
