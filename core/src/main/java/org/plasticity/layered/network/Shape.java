package org.plasticity.layered.network;

/**
 * The shape of one example's values at a layer: {@code channels x height x width}, stored channel-major and row-major
 * within a channel (PyTorch's NCHW without the batch), so that flattening a map for a dense layer gives the same
 * order as {@code torch.flatten}. A dense layer's values are {@code n x 1 x 1}.
 *
 * @param channels feature maps (or units of a dense layer)
 * @param height rows of each map
 * @param width columns of each map
 */
public record Shape(int channels, int height, int width) {
    public Shape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("a shape needs positive sizes, got " + channels + "x" + height + "x"
                    + width);
        }
    }

    /** @return the shape of {@code n} unstructured values (a dense layer). */
    public static Shape flat(int n) {
        return new Shape(n, 1, 1);
    }

    /**
     * @return the image shape of an input of {@code features} values: one or three channels of a square image
     *     (784 = 1 x 28 x 28, 3072 = 3 x 32 x 32); grey when both fit
     * @throws IllegalArgumentException when {@code features} is no such image
     */
    public static Shape image(int features) {
        for (int c : new int[] {1, 3}) {
            if (features % c == 0) {
                int side = (int) Math.round(Math.sqrt(features / (double) c));
                if (side * side * c == features) {
                    return new Shape(c, side, side);
                }
            }
        }
        throw new IllegalArgumentException("inputs of " + features + " values are not a square image of 1 or 3 "
                + "channels, so convolutional layers cannot read them");
    }

    /** @return values per example. */
    public int size() {
        return channels * height * width;
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
