package org.plasticity.layered.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plasticity.layered.data.IdxFormatTest.assertDataError;
import static org.plasticity.layered.data.IdxFormatTest.gzip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.DataException;

class Cifar10FormatTest {
    @TempDir
    Path dir;

    /** {@code count} records, record r labelled {@code (first + r) % 10} with pixel j = (31 r + 7 j) mod 256. */
    private static byte[] batch(int first, int count) {
        byte[] b = new byte[count * Cifar10Format.RECORD];
        for (int r = 0; r < count; r++) {
            int at = r * Cifar10Format.RECORD;
            b[at] = (byte) ((first + r) % 10);
            for (int j = 0; j < Cifar10Format.FEATURES; j++) {
                b[at + 1 + j] = (byte) (31 * (first + r) + 7 * j);
            }
        }
        return b;
    }

    private static void assertBatch(Dataset d, int first, int count) {
        assertEquals(count, d.size());
        assertEquals(3072, d.features());
        assertEquals(10, d.classes());
        for (int r = 0; r < count; r++) {
            assertEquals((first + r) % 10, d.labels()[r]);
            for (int j = 0; j < 3072; j++) {
                int v = (31 * (first + r) + 7 * j) & 0xFF;
                assertEquals(v / 255f, d.inputs()[r * 3072 + j], 0f);
            }
        }
    }

    @Test
    void readsAndConcatenatesBatchesInOrder() throws IOException {
        Path a = Files.write(dir.resolve("a.bin"), batch(0, 2));
        Path b = Files.write(dir.resolve("b.bin"), gzip(batch(2, 3)));
        Dataset d = Cifar10Format.read(List.of(a, b), "c");
        assertEquals("c", d.name());
        assertBatch(d, 0, 5);
        // channel-major: the first red, green and blue values of image 0 are bytes 1, 1025 and 2049
        assertEquals(0f, d.inputs()[0]);
        assertEquals(((7 * 1024) & 0xFF) / 255f, d.inputs()[1024], 0f);
    }

    @Test
    void readsTrainAndTestLayout() throws IOException {
        Path bin = Files.createDirectory(dir.resolve("cifar-10-batches-bin"));
        for (int i = 1; i <= 5; i++) {
            Files.write(bin.resolve("data_batch_" + i + ".bin"), batch(2 * (i - 1), 2));
        }
        Files.write(bin.resolve("test_batch.bin"), batch(100, 3));
        Dataset train = Cifar10Format.readDirectory(bin, true);
        assertEquals("cifar-10/train", train.name());
        assertBatch(train, 0, 10);
        Dataset test = Cifar10Format.readDirectory(dir, false);
        assertEquals("cifar-10/test", test.name());
        assertBatch(test, 100, 3);
    }

    @Test
    void missingBatchesAreNamed() throws IOException {
        Files.write(dir.resolve("data_batch_1.bin"), batch(0, 1));
        Files.write(dir.resolve("data_batch_4.bin"), batch(0, 1));
        assertDataError(() -> Cifar10Format.readDirectory(dir, true), dir,
                "missing data_batch_2.bin, data_batch_3.bin, data_batch_5.bin");
        assertDataError(() -> Cifar10Format.readDirectory(dir, false), dir, "missing test_batch.bin");
    }

    @Test
    void lengthNotAMultipleOfTheRecordIsRejected() throws IOException {
        Path cut = Files.write(dir.resolve("data_batch_1.bin"), Arrays.copyOf(batch(0, 2), 2 * 3073 - 5));
        assertDataError(() -> Cifar10Format.read(List.of(cut), "x"), cut, "length 6141 bytes",
                "not a positive multiple of the 3073-byte");
        Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
        assertDataError(() -> Cifar10Format.read(List.of(empty), "x"), empty, "length 0 bytes");
        Path missing = dir.resolve("absent.bin");
        assertDataError(() -> Cifar10Format.read(List.of(missing), "x"), missing, "not found");
    }

    @Test
    void labelOutOfRangeIsRejected() throws IOException {
        byte[] b = batch(0, 3);
        b[2 * Cifar10Format.RECORD] = 10;
        Path bad = Files.write(dir.resolve("test_batch.bin"), b);
        assertDataError(() -> Cifar10Format.read(List.of(bad), "x"), bad, "label 10 of record 2 outside [0, 10)");
    }

    @Test
    void onlyTheOffendingFileIsNamed() throws IOException {
        Path good = Files.write(dir.resolve("good.bin"), batch(0, 1));
        Path bad = Files.write(dir.resolve("bad.bin"), new byte[5]);
        DataException e = assertDataError(() -> Cifar10Format.read(List.of(good, bad), "x"), bad, "length 5");
        assertEquals(bad.toString(), e.source());
    }

    @Test
    void damagedGzipBatchesAreRejected() throws IOException {
        byte[] gz = gzip(batch(0, 2));
        Path garbage = Files.write(dir.resolve("garbage.bin"), IdxFormatTest.concat(gz, new byte[] {1, 2, 3}));
        assertDataError(() -> Cifar10Format.read(List.of(garbage), "x"), garbage, "3 bytes of trailing garbage");
        Path cut = Files.write(dir.resolve("cut.bin"), Arrays.copyOf(gz, gz.length / 2));
        assertDataError(() -> Cifar10Format.read(List.of(cut), "x"), cut, "corrupt gzip data");
    }

    @Test
    void gzipBombBatchIsRejectedBeforeFillingTheHeap() throws IOException {
        Path bomb = Files.write(dir.resolve("bomb.bin"), IdxFormatTest.gzipBomb(batch(0, 1), 3000));
        // the bound is a fifth of the heap; a small one here keeps the test fast
        assertDataError(() -> Cifar10Format.read(List.of(bomb), "x", 8 << 20), bomb,
                "more than 8388608 bytes is too large for a CIFAR-10 batch");
    }
}
