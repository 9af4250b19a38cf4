package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins behaviour: every command, at smoke scale, writes the same result files (JSON, JSON lines, CSV, Markdown) as the
 * committed copies under {@code src/test/resources/golden/<case>/}, byte for byte once the run records (wall time,
 * threads, seconds) are removed. A refactoring that changes a number, a key or a column fails here.
 *
 * <p>Results are meant to change only on purpose: rerun with {@code -Dgolden.update=true} to rewrite the copies, and
 * commit them with the change that explains why.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    /** CliTest's small experiment with some random coupling, so that the symmetric random part is pinned too. */
    private static final String FLR_SMALL = CliTest.SMALL.replace("random_part: 0.0", "random_part: 0.1");


    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"flr-io-mapping", "flr-target-error-concurrent", "flr-time-series", "flr-auto-associative",
        "reproduce-smoke", "compare-xor", "train-xor-np", "compare-fashion-mnist", "sweep-flr", "sweep-train"})
    void sameFilesAsCommitted(String name) throws IOException {
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(command(name));
        args.addAll(List.of("--out", out.toString(), "--threads", "2", "--quiet"));
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        Map<String, String> got = results(out);
        assertTrue(got.containsKey("summary.json") || got.containsKey("results.csv"), got.keySet().toString());
        Path dir = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            write(dir, got);
            return;
        }
        assertTrue(Files.isDirectory(dir), "no golden copy for " + name + " (run with -Dgolden.update=true)");
        Map<String, String> want = read(dir);
        assertEquals(want.keySet(), got.keySet(), name + ": the same files");
        for (var e : want.entrySet()) {
            assertEquals(e.getValue(), got.get(e.getKey()), name + ": " + e.getKey() + " differs from the golden copy");
        }
    }

    private List<String> command(String name) throws IOException {
        return switch (name) {
            case "flr-io-mapping" -> List.of("flr", "--config", config(name, FLR_SMALL));
            case "flr-target-error-concurrent" -> List.of("flr", "--config", config(name, FLR_SMALL
                    .replace("rule: hebbian", "rule: target-error")
                    .replace("{method: quasi-static}", "{method: concurrent, learners: 8, window: 60}")));
            case "flr-time-series" -> List.of("flr", "--config", config(name, FLR_SMALL
                    .replace("type: io-mapping,", "type: time-series, sequence_length: 3,")));
            case "flr-auto-associative" -> List.of("flr", "--config", config(name, FLR_SMALL
                    .replace("type: io-mapping,", "type: auto-associative,")));
            case "reproduce-smoke" -> List.of("reproduce", "--scale", "smoke");
            case "compare-xor" -> List.of("compare", "--data", "xor", "--epochs", "300");
            case "train-xor-np" -> List.of("train", "--data", "xor", "--rule", "np", "--epochs", "500");
            case "compare-fashion-mnist" -> {
                Path data = Path.of("/usr/share/datasets/fashion-mnist");
                assumeTrue("1".equals(System.getenv("PLASTICITY_REQUIRE_DATA")) || Files.isDirectory(data),
                        "Fashion-MNIST not installed (./setup installs it)");
                yield List.of("compare", "--data", "fashion-mnist", "--epochs", "1", "--train-limit", "1000",
                        "--test-limit", "500", "--hidden", "64");
            }
            case "sweep-flr" -> List.of("sweep", "--spec", Path.of("..", "sweeps", "smoke.yaml").toString());
            case "sweep-train" -> List.of("sweep", "--spec", config(name, """
                    experiment: train
                    seed: 5
                    base: {data: xor, epochs: 200}
                    grid:
                      rule: [bp, fa, dfa, np, burstprop, segdend]
                      lr: [0.3, 1.0]
                    """));
            default -> throw new IllegalArgumentException(name);
        };
    }

    private String config(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name + ".yaml"), text).toString();
    }

    /** The result files compared: text results only (plots and the HTML report are views of them). */
    private static Map<String, String> results(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        ResultFiles.normalised(out).forEach((k, v) -> {
            if (k.matches(".*\\.(json|jsonl|csv|md)")) {
                files.put(k, v);
            }
        });
        return files;
    }

    private static void write(Path dir, Map<String, String> files) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) old.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        for (var e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue(), StandardCharsets.ISO_8859_1);
        }
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(f).toString(), Files.readString(f, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
