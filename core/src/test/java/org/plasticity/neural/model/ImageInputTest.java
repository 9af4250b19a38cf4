package org.plasticity.neural.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.plasticity.neural.data.StimulusImage;
import org.plasticity.numeric.Npy;

/**
 * The image-to-input conversion against numpy (tools/fixtures/checkpoint_fixtures.py computes the expected inputs of
 * its PNGs independently: block means by reshape, other sizes through the integral of the image) and the 4 x 4 block
 * rule of the issue, checked pixel by pixel.
 */
class ImageInputTest {
    private static final Path DIR = Path.of("src/test/resources/fixtures/checkpoint");

    static StimulusImage png(String name) throws IOException {
        BufferedImage im = ImageIO.read(DIR.resolve(name + ".png").toFile());
        int w = im.getWidth();
        int h = im.getHeight();
        int[] rgb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                rgb[y * w + x] = im.getRGB(x, y) & 0xFFFFFF;
            }
        }
        return new StimulusImage(name + ".png", w, h, rgb);
    }

    /** Equal to numpy's float64 value once rounded to float: within one float ulp. */
    private static void assertNear(double[] want, float[] got, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < got.length; i++) {
            assertEquals(want[i], got[i], Math.ulp((float) want[i]), what + " at " + i);
        }
    }

    @Test
    void greyAndColourEqualNumpysOnEveryFixture() throws IOException {
        for (String name : List.of("noise112", "odd37x50", "tiny7x9")) {
            StimulusImage im = png(name);
            assertNear(Npy.read(DIR.resolve(name + "_grey28.npy")).values(), ImageInput.grey(im, 28), name + " grey");
            assertNear(Npy.read(DIR.resolve(name + "_colour32.npy")).values(), ImageInput.colour(im, 32),
                    name + " colour");
        }
        assertEquals(112, png("noise112").width());
        assertEquals(50, png("odd37x50").width());
        assertEquals(37, png("odd37x50").height());
    }

    /** 112 x 112 -> 28 x 28: each output the mean of its 4 x 4 block, and of nothing else. */
    @Test
    void fourByFourBlocks() {
        int[] rgb = new int[112 * 112];
        rgb[50 * 112 + 77] = 0xFFFFFF; // one white pixel in block (12, 19)
        float[] g = ImageInput.grey(new StimulusImage("dot", 112, 112, rgb), 28);
        for (int i = 0; i < 28; i++) {
            for (int j = 0; j < 28; j++) {
                assertEquals(i == 12 && j == 19 ? 1f / 16 : 0f, g[i * 28 + j], 0f, i + "," + j);
            }
        }
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = r.nextInt(1 << 24);
        }
        g = ImageInput.grey(new StimulusImage("noise", 112, 112, rgb), 28);
        for (int i = 0; i < 28; i++) {
            for (int j = 0; j < 28; j++) {
                double s = 0;
                for (int dx = 3; dx >= 0; dx--) { // another order than the code's
                    for (int dy = 3; dy >= 0; dy--) {
                        int p = rgb[(4 * i + dy) * 112 + 4 * j + dx];
                        s += (0.299 * (p >>> 16) + 0.587 * ((p >>> 8) & 0xFF) + 0.114 * (p & 0xFF)) / 255;
                    }
                }
                assertEquals(s / 16, g[i * 28 + j], Math.ulp((float) (s / 16)));
            }
        }
    }

    @Test
    void lumaWeightsAndRange() {
        int[] rgb = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF};
        float[] g = ImageInput.grey(new StimulusImage("rgbw", 4, 1, rgb), 1);
        assertEquals((0.299 + 0.587 + 0.114 + 1) / 4, g[0], 1e-7);
        float[] same = ImageInput.grey(new StimulusImage("rgbw", 2, 2, rgb), 2);
        assertArrayEquals(new float[] {0.299f, 0.587f, 0.114f, 1f}, same, 1e-7f);
        float[] c = ImageInput.colour(new StimulusImage("rgbw", 2, 2, rgb), 2);
        assertArrayEquals(new float[] {1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1}, c, 0f, "channel-major R, G, B planes");
    }

    /** A constant image stays constant through any resize, up or down, integral or not. */
    @Test
    void constantImagesStayConstant() {
        for (int[] wh : new int[][] {{37, 50}, {5, 3}, {28, 28}, {100, 29}}) {
            int[] rgb = new int[wh[0] * wh[1]];
            java.util.Arrays.fill(rgb, 0x336699);
            float[] g = ImageInput.grey(new StimulusImage("c", wh[0], wh[1], rgb), 28);
            double v = (0.299 * 0x33 + 0.587 * 0x66 + 0.114 * 0x99) / 255;
            for (float x : g) {
                assertEquals(v, x, 1e-6);
            }
        }
    }

    @Test
    void forInputsPicksGreyOrColourAndRefusesOtherCounts() throws IOException {
        StimulusImage im = png("odd37x50");
        float[] x = ImageInput.forInputs(List.of(im, im), 784);
        assertEquals(2 * 784, x.length);
        assertArrayEquals(ImageInput.grey(im, 28), java.util.Arrays.copyOfRange(x, 784, 1568));
        assertArrayEquals(ImageInput.colour(im, 32), ImageInput.forInputs(List.of(im), 3072));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageInput.forInputs(List.of(im), 2));
        assertTrue(e.getMessage().contains("2 inputs are no image"), e.getMessage());
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
                () -> new StimulusImage("short.png", 4, 4, new int[15]));
        assertTrue(d.getMessage().contains("short.png"), d.getMessage());
    }
}
