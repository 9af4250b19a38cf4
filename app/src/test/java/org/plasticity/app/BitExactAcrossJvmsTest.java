package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.app.sweep.LocalSweep;

/**
 * The reproducibility guarantee at realistic sizes: the same command in three separate JVMs, started together at 1, 2
 * and 3 worker threads, writes the same bytes in every result file. The only fields allowed to differ are the
 * documented run records (wall time, thread count, a sweep point's seconds); they are removed before comparing. A
 * sweep killed with SIGKILL and resumed in a fourth JVM ends with the same table as the uninterrupted runs.
 *
 * <p>Each case runs real experiments (about a minute each on 2 cores): the FLR example with learning, a paper figure
 * at its default scale, a layered comparison on Fashion-MNIST and the committed 200-point sweep.
 */
class BitExactAcrossJvmsTest {
    /** Run records that are measurements of the run, not results: removed before comparing. */
    private static final Set<String> RUN_RECORDS = Set.of("wall_seconds", "threads", "seconds",
            "point_seconds_total", "point_seconds_mean", "wall_seconds_this_run", "points_per_minute_this_run");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void flrExampleWithLearning() throws Exception {
        sameAtOneTwoThreeThreads("flr", "--config", Path.of("..", "examples", "io-mapping.yaml").toString());
    }

    @Test
    void paperFigureAtDefaultScale() throws Exception {
        sameAtOneTwoThreeThreads("reproduce", "--figure", "alignment,gain", "--scale", "default");
    }

    @Test
    void layeredComparisonOnFashionMnist() throws Exception {
        Path data = Path.of("/usr/share/datasets/fashion-mnist");
        boolean required = "1".equals(System.getenv("PLASTICITY_REQUIRE_DATA"));
        assumeTrue(required || Files.isDirectory(data), "Fashion-MNIST not installed (./setup installs it)");
        sameAtOneTwoThreeThreads("compare", "--rules", "bp,fa,dfa,burstprop", "--data", "fashion-mnist",
                "--epochs", "1", "--train-limit", "6000", "--test-limit", "2000", "--hidden", "256");
    }

    @Test
    void sweepAcrossThreadsAndAfterKillAndResume() throws Exception {
        String spec = Path.of("..", "sweeps", "gain-memories.yaml").toString();
        List<Process> runs = new ArrayList<>();
        for (int t = 1; t <= 3; t++) {
            runs.add(start(tmp.resolve("log" + t), "sweep", "--spec", spec, "--out", tmp.resolve("t" + t).toString(),
                    "--threads", String.valueOf(t), "-q"));
        }
        // A fourth JVM killed with SIGKILL a quarter of the way, then resumed in a fifth.
        Path killed = tmp.resolve("killed");
        Process victim = start(tmp.resolve("log-killed"), "sweep", "--spec", spec, "--out", killed.toString(),
                "--threads", "2", "-q");
        Path journal = killed.resolve(LocalSweep.JOURNAL);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (lines(journal) < 50 && victim.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(victim.isAlive(), "the sweep finished before it could be killed");
        victim.destroyForcibly();
        assertTrue(victim.waitFor(60, TimeUnit.SECONDS));
        for (int t = 0; t < 3; t++) {
            finish(runs.get(t), tmp.resolve("log" + (t + 1)));
        }
        finish(start(tmp.resolve("log-resumed"), "sweep", "--spec", spec, "--out", killed.toString(), "--resume",
                "--threads", "3", "-q"), tmp.resolve("log-resumed"));
        Map<String, String> reference = normalised(tmp.resolve("t1"));
        assertTrue(reference.containsKey(LocalSweep.RESULTS));
        assertEquals(201, reference.get(LocalSweep.RESULTS).lines().count());
        for (String other : List.of("t2", "t3", "killed")) {
            assertSameFiles(reference, normalised(tmp.resolve(other)), other);
        }
    }

    private void sameAtOneTwoThreeThreads(String... command) throws Exception {
        List<Process> runs = new ArrayList<>();
        for (int t = 1; t <= 3; t++) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(List.of("--out", tmp.resolve("t" + t).toString(), "--threads", String.valueOf(t), "-q"));
            runs.add(start(tmp.resolve("log" + t), args.toArray(String[]::new)));
        }
        for (int t = 0; t < 3; t++) {
            finish(runs.get(t), tmp.resolve("log" + (t + 1)));
        }
        Map<String, String> reference = normalised(tmp.resolve("t1"));
        assertTrue(reference.containsKey("summary.json"), reference.keySet().toString());
        assertSameFiles(reference, normalised(tmp.resolve("t2")), "2 threads");
        assertSameFiles(reference, normalised(tmp.resolve("t3")), "3 threads");
    }

    private static void assertSameFiles(Map<String, String> want, Map<String, String> got, String what) {
        assertEquals(want.keySet(), got.keySet(), what + ": the same files");
        for (var e : want.entrySet()) {
            assertEquals(e.getValue(), got.get(e.getKey()), what + ": " + e.getKey() + " differs");
        }
    }

    private Process start(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules=jdk.incubator.vector", "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                "org.plasticity.app.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void finish(Process p, Path log) throws Exception {
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "timed out");
        assertEquals(0, p.exitValue(), Files.readString(log));
    }

    /**
     * Every file under {@code dir} by relative path: JSON and JSON lines without the run records, CSV without their
     * columns, anything else as its bytes (Latin-1, so a PNG compares byte for byte).
     */
    private static Map<String, String> normalised(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String name = dir.relativize(f).toString();
                if (name.startsWith(".")) {
                    continue; // the sweep's lock file
                }
                String text = Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (name.endsWith(".json")) {
                    text = withoutRunRecords(JSON.readTree(text)).toString();
                } else if (name.endsWith(".jsonl")) {
                    List<String> out = new ArrayList<>();
                    for (String line : text.split("\n")) {
                        out.add(withoutRunRecords(JSON.readTree(line)).toString());
                    }
                    out.sort(null); // points finish in any order; each line is one point
                    text = String.join("\n", out);
                } else if (name.endsWith(".csv")) {
                    text = withoutRunColumns(text);
                } else if (name.endsWith(".html")) {
                    // the header's "N threads, T s." and the training table's last column (seconds)
                    text = text.replaceAll("\\d+ threads, \\d+ s\\.", "<run>")
                            .replaceAll("<td>[0-9.]+</td></tr>", "<td>-</td></tr>");
                } else if (name.endsWith(".md")) {
                    text = text.replaceAll("\\| [0-9.]+ \\|(\\r?\\n|$)", "| - |$1"); // the seconds column
                }
                files.put(name, text);
            }
        }
        return files;
    }

    private static JsonNode withoutRunRecords(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove(RUN_RECORDS);
            o.forEach(BitExactAcrossJvmsTest::withoutRunRecords);
        } else if (n instanceof ArrayNode a) {
            a.forEach(BitExactAcrossJvmsTest::withoutRunRecords);
        }
        return n;
    }

    private static String withoutRunColumns(String csv) {
        String[] rows = csv.split("\n");
        String[] header = rows[0].split(",", -1);
        StringBuilder out = new StringBuilder();
        for (String row : rows) {
            String[] cells = row.split(",", -1);
            for (int c = 0; c < cells.length; c++) {
                if (c < header.length && !RUN_RECORDS.contains(header[c])) {
                    out.append(cells[c]).append(',');
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static int lines(Path p) throws IOException {
        return Files.exists(p) ? (int) Files.readString(p).chars().filter(c -> c == '\n').count() : 0;
    }
}
