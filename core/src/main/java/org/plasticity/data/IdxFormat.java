package org.plasticity.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reader of the IDX files MNIST and Fashion-MNIST ship in (layout of http://yann.lecun.com/exdb/mnist/): a big-endian
 * magic number {@code 0x0000TTDD} (TT data type, 0x08 = unsigned byte; DD number of dimensions), DD big-endian int32
 * sizes, then the values. Images are {@code 0x00000803} (count x rows x columns), labels {@code 0x00000801} (count).
 *
 * <p>Files may be plain or gzipped; gzip is recognised by its magic bytes {@code 1f 8b}, not the file name, since
 * browsers and tools often decompress while keeping {@code .gz} (or the reverse). Each file is read whole, and the
 * header is checked against the length: a truncated download otherwise reads as zeros at the end and a wrong file
 * (labels for images, a float IDX) as noise, both of which silently train a worse network.
 */
public final class IdxFormat {
    /** Magic number of an IDX file of unsigned bytes with three dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with one dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int UNSIGNED_BYTE = 0x08;

    private IdxFormat() {
    }

    /**
     * Reads an images file and its labels file into one set, pixels scaled to [0, 1] as {@code value / 255f}.
     *
     * @param classes labels must lie in {@code [0, classes)} (10 for MNIST and Fashion-MNIST)
     * @throws DataException naming the file when either is missing, unreadable or inconsistent
     */
    public static Dataset read(Path images, Path labels, String name, int classes) {
        if (classes <= 0) {
            throw new IllegalArgumentException("classes must be positive, got " + classes);
        }
        Idx img = parse(images, 3, "IDX3 unsigned bytes", "pixel data");
        Idx lab = parse(labels, 1, "IDX1 unsigned bytes", "label data");
        int count = img.dims[0];
        if (lab.dims[0] != count) {
            throw new DataException(labels, lab.dims[0] + " labels, but " + images.getFileName() + " holds " + count
                    + " images");
        }
        int features = Math.multiplyExact(img.dims[1], img.dims[2]);
        if (features == 0) {
            throw new DataException(images, "images of " + img.dims[1] + " x " + img.dims[2] + " pixels");
        }
        float[] inputs = new float[img.length];
        byte[] b = img.bytes;
        for (int i = 0, p = img.offset; i < inputs.length; i++, p++) {
            inputs[i] = (b[p] & 0xFF) / 255f;
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int label = lab.bytes[lab.offset + i] & 0xFF;
            if (label >= classes) {
                throw new DataException(labels, "label " + label + " of example " + i + " outside [0, " + classes
                        + ")");
            }
            out[i] = label;
        }
        return new Dataset(name, inputs, out, features, classes);
    }

    /**
     * Reads the standard file pair from a directory: {@code train-images-idx3-ubyte} and
     * {@code train-labels-idx1-ubyte} (or {@code t10k-...} when {@code train} is false), each plain or with
     * {@code .gz}, the plain one first. Ten classes.
     *
     * @throws DataException naming the directory and the names looked for when a file is absent
     */
    public static Dataset readDirectory(Path dir, boolean train, String name) {
        String prefix = train ? "train" : "t10k";
        Path images = find(dir, prefix + "-images-idx3-ubyte");
        Path labels = find(dir, prefix + "-labels-idx1-ubyte");
        return read(images, labels, name, 10);
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

    /** A parsed header: the whole (decompressed) file, the sizes, where the values start and how many there are. */
    private record Idx(byte[] bytes, int[] dims, int offset, int length) {
    }

    private static Idx parse(Path file, int expectedDims, String kind, String what) {
        byte[] b = readAll(file);
        int expectedMagic = (UNSIGNED_BYTE << 8) | expectedDims;
        if (b.length < 4) {
            throw new DataException(file, "truncated: " + b.length + " bytes, too short for an IDX header");
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
        int header = 4 + 4 * expectedDims;
        if (b.length < header) {
            throw new DataException(file, "truncated: header needs " + header + " bytes, found " + b.length);
        }
        int[] dims = new int[expectedDims];
        for (int d = 0; d < expectedDims; d++) {
            dims[d] = readInt(b, 4 + 4 * d);
            if (dims[d] < 0) {
                throw new DataException(file, "dimension " + d + " is negative (" + dims[d] + ")");
            }
        }
        long length = product(dims);
        long found = b.length - header;
        if (found < length) {
            throw new DataException(file, "truncated: expected " + length + " bytes of " + what + ", found " + found);
        }
        if (found > length) {
            throw new DataException(file, (found - length) + " trailing bytes after the " + length + " bytes of "
                    + what + " the header announces");
        }
        return new Idx(b, dims, header, (int) length);
    }

    /** Product of non-negative sizes, saturating at {@code Long.MAX_VALUE} (then surely more than the file holds). */
    private static long product(int[] dims) {
        long p = 1;
        for (int d : dims) {
            if (d == 0) {
                return 0;
            }
            p = p > Long.MAX_VALUE / d ? Long.MAX_VALUE : p * d;
        }
        return p;
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    /**
     * Reads a whole file, gunzipping it when it starts with the gzip magic bytes. Shared by the readers of this
     * package so that all of them accept compressed files and report I/O failures the same way.
     *
     * @throws DataException naming the file when it is missing, unreadable or corrupt gzip
     */
    static byte[] readAll(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataException(file, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new DataException(file, "permission denied", e);
        } catch (IOException e) {
            throw new DataException(file, "cannot read: " + e, e);
        }
        if (raw.length < 2 || (raw[0] & 0xFF) != 0x1f || (raw[1] & 0xFF) != 0x8b) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw), 1 << 16)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DataException(file, "corrupt gzip data (" + e.getMessage() + ")", e);
        }
    }
}
