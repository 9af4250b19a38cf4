package org.plasticity.neural.data;

/**
 * One layer's activations to every stimulus: {@code stimuli x units}, row-major, in single precision so that a wide
 * layer over thousands of stimuli stays small; one layer is held at a time.
 *
 * @param layer the layer's name, e.g. {@code pixels} or {@code hidden1}
 */
public record Features(String layer, int stimuli, int units, float[] values) {
    public Features {
        if (stimuli < 1 || units < 1 || (long) stimuli * units != values.length) {
            throw new IllegalArgumentException("features of " + layer + ": " + stimuli + " x " + units
                    + " does not match " + values.length + " values");
        }
    }

    /** @return the activation of {@code unit} to {@code stimulus}. */
    public float value(int stimulus, int unit) {
        return values[stimulus * units + unit];
    }
}
