/**
 * Feature models, whose units are compared with recorded neurons: the image's pixels, a fixed random network of the
 * pixels, and any layered network trained by {@code train} and saved as a checkpoint. Every model sees an image the
 * same way ({@link org.plasticity.neural.model.ImageInput}: luma in [0, 1], area-mean resized to the network's input
 * side) and computes one layer's activations at a time, in single precision, so that wide layers over thousands of
 * images fit in memory. {@link org.plasticity.neural.model.FeatureModels#open} turns a {@code --model} value into a
 * model.
 */
package org.plasticity.neural.model;
