package org.plasticity.neural.model;

import java.util.List;
import org.plasticity.neural.data.Features;
import org.plasticity.neural.data.StimulusImage;

/** Anything whose units can be compared with neurons: one or more layers, computed one at a time. */
public interface FeatureModel {
    /** @return {@code pixels}, {@code random}, or the checkpoint's name. */
    String name();

    /** @return the layers' names, input side first, e.g. {@code [pixels]} or {@code [hidden1, hidden2, output]}. */
    List<String> layers();

    /**
     * @return the activations of one layer to the images, {@code images x units}, float32; only that layer is held
     * @throws IllegalArgumentException for a layer not in {@link #layers()} or no images
     */
    Features activations(String layer, List<StimulusImage> images);
}
