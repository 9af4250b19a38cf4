package org.plasticity.layered.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.DataException;

class IdxFormatTest {
    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    /** Three 2 x 3 images covering the byte range's edges, and their labels. */
    private static final byte[] PIXELS = bytes(0, 1, 127, 128, 254, 255, 10, 20, 30, 40, 50, 60, 255, 0, 255, 0, 3, 7);
    private static final byte[] LABELS = bytes(0, 9, 4);

    @TempDir
    Path dir;

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteBuffer buf = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        buf.putInt(magic);
        for (int d : dims) {
            buf.putInt(d);
        }
        return buf.put(data).array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /** Asserts a one-line {@link DataException} naming {@code file} and containing every fragment. */
    static DataException assertDataError(Executable read, Path file, String... fragments) {
        DataException e = assertThrows(DataException.class, read);
        String m = e.getMessage();
        assertFalse(m.contains("\n") || m.contains("\r"), "one line: " + m);
        assertTrue(m.contains(file.getFileName().toString()), "names " + file.getFileName() + ": " + m);
        assertTrue(m.startsWith(e.source() + ": "), m);
        for (String f : fragments) {
            assertTrue(m.contains(f), "contains '" + f + "': " + m);
        }
        return e;
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private Path images(byte[] content) throws IOException {
        return write("images", content);
    }

    private Path labels(byte[] content) throws IOException {
        return write("labels", content);
    }

    private static byte[] goodImages() {
        return idx(0x803, new int[] {3, 2, 3}, PIXELS);
    }

    private static byte[] goodLabels() {
        return idx(0x801, new int[] {3}, LABELS);
    }

    private static void assertGood(Dataset d, String name) {
        assertEquals(name, d.name());
        assertEquals(3, d.size());
        assertEquals(6, d.features());
        assertEquals(10, d.classes());
        assertArrayEquals(new int[] {0, 9, 4}, d.labels());
        for (int i = 0; i < PIXELS.length; i++) {
            assertEquals((PIXELS[i] & 0xFF) / 255f, d.inputs()[i], 0f, "pixel " + i);
        }
        assertEquals(0f, d.inputs()[0]);
        assertEquals(1f, d.inputs()[5]);
    }

    @Test
    void readsPlainFiles() throws IOException {
        assertGood(IdxFormat.read(images(goodImages()), labels(goodLabels()), "s", 10), "s");
    }

    @Test
    void detectsGzipByContentNotName() throws IOException {
        Path img = write("images.bin", gzip(goodImages()));
        Path lab = write("labels.gz", goodLabels());
        assertGood(IdxFormat.read(img, lab, "g", 10), "g");
    }

    /** Three 28 x 28 images: {@link #PIXELS} repeated. */
    static byte[] standardImages() {
        byte[] b = new byte[3 * 28 * 28];
        for (int i = 0; i < b.length; i++) {
            b[i] = PIXELS[i % PIXELS.length];
        }
        return idx(0x803, new int[] {3, 28, 28}, b);
    }

    @Test
    void readsStandardNamesFromDirectory() throws IOException {
        write("train-images-idx3-ubyte.gz", gzip(standardImages()));
        write("train-labels-idx1-ubyte", goodLabels());
        write("t10k-images-idx3-ubyte", standardImages());
        write("t10k-labels-idx1-ubyte.gz", gzip(goodLabels()));
        for (Dataset d : new Dataset[] {IdxFormat.readDirectory(dir, true, "train"),
            IdxFormat.readDirectory(dir, false, "test")}) {
            assertEquals(3, d.size());
            assertEquals(784, d.features());
            assertArrayEquals(new int[] {0, 9, 4}, d.labels());
            assertEquals((PIXELS[784 % PIXELS.length] & 0xFF) / 255f, d.inputs()[784], 0f);
        }
    }

    @Test
    void directoryImagesOfAnotherShapeAreRejected() throws IOException {
        byte[] pixels = Arrays.copyOfRange(standardImages(), 16, 16 + 3 * 784);
        Path img = write("train-images-idx3-ubyte", idx(0x803, new int[] {3, 14, 56}, pixels));
        write("train-labels-idx1-ubyte", goodLabels());
        assertDataError(() -> IdxFormat.readDirectory(dir, true, "mnist/train"), img,
                "images of 14 x 56 pixels, but mnist/train needs 28 x 28");
    }

    @Test
    void emptySetIsRejected() throws IOException {
        Path img = images(idx(0x803, new int[] {0, 2, 3}, new byte[0]));
        Path lab = labels(idx(0x801, new int[] {0}, new byte[0]));
        assertDataError(() -> IdxFormat.read(img, lab, "x", 10), img, "no images");
    }

    @Test
    void gzipWithTrailingGarbageIsRejected() throws IOException {
        byte[] gz = gzip(goodImages());
        Path lab = labels(goodLabels());
        Path img = images(concat(gz, bytes('j', 'u', 'n', 'k', 0, 0, 0)));
        assertDataError(() -> IdxFormat.read(img, lab, "x", 10), img, "7 bytes of trailing garbage after the gzip");
        Path one = images(concat(gz, bytes(0x1f)));
        assertDataError(() -> IdxFormat.read(one, lab, "x", 10), one, "1 byte of trailing garbage");
    }

    @Test
    void concatenatedGzipMembersAreOneFile() throws IOException {
        byte[] good = goodImages();
        Path img = images(concat(gzip(Arrays.copyOf(good, 7)), gzip(Arrays.copyOfRange(good, 7, good.length))));
        assertGood(IdxFormat.read(img, labels(goodLabels()), "s", 10), "s");
    }

    @Test
    void gzipChecksumMismatchIsRejected() throws IOException {
        byte[] gz = gzip(goodImages());
        gz[gz.length - 8] ^= 1; // the stored CRC-32
        Path img = images(gz);
        assertDataError(() -> IdxFormat.read(img, labels(goodLabels()), "x", 10), img, "corrupt gzip data",
                "CRC-32");
    }

    @Test
    void hugeHeaderIsRejectedBeforeAllocating() throws IOException {
        Path lab = labels(idx(0x801, new int[] {100_000_000}, new byte[0]));
        Path img = images(idx(0x803, new int[] {100_000_000, 28, 28}, new byte[0]));
        assertDataError(() -> IdxFormat.read(img, lab, "x", 10), img, "78400000000 pixels", "too large",
                "-Xmx");
    }

    /**
     * A gzip bomb: a valid header for three images, then 3 GB of zeros in a 3 MB file. Decompressing it whole used to
     * end in an OutOfMemoryError; only the announced bytes and a bounded look past them are decompressed now.
     */
    @Test
    void gzipBombStopsAfterTheAnnouncedBytes() throws IOException {
        Path img = images(gzipBomb(goodImages(), 3000));
        long t0 = System.nanoTime();
        assertDataError(() -> IdxFormat.read(img, labels(goodLabels()), "x", 10), img,
                "more than 1048576 trailing bytes after the 18 bytes of pixel data");
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "stops early");
    }

    /** Gzip of {@code prefix} then {@code megabytes} MB of zeros, built from one repeated deflate block. */
    static byte[] gzipBomb(byte[] prefix, int megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff));
        java.util.zip.Deflater d = new java.util.zip.Deflater(9, true);
        byte[] chunk = new byte[1 << 20];
        out.write(deflate(d, prefix));
        out.write(deflate(d, chunk));
        // after a megabyte of zeros, a block of a megabyte of zeros compresses the same wherever it stands
        byte[] zeros = deflate(d, chunk);
        for (int i = 2; i < megabytes; i++) {
            out.write(zeros);
        }
        d.finish();
        byte[] tail = new byte[64];
        out.write(tail, 0, d.deflate(tail));
        d.end();
        out.write(new byte[8]); // CRC and length, never reached
        return out.toByteArray();
    }

    private static byte[] deflate(java.util.zip.Deflater d, byte[] data) {
        d.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        int n;
        do {
            n = d.deflate(buf, 0, buf.length, java.util.zip.Deflater.SYNC_FLUSH);
            out.write(buf, 0, n);
        } while (n == buf.length);
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void missingStandardFileNamesDirectoryAndNames() throws IOException {
        write("train-images-idx3-ubyte", goodImages());
        assertDataError(() -> IdxFormat.readDirectory(dir, true, "x"), dir, "train-labels-idx1-ubyte",
                "train-labels-idx1-ubyte.gz");
        assertDataError(() -> IdxFormat.readDirectory(dir.resolve("nope"), true, "x"), dir.resolve("nope"),
                "not a directory");
    }

    @Test
    void missingFileIsDataException() throws IOException {
        Path lab = labels(goodLabels());
        Path absent = dir.resolve("absent-images");
        assertDataError(() -> IdxFormat.read(absent, lab, "x", 10), absent, "not found");
    }

    @Test
    void wrongMagicNamesBothNumbers() throws IOException {
        Path img = images(goodLabels());
        Path lab = labels(goodLabels());
        assertDataError(() -> IdxFormat.read(img, lab, "x", 10), img, "magic number 0x00000801, expected 0x00000803",
                "labels file");
        Path notIdx = images(bytes(0x50, 0x4b, 3, 4, 0, 0, 0, 0));
        assertDataError(() -> IdxFormat.read(notIdx, lab, "x", 10), notIdx, "magic number 0x504B0304",
                "not an IDX file");
    }

    @Test
    void wrongDataTypeIsRejected() throws IOException {
        Path img = images(idx(0xD03, new int[] {3, 2, 3}, new byte[72]));
        Path lab = labels(goodLabels());
        assertDataError(() -> IdxFormat.read(img, lab, "x", 10), img, "data type 0x0D", "expected 0x08");
    }

    @Test
    void wrongDimensionsAreRejected() throws IOException {
        Path img = images(idx(0x804, new int[] {3, 2, 3, 1}, PIXELS));
        Path lab = labels(goodLabels());
        assertDataError(() -> IdxFormat.read(img, lab, "x", 10), img,
                "magic number 0x00000804, expected 0x00000803 (IDX3 unsigned bytes)", "4 dimensions, expected 3");
        Path lab2 = labels(idx(0x802, new int[] {3, 1}, LABELS));
        Path img2 = images(goodImages());
        assertDataError(() -> IdxFormat.read(img2, lab2, "x", 10), lab2, "2 dimensions, expected 1");
    }

    @Test
    void truncatedPixelDataIsRejected() throws IOException {
        byte[] good = goodImages();
        Path img = images(gzip(Arrays.copyOf(good, good.length - 1)));
        Path lab = labels(goodLabels());
        assertDataError(() -> IdxFormat.read(img, lab, "x", 10), img,
                "truncated: expected 18 bytes of pixel data, found 17");
        Path header = images(Arrays.copyOf(good, 10));
        assertDataError(() -> IdxFormat.read(header, lab, "x", 10), header, "truncated", "header");
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        byte[] good = goodImages();
        Path img = images(Arrays.copyOf(good, good.length + 2));
        Path lab = labels(goodLabels());
        assertDataError(() -> IdxFormat.read(img, lab, "x", 10), img, "2 trailing bytes", "18 bytes of pixel data");
    }

    @Test
    void labelOutOfRangeIsRejected() throws IOException {
        Path img = images(goodImages());
        Path lab = labels(idx(0x801, new int[] {3}, bytes(0, 10, 1)));
        assertDataError(() -> IdxFormat.read(img, lab, "x", 10), lab, "label 10 of example 1 outside [0, 10)");
        Path fine = labels(goodLabels());
        assertDataError(() -> IdxFormat.read(img, fine, "x", 5), fine, "label 9");
    }

    @Test
    void countMismatchIsRejected() throws IOException {
        Path img = images(goodImages());
        Path lab = labels(idx(0x801, new int[] {2}, bytes(0, 1)));
        assertDataError(() -> IdxFormat.read(img, lab, "x", 10), lab, "2 labels", "3 images", "images");
    }

    @Test
    void corruptGzipIsDataException() throws IOException {
        byte[] gz = gzip(goodImages());
        Path img = images(Arrays.copyOf(gz, gz.length - 12));
        Path lab = labels(goodLabels());
        assertDataError(() -> IdxFormat.read(img, lab, "x", 10), img, "gzip");
    }

    @Test
    void readsFashionMnistWhenInstalled() {
        Assumptions.assumeTrue(Files.isDirectory(FASHION), "dataset-fashion-mnist not installed");
        long t0 = System.nanoTime();
        Dataset train = IdxFormat.readDirectory(FASHION, true, "fashion-mnist/train");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Dataset test = IdxFormat.readDirectory(FASHION, false, "fashion-mnist/test");
        assertEquals(60000, train.size());
        assertEquals(10000, test.size());
        assertEquals(784, train.features());
        assertEquals(784, test.features());
        assertEquals(10, train.classes());
        int[] perClass = new int[10];
        for (int label : train.labels()) {
            perClass[label]++;
        }
        int[] expected = new int[10];
        Arrays.fill(expected, 6000);
        assertArrayEquals(expected, perClass);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : train.inputs()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        System.out.println("fashion-mnist train read in " + ms + " ms");
    }

    @Test
    void truncatedRealLabelsFileIsRejected() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(FASHION), "dataset-fashion-mnist not installed");
        byte[] labels = gunzip(FASHION.resolve("t10k-labels-idx1-ubyte.gz"));
        assertEquals(8 + 10000, labels.length);
        Path cut = write("t10k-labels-idx1-ubyte.gz", gzip(Arrays.copyOf(labels, labels.length - 100)));
        Files.copy(FASHION.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-images-idx3-ubyte.gz"));
        assertDataError(() -> IdxFormat.readDirectory(dir, false, "x"), cut,
                "truncated: expected 10000 bytes of label data, found 9900");
    }
}
