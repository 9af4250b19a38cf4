package org.plasticity.layered.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.plasticity.DataException;

/**
 * Reader of the CIFAR-10 "binary version" ({@code cifar-10-batches-bin/}): files of 3073-byte records, one label
 * byte (0-9) then 3072 pixel bytes, the 1024 red values of the 32 x 32 image row-major, then green, then blue.
 *
 * <p>The format has no header, so the only checks possible are the ones made here: every file a positive whole
 * number of records and every label below 10. They catch the usual mistakes (the Python pickles or the
 * {@code batches.meta.txt} passed instead, a cut download). Pixels keep the file's channel-major order and are scaled
 * by {@code / 255f}. Gzipped files are accepted as well (detected by magic bytes).
 */
public final class Cifar10Format {
    /** Pixel values per image: 3 channels of 32 x 32. */
    public static final int FEATURES = 3 * 32 * 32;
    /** Bytes per record: the label byte and the pixels. */
    public static final int RECORD = 1 + FEATURES;
    /** Number of classes (airplane ... truck). */
    public static final int CLASSES = 10;

    private Cifar10Format() {
    }

    /**
     * Reads and concatenates batch files in the given order.
     *
     * @throws DataException naming the file that is missing, unreadable, of the wrong length or with a bad label
     */
    public static Dataset read(List<Path> batchFiles, String name) {
        // each byte becomes a float: five bytes of heap per byte of the file
        return read(batchFiles, name, Math.min(DataFile.MAX_ARRAY, DataFile.heapBytes() / 5));
    }

    /** As {@link #read(List, String)}, refusing a file that holds (or decompresses to) more than {@code maxBytes}. */
    static Dataset read(List<Path> batchFiles, String name, long maxBytes) {
        if (batchFiles.isEmpty()) {
            throw new DataException(name, "no CIFAR-10 batch files given");
        }
        List<byte[]> contents = new ArrayList<>();
        long records = 0;
        for (Path file : batchFiles) {
            byte[] b = DataFile.readAll(file, maxBytes, "a CIFAR-10 batch");
            if (b.length == 0 || b.length % RECORD != 0) {
                throw new DataException(file, "length " + b.length + " bytes is not a positive multiple of the "
                        + RECORD + "-byte CIFAR-10 record (" + (b.length / RECORD) + " records and "
                        + (b.length % RECORD) + " bytes)");
            }
            for (int r = 0, at = 0; at < b.length; r++, at += RECORD) {
                int label = b[at] & 0xFF;
                if (label >= CLASSES) {
                    throw new DataException(file, "label " + label + " of record " + r + " outside [0, " + CLASSES
                            + ")");
                }
            }
            contents.add(b);
            records += b.length / RECORD;
        }
        if (records * FEATURES > DataFile.MAX_ARRAY) {
            throw new DataException(name, records + " records are too many to hold in one array");
        }
        if (records * RECORD * 5 > DataFile.heapBytes()) {
            throw new DataException(name, DataFile.tooLarge(records + " records", "this JVM"));
        }
        float[] inputs = new float[(int) records * FEATURES];
        int[] labels = new int[(int) records];
        int example = 0;
        for (byte[] b : contents) {
            for (int at = 0; at < b.length; at += RECORD, example++) {
                labels[example] = b[at] & 0xFF;
                int base = example * FEATURES;
                for (int j = 0; j < FEATURES; j++) {
                    inputs[base + j] = (b[at + 1 + j] & 0xFF) / 255f;
                }
            }
        }
        return new Dataset(name, inputs, labels, FEATURES, CLASSES);
    }

    /**
     * Reads the training ({@code data_batch_1.bin} .. {@code data_batch_5.bin}, 50000 images) or test
     * ({@code test_batch.bin}, 10000 images) set from {@code dir}, which is {@code cifar-10-batches-bin/} itself or the
     * directory the archive was unpacked in. Named {@code cifar-10/train} or {@code cifar-10/test}.
     *
     * @throws DataException naming the directory and the files missing from it
     */
    public static Dataset readDirectory(Path dir, boolean train) {
        Path nested = dir.resolve("cifar-10-batches-bin");
        Path base = Files.isDirectory(nested) ? nested : dir;
        List<String> names = new ArrayList<>();
        if (train) {
            for (int i = 1; i <= 5; i++) {
                names.add("data_batch_" + i + ".bin");
            }
        } else {
            names.add("test_batch.bin");
        }
        List<Path> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            Path p = base.resolve(n);
            files.add(p);
            if (!Files.isRegularFile(p)) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            throw new DataException(base, (Files.isDirectory(base) ? "missing " : "not a directory; looked for ")
                    + String.join(", ", missing) + " (the CIFAR-10 binary version, cifar-10-batches-bin/)");
        }
        return read(files, train ? "cifar-10/train" : "cifar-10/test");
    }
}
