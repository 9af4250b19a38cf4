package org.plasticity.neural.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plasticity.neural.data.Fixture.fails;
import static org.plasticity.neural.data.Fixture.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.numeric.Npy;

/**
 * Stimulus images from tools/fixtures/neural_data_fixtures.py: the same six images in a folder and in a zip, with
 * files that must be ignored (a dot-file, __MACOSX, a .txt), one image in a subfolder, names in mixed case and sizes
 * that differ. PNG pixels are known exactly; JPEG pixels are compared with PIL's decode of the same file.
 */
class StimulusFilesTest {
    /** The fixture's RGB image, 3 wide and 2 high, row-major. */
    private static final int[] RGB = {0xFF0000, 0x00FF00, 0x0000FF, 0x112233, 0x808080, 0xFAFBFC};
    /**
     * JPEG decoders may legitimately differ: the standard (ITU-T T.81) fixes the inverse DCT only to an accuracy
     * (IEEE 1180) and leaves chroma upsampling to the decoder, so libjpeg builds and other decoders round a few pixels
     * differently. Java's decoder and PIL's libjpeg-turbo give identical pixels on these fixtures (and on all 640 V4
     * images, checked once by hand), but the committed PIL decode must survive another JDK; a wrong colour
     * conversion, channel order or row order is off by tens, far beyond this.
     */
    private static final int JPEG_TOLERANCE = 2;

    @TempDir
    Path tmp;

    private static void assertImages(List<StimulusImage> images) {
        // String.compareTo order: upper case before lower case; e_rgba.png comes from a subfolder.
        assertEquals(List.of("B_grey.PNG", "a_grey.jpeg", "c_photo.JPG", "d_rgb.png", "e_rgba.png", "f_palette.png"),
                images.stream().map(StimulusImage::name).toList());
        // Grey 2 x 2 PNG with stored values 0, 64, 128, 255: r = g = b = the stored value.
        assertArrayEquals(new int[] {0x000000, 0x404040, 0x808080, 0xFFFFFF}, images.get(0).rgb());
        assertEquals(2, images.get(0).width());
        assertEquals(8, images.get(1).width());
        assertEquals(16, images.get(2).height());
        StimulusImage rgb = images.get(3);
        assertEquals(3, rgb.width());
        assertEquals(2, rgb.height());
        assertArrayEquals(RGB, rgb.rgb());
        assertEquals(0x112233, rgb.pixel(0, 1));
        assertArrayEquals(RGB, images.get(4).rgb(), "RGBA: alpha (128) dropped, colours kept");
        assertArrayEquals(RGB, images.get(5).rgb(), "indexed PNG");
        assertJpeg(images.get(2), "pil_c_photo.npy");
        assertJpeg(images.get(1), "pil_a_grey.npy");
    }

    private static void assertJpeg(StimulusImage image, String pil) {
        Npy.Array expected = Npy.read(file(pil)); // height x width x 3, uint8
        assertArrayEquals(new int[] {image.height(), image.width(), 3}, expected.shape());
        int worst = 0;
        for (int p = 0; p < image.rgb().length; p++) {
            for (int c = 0; c < 3; c++) {
                int ours = image.rgb()[p] >> (16 - 8 * c) & 0xFF;
                worst = Math.max(worst, Math.abs(ours - (int) expected.values()[p * 3 + c]));
            }
        }
        assertTrue(worst <= JPEG_TOLERANCE, image.name() + ": off PIL's decode by up to " + worst);
    }

    @Test
    void folderReadsImagesInNameOrder() {
        assertImages(StimulusFiles.read(file("images")));
    }

    @Test
    void zipReadsTheSameAsTheFolder() {
        assertImages(StimulusFiles.read(file("images.zip")));
    }

    @Test
    void zipWithBackslashesAndSixteenBitGrey() {
        List<StimulusImage> images = StimulusFiles.read(file("images_windows.zip"));
        assertEquals(List.of("a.png", "b_grey16.png"), images.stream().map(StimulusImage::name).toList());
        assertArrayEquals(RGB, images.get(0).rgb());
        // Stored 0, 64, 128, 255 times 257 in 16 bits: scaled back to 8 bits exactly.
        assertArrayEquals(new int[] {0x000000, 0x404040, 0x808080, 0xFFFFFF}, images.get(1).rgb());
    }

    @Test
    void unusableSourcesAreOneLineErrors() {
        fails(file("images_empty.zip"), "holds no images", () -> StimulusFiles.read(file("images_empty.zip")));
        fails(file("images_bad.zip"), "b_broken.png", () -> StimulusFiles.read(file("images_bad.zip")));
        fails(file("images_not_zip.zip"), "neither a folder nor a readable zip",
                () -> StimulusFiles.read(file("images_not_zip.zip")));
        fails(file("no_images"), "no such file or folder", () -> StimulusFiles.read(file("no_images")));
    }

    @Test
    void twoImagesWithOneNameAreAmbiguous() throws IOException {
        Path png = file("images/d_rgb.png");
        Files.createDirectories(tmp.resolve("a"));
        Files.createDirectories(tmp.resolve("b"));
        Files.copy(png, tmp.resolve("a/x.png"));
        Files.copy(png, tmp.resolve("b/x.png"));
        fails(tmp, "two images named x.png", () -> StimulusFiles.read(tmp));
    }

    @Test
    void anEmptyFolderHasNoImages() {
        fails(tmp, "holds no images", () -> StimulusFiles.read(tmp));
    }
}
