package org.plasticity.layered.checkpoint;

import java.util.ArrayList;
import java.util.List;
import org.plasticity.layered.network.Architecture;
import org.plasticity.layered.network.Conv;
import org.plasticity.layered.network.Dense;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Layer;

/**
 * A network's layers as a checkpoint stores them: the hidden layers as an {@code arch} layer list (the syntax of
 * {@link org.plasticity.layered.network.Architecture}) with every weight layer's nonlinearity spelled out, so that
 * reading it back gives the same layers whatever default a reader would otherwise apply; and each layer's parameter
 * shapes, PyTorch's ({@code Conv2d.weight}: out x in x k x k, {@code Linear.weight}: out x in).
 */
final class LayerList {
    private LayerList() { }

    /**
     * @return the layer list of {@code net}'s layers 1..L-1, e.g. {@code conv6k5p2:relu,maxpool2,fc84:linear}
     * @throws IllegalArgumentException when the output layer is not the unpooled dense layer an architecture ends in
     */
    static String spec(FeedForwardNet net) {
        Layer out = net.layer(net.layers());
        if (!(out.connection() instanceof Dense) || out.pool() != null) {
            throw new IllegalArgumentException("a checkpoint's network must end in an unpooled dense output layer");
        }
        List<String> tokens = new ArrayList<>();
        for (int l = 1; l < net.layers(); l++) {
            tokens.addAll(Architecture.tokens(net.layer(l)));
        }
        return String.join(",", tokens);
    }

    /** @return the shape of layer {@code layer}'s weight array: out x in x k x k, or out x in. */
    static int[] weightShape(Layer layer) {
        if (layer.connection() instanceof Conv k) {
            return new int[] {k.outChannels(), k.in().channels(), k.kernel(), k.kernel()};
        }
        return new int[] {layer.connection().out().size(), layer.connection().in().size()};
    }

    /** @return the shape of layer {@code layer}'s bias vector: one per unit, or per output channel. */
    static int[] biasShape(Layer layer) {
        return new int[] {layer.connection().biasCount()};
    }
}
