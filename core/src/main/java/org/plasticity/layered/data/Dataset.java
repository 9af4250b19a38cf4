package org.plasticity.layered.data;

import java.util.Arrays;

/**
 * A labelled classification set held in memory: {@code size} examples of {@code features} values each, row-major in
 * one {@code float[]} (images scaled to [0, 1]), and an integer label in {@code [0, classes)} per example.
 *
 * @param name what the set is, e.g. {@code fashion-mnist/train}, for records and error messages
 * @param inputs row-major {@code size x features}
 * @param labels one per example
 * @param features values per example
 * @param classes number of label values
 */
public record Dataset(String name, float[] inputs, int[] labels, int features, int classes) {
    public Dataset {
        if (features <= 0 || classes <= 0) {
            throw new IllegalArgumentException(name + ": features and classes must be positive");
        }
        if (inputs.length != (long) labels.length * features) {
            throw new IllegalArgumentException(name + ": " + inputs.length + " input values do not make "
                    + labels.length + " examples of " + features);
        }
        for (int label : labels) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException(name + ": label " + label + " outside [0, " + classes + ")");
            }
        }
    }

    /** @return the number of examples. */
    public int size() {
        return labels.length;
    }

    /** @return the first {@code count} examples (all of them when {@code count >= size()}), as a new set. */
    public Dataset head(int count) {
        int n = Math.min(count, size());
        if (n == size()) {
            return this;
        }
        return new Dataset(name + "[:" + n + "]", Arrays.copyOf(inputs, n * features), Arrays.copyOf(labels, n),
                features, classes);
    }
}
