package org.plasticity.neural.model;

import java.util.Arrays;
import java.util.List;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.InputTransform;
import org.plasticity.layered.training.Recipes;
import org.plasticity.layered.training.TrainConfig;
import org.plasticity.layered.training.Trainer;
import org.plasticity.layered.training.TrainingListener;
import org.plasticity.neural.data.Features;
import org.plasticity.neural.data.StimulusImage;

/**
 * Fixed random features of the pixels, the control for what training adds: the network a {@code train} run on
 * Fashion-MNIST-shaped data (784 grey inputs, 10 classes) would start from, never trained. Its architecture is the
 * default image recipe's ({@link Recipes#images}: sigmoid hidden units, softmax output, Xavier-normal weights, zero
 * biases; one hidden layer of 500 unless other widths are given) and its weights are drawn exactly as the trainer
 * draws them for the same seed ({@link Trainer#network(int, int)}), so that {@code random} with seed s is the
 * epoch-0 state of every rule's run with seed s. Layers as for a trained network: {@code hidden1 ..} and {@code output}.
 *
 * <p>Inputs: {@link ImageInput#grey} at 28 x 28, then standardised by one scalar mean and standard deviation. A
 * trained network uses its training set's; this one saw no training data, so it uses those of the images it is
 * asked about (all of them together, as the trainer pools all its training inputs), which puts its sigmoid units in
 * the same working range a trained network's start in.
 */
public final class RandomModel implements FeatureModel {
    /** Hidden width of the default image recipe. */
    public static final int DEFAULT_HIDDEN = 500;
    /** Inputs: 28 x 28 grey. */
    public static final int INPUTS = 28 * 28;
    /** Outputs: the ten classes of Fashion-MNIST. */
    public static final int CLASSES = 10;

    private final long seed;
    private final FeedForwardNet net;

    /** The default: one hidden layer of {@link #DEFAULT_HIDDEN} units. */
    public RandomModel(long seed) {
        this(seed, DEFAULT_HIDDEN);
    }

    /** @param hidden the hidden layers' widths */
    public RandomModel(long seed, int... hidden) {
        if (hidden.length == 0) {
            throw new IllegalArgumentException("a random network needs at least one hidden layer");
        }
        this.seed = seed;
        TrainConfig c = Recipes.images("bp", seed, hidden[0]).toBuilder().hidden(hidden).build();
        this.net = new Trainer(c, TrainingListener.NONE).network(INPUTS, CLASSES);
    }

    @Override
    public String name() {
        return "random";
    }

    /** @return the seed the weights were drawn from. */
    public long seed() {
        return seed;
    }

    /** @return a copy of the random network. */
    public FeedForwardNet network() {
        return net.copy();
    }

    @Override
    public List<String> layers() {
        return NetworkModel.layerNames(net.layers());
    }

    @Override
    public Features activations(String layer, List<StimulusImage> images) {
        int l = NetworkModel.layerIndex(layers(), layer, name());
        float[] x = ImageInput.forInputs(NetworkModel.nonEmpty(images), INPUTS);
        InputTransform.fit(x).applyInPlace(x, 0, x.length);
        return NetworkModel.forward(net, x, images.size(), l, layer);
    }

    @Override
    public String toString() {
        return "random" + Arrays.toString(net.sizes());
    }
}
