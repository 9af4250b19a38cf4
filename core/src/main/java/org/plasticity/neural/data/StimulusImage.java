package org.plasticity.neural.data;

/**
 * One stimulus image, decoded: {@code width x height} pixels, each packed {@code 0xRRGGBB} (8 bits per channel, sRGB
 * as stored in the file), row-major from the top-left. Grey images have r = g = b; transparency is dropped.
 *
 * @param name the image's file name, e.g. {@code image0001.jpg}
 * @param rgb the pixels; kept, not copied
 */
public record StimulusImage(String name, int width, int height, int[] rgb) {
    public StimulusImage {
        if (width < 1 || height < 1 || (long) width * height != rgb.length) {
            throw new IllegalArgumentException("image " + name + ": " + width + " x " + height + " does not match "
                    + rgb.length + " pixels");
        }
    }

    /** @return the pixel in column {@code x}, row {@code y} (0 = top), as {@code 0xRRGGBB}. */
    public int pixel(int x, int y) {
        return rgb[y * width + x];
    }
}
