package org.plasticity.neural.model;

import java.util.List;
import org.plasticity.neural.data.Features;
import org.plasticity.neural.data.StimulusImage;

/**
 * The baseline every predictivity study shows: the image itself, as a network would be fed it ({@link ImageInput#grey}
 * at 28 x 28, 784 values in [0, 1], not standardised: the regression centres its inputs anyway). One layer,
 * {@code pixels}.
 */
public final class PixelModel implements FeatureModel {
    /** The input side of the networks trained on Fashion-MNIST. */
    public static final int SIDE = 28;
    private final int side;

    /** The 28 x 28 pixel model. */
    public PixelModel() {
        this(SIDE);
    }

    /** @param side the side images are resized to */
    public PixelModel(int side) {
        if (side < 1) {
            throw new IllegalArgumentException("the side must be >= 1, got " + side);
        }
        this.side = side;
    }

    @Override
    public String name() {
        return "pixels";
    }

    @Override
    public List<String> layers() {
        return List.of("pixels");
    }

    @Override
    public Features activations(String layer, List<StimulusImage> images) {
        NetworkModel.layerIndex(layers(), layer, name());
        return new Features(layer, NetworkModel.nonEmpty(images).size(), side * side,
                ImageInput.forInputs(images, side * side));
    }
}
