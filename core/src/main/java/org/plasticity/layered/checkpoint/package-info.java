/**
 * Saved trained networks: {@link org.plasticity.layered.checkpoint.Checkpoint} writes and reads a layered network with
 * its rule, data set, seed, config, input transform and final accuracies, in a zip that numpy opens as an
 * {@code .npz} (see {@code docs/checkpoints.md}).
 */
package org.plasticity.layered.checkpoint;
