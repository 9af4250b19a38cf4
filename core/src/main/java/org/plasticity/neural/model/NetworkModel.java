package org.plasticity.neural.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.plasticity.ConfigException;
import org.plasticity.DataException;
import org.plasticity.layered.checkpoint.Checkpoint;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.InputTransform;
import org.plasticity.layered.network.Shape;
import org.plasticity.neural.data.Features;
import org.plasticity.neural.data.StimulusImage;

/**
 * A trained layered network, loaded from a checkpoint: its layers are {@code hidden1 .. hidden(L-1)} and
 * {@code output}, each the activities x_l after the nonlinearity and, for a pooled layer, after its pooling: what the
 * next layer reads (x_l = pool_l(f_l(a_l)), just e_l = f_l(a_l) without pooling; the softmax probabilities for a
 * softmax output). A convolutional layer's features are its maps flattened channel-major (C x H x W), as
 * {@code torch.flatten} orders them. An image enters as in training: {@link ImageInput} to the network's input size (grey for side^2 inputs,
 * colour for 3 side^2), then the checkpoint's input transform (the training set's scalar mean and standard deviation).
 * The forward pass runs in batches; only the requested layer's activations are kept.
 */
public final class NetworkModel implements FeatureModel {
    /** Images per forward pass: large enough for efficient GEMMs, small enough for a modest work area. */
    static final int BATCH = 256;

    private final String name;
    private final FeedForwardNet net;
    private final InputTransform input;

    /**
     * @param name the model's name in results
     * @throws IllegalArgumentException when the network's input size is no image format
     */
    public NetworkModel(String name, Checkpoint checkpoint) {
        this.name = name;
        this.net = checkpoint.network();
        this.input = checkpoint.input();
        int n = net.size(0);
        if (ImageInput.squareSide(n) == 0 && (n % 3 != 0 || ImageInput.squareSide(n / 3) == 0)) {
            throw new IllegalArgumentException("the network takes " + n + " inputs, which is no image (side^2 grey or "
                    + "3 side^2 colour values)");
        }
        // ImageInput lays images out as Shape.image does; a convolution must read that layout, not another one.
        if (net.convolutional() && !net.input().equals(Shape.image(n))) {
            throw new IllegalArgumentException("the network reads " + net.input() + " inputs, but images are fed as "
                    + Shape.image(n));
        }
    }

    /**
     * @return the model of the checkpoint at {@code file}, named by the path as given
     * @throws DataException when the file is not a valid checkpoint or its network does not take images
     */
    public static NetworkModel open(Path file) {
        Checkpoint c = Checkpoint.read(file);
        try {
            return new NetworkModel(file.toString(), c);
        } catch (IllegalArgumentException e) {
            throw new DataException(file, e.getMessage() + "; it was trained on " + c.data());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> layers() {
        return layerNames(net.layers());
    }

    @Override
    public Features activations(String layer, List<StimulusImage> images) {
        int l = layerIndex(layers(), layer, name);
        float[] x = ImageInput.forInputs(nonEmpty(images), net.size(0));
        input.applyInPlace(x, 0, x.length);
        return forward(net, x, images.size(), l, layer);
    }

    /** @return {@code hidden1 .. hidden(L-1), output} for a network of {@code layers} weight layers. */
    static List<String> layerNames(int layers) {
        List<String> names = new ArrayList<>();
        for (int l = 1; l < layers; l++) {
            names.add("hidden" + l);
        }
        names.add("output");
        return List.copyOf(names);
    }

    /** @return the 1-based layer index l of {@code layer} in {@code names}. */
    static int layerIndex(List<String> names, String layer, String model) {
        int i = names.indexOf(layer);
        if (i < 0) {
            throw new ConfigException("layer", "model " + model + " has no layer '" + layer + "' (layers: "
                    + String.join(", ", names) + ")");
        }
        return i + 1;
    }

    static List<StimulusImage> nonEmpty(List<StimulusImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images to compute activations of");
        }
        return images;
    }

    /**
     * @param x the network's inputs, {@code stimuli x n_0}, already transformed
     * @return x_l (e_l, pooled when layer l is) for every stimulus, {@code stimuli x} its size, from forward passes
     *     of {@link #BATCH} rows
     */
    static Features forward(FeedForwardNet net, float[] x, int stimuli, int l, String layer) {
        int units = net.layer(l).output().size();
        float[] out = new float[Math.multiplyExact(stimuli, units)];
        Activity act = net.newActivity(Math.min(BATCH, stimuli));
        for (int from = 0; from < stimuli; from += BATCH) {
            int b = Math.min(BATCH, stimuli - from);
            net.forward(x, from, b, act);
            System.arraycopy(act.x[l], 0, out, from * units, b * units);
        }
        return new Features(layer, stimuli, units, out);
    }
}
