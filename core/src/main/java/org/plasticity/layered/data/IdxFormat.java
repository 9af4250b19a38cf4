package org.plasticity.layered.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.plasticity.DataException;

/**
 * Reader of the IDX files MNIST and Fashion-MNIST ship in (layout of http://yann.lecun.com/exdb/mnist/): a big-endian
 * magic number {@code 0x0000TTDD} (TT data type, 0x08 = unsigned byte; DD number of dimensions), DD big-endian int32
 * sizes, then the values. Images are {@code 0x00000803} (count x rows x columns), labels {@code 0x00000801} (count).
 *
 * <p>Files may be plain or gzipped; gzip is recognised by its magic bytes {@code 1f 8b}, not the file name, since
 * browsers and tools often decompress while keeping {@code .gz} (or the reverse); gzip data with anything after it
 * is refused (see {@link DataFile}). The header is checked against the length: a truncated download otherwise reads
 * as zeros at the end and a wrong file (labels for images, a float IDX) as noise, both of which silently train a
 * worse network.
 */
public final class IdxFormat {
    /** Magic number of an IDX file of unsigned bytes with three dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with one dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    /** Image height of the standard files (MNIST, Fashion-MNIST). */
    public static final int ROWS = 28;
    /** Image width of the standard files. */
    public static final int COLUMNS = 28;

    private static final int UNSIGNED_BYTE = 0x08;

    private IdxFormat() {
    }

    /**
     * Reads an images file and its labels file into one set, pixels scaled to [0, 1] as {@code value / 255f}, images
     * of any size.
     *
     * @param classes labels must lie in {@code [0, classes)} (10 for MNIST and Fashion-MNIST)
     * @throws DataException naming the file when either is missing, unreadable or inconsistent
     */
    public static Dataset read(Path images, Path labels, String name, int classes) {
        return read(images, labels, name, classes, 0, 0);
    }

    /**
     * As {@link #read(Path, Path, String, int)}, requiring images of {@code rows x columns} pixels (0, 0: any size):
     * a file of other images read as these would silently train on scrambled pixels.
     *
     * <p>Both headers are checked (shape, counts, sizes against the heap) before the values are read, and only the
     * bytes the header announces are decompressed, so a wrong or hostile header fails at once without allocating.
     */
    public static Dataset read(Path images, Path labels, String name, int classes, int rows, int columns) {
        if (classes <= 0) {
            throw new IllegalArgumentException("classes must be positive, got " + classes);
        }
        try (DataFile.Content img = DataFile.open(images); DataFile.Content lab = DataFile.open(labels)) {
            int[] dims = header(images, img, 3, "IDX3 unsigned bytes");
            int[] labelDims = header(labels, lab, 1, "IDX1 unsigned bytes");
            int count = dims[0];
            if ((rows != 0 || columns != 0) && (dims[1] != rows || dims[2] != columns)) {
                throw new DataException(images, "images of " + dims[1] + " x " + dims[2] + " pixels, but " + name
                        + " needs " + rows + " x " + columns);
            }
            if ((long) dims[1] * dims[2] == 0) {
                throw new DataException(images, "images of " + dims[1] + " x " + dims[2] + " pixels");
            }
            if (count == 0) {
                throw new DataException(images, "holds no images (the header's count is 0)");
            }
            long length = (long) count * dims[1] * dims[2];
            // the bytes, then the floats: five bytes per pixel at the peak
            if (length > DataFile.MAX_ARRAY || 5 * length > DataFile.heapBytes()) {
                throw new DataException(images, DataFile.tooLarge("a header of " + count + " x " + dims[1] + " x "
                        + dims[2] + " = " + length + " pixels", "this JVM"));
            }
            // each file against its own header first: a damaged count names the file that holds it
            byte[] pixels = body(images, img, (int) length, "pixel data");
            if (labelDims[0] != count) {
                long announced = labelDims[0];
                // enough to tell a cut or padded labels file; a wrong count needs no gigabyte read to be reported
                long limit = Math.min(announced, count + (1L << 20));
                long found = lab.countUpTo(limit + 1);
                if (found < announced && found <= limit) {
                    throw new DataException(labels, "truncated: expected " + announced + " bytes of label data, found "
                            + found);
                }
                if (found > announced) {
                    throw new DataException(labels, "trailing bytes after the " + announced + " bytes of label data "
                            + "the header announces");
                }
                throw new DataException(labels, labelDims[0] + " labels, but " + images.getFileName() + " holds "
                        + count + " images");
            }
            byte[] labelBytes = body(labels, lab, count, "label data");
            int features = dims[1] * dims[2];
            float[] inputs = new float[pixels.length];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = (pixels[i] & 0xFF) / 255f;
            }
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                int label = labelBytes[i] & 0xFF;
                if (label >= classes) {
                    throw new DataException(labels, "label " + label + " of example " + i + " outside [0, " + classes
                            + ")");
                }
                out[i] = label;
            }
            return new Dataset(name, inputs, out, features, classes);
        } catch (IOException e) {
            throw new DataException(images, "cannot read: " + e, e);
        }
    }

    /**
     * Reads the standard file pair from a directory: {@code train-images-idx3-ubyte} and
     * {@code train-labels-idx1-ubyte} (or {@code t10k-...} when {@code train} is false), each plain or with
     * {@code .gz}, the plain one first. Ten classes, images of 28 x 28 pixels.
     *
     * @throws DataException naming the directory and the names looked for when a file is absent
     */
    public static Dataset readDirectory(Path dir, boolean train, String name) {
        String prefix = train ? "train" : "t10k";
        Path images = find(dir, prefix + "-images-idx3-ubyte");
        Path labels = find(dir, prefix + "-labels-idx1-ubyte");
        return read(images, labels, name, 10, ROWS, COLUMNS);
    }

    private static Path find(Path dir, String base) {
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir, "not a directory (looking for " + base + " or " + base + ".gz)");
        }
        for (String candidate : new String[] {base, base + ".gz"}) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new DataException(dir, "neither " + base + " nor " + base + ".gz found");
    }

    /** Reads and checks the magic number and the sizes; @return the sizes. */
    private static int[] header(Path file, InputStream in, int expectedDims, String kind) throws IOException {
        int expectedMagic = (UNSIGNED_BYTE << 8) | expectedDims;
        byte[] b = new byte[4 + 4 * expectedDims];
        int read = DataFile.readFully(in, b);
        if (read < 4) {
            throw new DataException(file, "truncated: " + read + " bytes, too short for an IDX header");
        }
        int magic = readInt(b, 0);
        if (magic != expectedMagic) {
            String why;
            if ((magic >>> 16) != 0) {
                why = "not an IDX file";
            } else if (((magic >>> 8) & 0xFF) != UNSIGNED_BYTE) {
                why = String.format("data type 0x%02X, expected 0x08 (unsigned byte)", (magic >>> 8) & 0xFF);
            } else {
                why = (magic & 0xFF) + " dimensions, expected " + expectedDims
                        + ((magic & 0xFF) == 1 ? " (a labels file?)" : (magic & 0xFF) == 3 ? " (an images file?)" : "");
            }
            throw new DataException(file, String.format("magic number 0x%08X, expected 0x%08X (%s): %s", magic,
                    expectedMagic, kind, why));
        }
        if (read < b.length) {
            throw new DataException(file, "truncated: header needs " + b.length + " bytes, found " + read);
        }
        int[] dims = new int[expectedDims];
        for (int d = 0; d < expectedDims; d++) {
            dims[d] = readInt(b, 4 + 4 * d);
            if (dims[d] < 0) {
                throw new DataException(file, "dimension " + d + " is negative (" + dims[d] + ")");
            }
        }
        return dims;
    }

    /** Reads exactly the {@code length} bytes the header announced, refusing fewer and any after them. */
    private static byte[] body(Path file, DataFile.Content in, int length, String what) throws IOException {
        byte[] b = new byte[length];
        int found = DataFile.readFully(in, b);
        if (found < length) {
            throw new DataException(file, "truncated: expected " + length + " bytes of " + what + ", found " + found);
        }
        DataFile.requireEnd(file, in, "the " + length + " bytes of " + what + " the header announces");
        return b;
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
