package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.app.CliTest.Run;

/** {@code train}'s data checks and {@code --train-limit}: one line naming the file or option, exit 2, nothing written. */
class TrainDataErrorsTest {
    @TempDir
    Path tmp;

    private static byte[] idx(int magic, int[] dims, int values) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + values);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.array();
    }

    /** An MNIST folder: {@code train} and {@code t10k} images of the given shapes, zero pixels, label 0. */
    private Path mnist(int[] trainImages, int[] testImages) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mnist"));
        for (String prefix : new String[] {"train", "t10k"}) {
            int[] dims = prefix.equals("train") ? trainImages : testImages;
            Files.write(dir.resolve(prefix + "-images-idx3-ubyte"), idx(0x803, dims, dims[0] * dims[1] * dims[2]));
            Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"), idx(0x801, new int[] {dims[0]}, dims[0]));
        }
        return dir;
    }

    private Run train(Path data, String... more) {
        String[] base = {"train", "--rule", "bp", "--data", "mnist", "--data-dir", data.toString(), "--epochs", "1",
            "--hidden", "4", "--out", tmp.resolve("out").toString(), "-q"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliTest.run(args);
    }

    private void assertOneLine(Run r, String... fragments) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("internal error") || r.err().contains("Exception"), r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "contains '" + f + "': " + r.err());
        }
        assertFalse(Files.exists(tmp.resolve("out").resolve("summary.json")), "nothing written");
    }

    @Test
    void testImagesOfAnotherShapeNameTheFile() throws IOException {
        Path dir = mnist(new int[] {2, 28, 28}, new int[] {2, 14, 56});
        assertOneLine(train(dir), "t10k-images-idx3-ubyte", "14 x 56", "28 x 28");
    }

    @Test
    void emptyTrainingSetNamesTheFile() throws IOException {
        Path dir = mnist(new int[] {0, 28, 28}, new int[] {2, 28, 28});
        assertOneLine(train(dir), "train-images-idx3-ubyte", "no images");
    }

    @Test
    void trainLimitMustBePositiveAndErrorsNameTheRealOption() throws IOException {
        Path dir = mnist(new int[] {2, 28, 28}, new int[] {2, 28, 28});
        assertOneLine(train(dir, "--train-limit", "0"), "--train-limit: must be >= 1", "got 0");
        Run negative = train(dir, "--train-limit", "-5");
        assertOneLine(negative, "--train-limit: must be >= 1", "got -5");
        assertFalse(negative.err().contains("--limit"), negative.err());
        assertOneLine(train(dir, "--test-limit", "0"), "--test-limit: must be >= 1");
    }

    @Test
    void trainLimitOfOneTrains() throws IOException {
        Path dir = mnist(new int[] {2, 28, 28}, new int[] {2, 28, 28});
        Run r = train(dir, "--train-limit", "1", "--test-limit", "1");
        assertEquals(0, r.code(), r.err());
    }
}
