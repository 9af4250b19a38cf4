package org.plasticity.neural.model;

import java.util.List;
import org.plasticity.DataException;
import org.plasticity.neural.data.StimulusImage;

/**
 * How every model sees an image: the conversion of a decoded colour image to a network's input vector.
 *
 * <p>{@link #grey}: each pixel's luma {@code Y = (0.299 R + 0.587 G + 0.114 B) / 255} of its 8-bit values (ITU-R BT.601
 * weights, the ones PIL's {@code convert("L")} uses, here without rounding back to 8 bits), in [0, 1] like the
 * Fashion-MNIST pixels a network is trained on; then the image is resized to {@code side x side} by area means and
 * flattened row-major. When the image's width and height are multiples of {@code side}, each output is the exact
 * mean of its block ({@code 112 x 112 -> 28 x 28}: of a 4 x 4 block, the sum of 16 values divided by 16). Otherwise
 * output pixel (i, j) covers the input rectangle {@code [i h / side, (i + 1) h / side) x [j w / side, (j + 1) w /
 * side)} and is the mean of the image over it, each input pixel weighted by the area it shares with the rectangle
 * (what OpenCV calls {@code INTER_AREA}); the weights are integers in units of {@code 1 / side} of a pixel, so they are
 * exact. Width and height are resized independently: a non-square image is squeezed, not cropped. Arithmetic is in
 * double precision, rounded to float once at the end.
 *
 * <p>{@link #colour}: the same resize of R / 255, G / 255 and B / 255 separately, laid out channel-major (all red
 * values row-major, then green, then blue), the layout of the CIFAR-10 files and of a network trained on them.
 */
public final class ImageInput {
    private static final double WR = 0.299;
    private static final double WG = 0.587;
    private static final double WB = 0.114;

    private ImageInput() {}

    /** @return the image's luma in [0, 1], resized to {@code side x side} by area means, row-major. */
    public static float[] grey(StimulusImage image, int side) {
        check(image, side);
        float[] out = new float[side * side];
        resize(image, side, -1, out, 0);
        return out;
    }

    /**
     * @return the image's R, G and B in [0, 1], each resized to {@code side x side} by area means, channel-major
     *     ({@code 3 side^2} values: the red plane row-major, then green, then blue)
     */
    public static float[] colour(StimulusImage image, int side) {
        check(image, side);
        float[] out = new float[3 * side * side];
        for (int c = 0; c < 3; c++) {
            resize(image, side, c, out, c * side * side);
        }
        return out;
    }

    /**
     * The input a network with {@code inputs} input units takes from an image: grey {@code side x side} when
     * {@code inputs = side^2} (784: Fashion-MNIST's 28 x 28), colour when {@code inputs = 3 side^2} (3072: CIFAR-10's
     * 3 x 32 x 32). No count is both, since 3 is not a square.
     *
     * @return {@code images x inputs}, row-major
     * @throws IllegalArgumentException when {@code inputs} is neither
     */
    public static float[] forInputs(List<StimulusImage> images, int inputs) {
        int grey = squareSide(inputs);
        int colour = inputs % 3 == 0 ? squareSide(inputs / 3) : 0;
        if (grey == 0 && colour == 0) {
            throw new IllegalArgumentException(inputs + " inputs are no image: a network fed images takes side^2 "
                    + "(grey) or 3 side^2 (colour) inputs");
        }
        float[] x = new float[Math.multiplyExact(images.size(), inputs)];
        for (int i = 0; i < images.size(); i++) {
            float[] v = grey > 0 ? grey(images.get(i), grey) : colour(images.get(i), colour);
            System.arraycopy(v, 0, x, i * inputs, inputs);
        }
        return x;
    }

    /** @return the side of a square of {@code n} pixels, or 0 when {@code n} is not a square. */
    static int squareSide(int n) {
        int s = (int) Math.round(Math.sqrt(n));
        return s > 0 && s * s == n ? s : 0;
    }

    private static void check(StimulusImage image, int side) {
        if (side < 1) {
            throw new IllegalArgumentException("the output side must be >= 1, got " + side);
        }
        if (image.width() < 1 || image.height() < 1 || image.rgb() == null
                || image.rgb().length != (long) image.width() * image.height()) {
            throw new DataException(image.name(), "a " + image.width() + " x " + image.height() + " image needs "
                    + (long) image.width() * image.height() + " pixels, got "
                    + (image.rgb() == null ? 0 : image.rgb().length));
        }
    }

    /** @return channel {@code c} (0 R, 1 G, 2 B) of a pixel in [0, 1], or its luma for {@code c < 0}. */
    private static double value(int rgb, int c) {
        int r = (rgb >>> 16) & 0xFF;
        int g = (rgb >>> 8) & 0xFF;
        int b = rgb & 0xFF;
        return switch (c) {
            case 0 -> r / 255.0;
            case 1 -> g / 255.0;
            case 2 -> b / 255.0;
            default -> (WR * r + WG * g + WB * b) / 255.0;
        };
    }

    /** Writes channel {@code c} of {@code image}, area-resized to {@code side x side}, into {@code out[at..]}. */
    private static void resize(StimulusImage image, int side, int c, float[] out, int at) {
        int w = image.width();
        int h = image.height();
        int[] rgb = image.rgb();
        if (w % side == 0 && h % side == 0) {
            // Exact block means: the sum of the block's fx * fy values, divided once.
            int fx = w / side;
            int fy = h / side;
            double count = (double) fx * fy;
            for (int i = 0; i < side; i++) {
                for (int j = 0; j < side; j++) {
                    double s = 0;
                    for (int r = i * fy; r < (i + 1) * fy; r++) {
                        for (int k = j * fx; k < (j + 1) * fx; k++) {
                            s += value(rgb[r * w + k], c);
                        }
                    }
                    out[at + i * side + j] = (float) (s / count);
                }
            }
            return;
        }
        // Area weights: output j spans input [j n / m, (j + 1) n / m) for n inputs and m = side outputs. Scaled by m,
        // the overlap of input pixel k = [k, k + 1) with it is the integer min((k+1) m, (j+1) n) - max(k m, j n), and
        // the weights of one output sum to n. Rows are reduced first (h x side), then columns.
        double[] rows = new double[h * side];
        for (int r = 0; r < h; r++) {
            for (int j = 0; j < side; j++) {
                double s = 0;
                for (int k = (int) ((long) j * w / side); k < w && (long) k * side < (long) (j + 1) * w; k++) {
                    s += overlap(k, j, w, side) * value(rgb[r * w + k], c);
                }
                rows[r * side + j] = s;
            }
        }
        double total = (double) w * h;
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                double s = 0;
                for (int r = (int) ((long) i * h / side); r < h && (long) r * side < (long) (i + 1) * h; r++) {
                    s += overlap(r, i, h, side) * rows[r * side + j];
                }
                out[at + i * side + j] = (float) (s / total);
            }
        }
    }

    /** @return side times the overlap of input pixel {@code k} of {@code n} with output {@code j} of {@code m}. */
    private static long overlap(int k, int j, int n, int m) {
        long lo = Math.max((long) k * m, (long) j * n);
        long hi = Math.min((long) (k + 1) * m, (long) (j + 1) * n);
        return Math.max(hi - lo, 0);
    }
}
