package org.plasticity.neural.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.plasticity.DataException;

/**
 * Stimulus images from a {@code .zip} file or a folder: every {@code .jpg}, {@code .jpeg} and {@code .png} (any case)
 * in it or its subfolders, in the order of their file names ({@link String#compareTo}, so {@code image0001.jpg}
 * before {@code image0002.jpg}: stimulus k of a recording is image k in that order). Other files, dot-files and
 * macOS's {@code __MACOSX} folders are ignored. Images may differ in size (models resize them).
 */
public final class StimulusFiles {
    private StimulusFiles() {}

    /** One image file found: its name (the sort key), where it is (for messages) and how to open it. */
    private record Item(String name, String where, Opener opener) {}

    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * Reads and decodes every image; no image, an image that cannot be decoded (named), two images with the same
     * file name, or a file that is neither a folder nor a zip is a one-line {@link DataException}.
     */
    public static List<StimulusImage> read(Path zipOrFolder) {
        if (Files.isDirectory(zipOrFolder)) {
            return decode(zipOrFolder, folder(zipOrFolder));
        }
        if (!Files.isRegularFile(zipOrFolder)) {
            throw new DataException(zipOrFolder, "no such file or folder");
        }
        try (ZipFile zip = new ZipFile(zipOrFolder.toFile())) {
            List<Item> items = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory() && isImage(entry.getName())) {
                    items.add(new Item(fileName(entry.getName()), entry.getName(), () -> zip.getInputStream(entry)));
                }
            }
            return decode(zipOrFolder, items);
        } catch (ZipException e) {
            throw new DataException(zipOrFolder, "neither a folder nor a readable zip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new DataException(zipOrFolder, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static List<Item> folder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> isImage(dir.relativize(p).toString()))
                    .map(p -> new Item(p.getFileName().toString(), dir.relativize(p).toString(),
                            () -> Files.newInputStream(p)))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DataException(dir, "cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    /** @param path a relative path, slashes or backslashes between folders (zips made on Windows may use either) */
    private static boolean isImage(String path) {
        for (String part : path.split("[/\\\\]")) {
            if (part.startsWith(".") || part.equals("__MACOSX")) {
                return false;
            }
        }
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".png");
    }

    private static String fileName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    private static List<StimulusImage> decode(Path source, List<Item> found) {
        if (found.isEmpty()) {
            throw new DataException(source, "holds no images (.jpg, .jpeg or .png)");
        }
        List<Item> items = new ArrayList<>(found);
        items.sort(Comparator.comparing(Item::name));
        List<StimulusImage> images = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (i > 0 && item.name().equals(items.get(i - 1).name())) {
                throw new DataException(source, "holds two images named " + item.name() + " (" + items.get(i - 1)
                        .where() + " and " + item.where() + "): their order is ambiguous");
            }
            images.add(decode(source, item));
        }
        return images;
    }

    private static StimulusImage decode(Path source, Item item) {
        BufferedImage img;
        try (InputStream in = new BufferedInputStream(item.opener().open(), 1 << 16)) {
            // A memory cache, not ImageIO's default temporary files: images are small and read once. ImageIO.read
            // closes the cache stream itself, except when no reader claims the image (null).
            ImageInputStream iis = new MemoryCacheImageInputStream(in);
            img = ImageIO.read(iis);
            if (img == null) {
                iis.close();
            }
        } catch (IOException | RuntimeException e) {
            throw new DataException(source, item.where() + ": image cannot be decoded (" + e.getMessage() + ")", e);
        }
        if (img == null) {
            throw new DataException(source, item.where() + ": not a decodable JPEG or PNG image");
        }
        return new StimulusImage(item.name(), img.getWidth(), img.getHeight(), rgb(img));
    }

    /**
     * The pixels as stored. Grey images are read from the raster: {@link BufferedImage#getRGB} would treat their
     * samples as linear grey and gamma-encode them (a stored 128 would come back as about 186), whereas a grey PNG or
     * JPEG stores display values, which image libraries such as PIL copy to r = g = b unchanged.
     */
    static int[] rgb(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] out = new int[w * h];
        ColorModel cm = img.getColorModel();
        if (cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(cm instanceof IndexColorModel)) {
            Raster r = img.getRaster();
            int max = (1 << cm.getComponentSize(0)) - 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int g = (int) Math.round(r.getSample(x, y, 0) * 255.0 / max);
                    out[y * w + x] = g * 0x010101;
                }
            }
        } else {
            img.getRGB(0, 0, w, h, out, 0, w);
            for (int i = 0; i < out.length; i++) {
                out[i] &= 0xFFFFFF;
            }
        }
        return out;
    }
}
