package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.sweep.LocalSweep;

/**
 * The reproducibility guarantee at realistic sizes: the same command in three separate JVMs, started together at 1, 2
 * and 3 worker threads, writes the same bytes in every result file. The only fields allowed to differ are the
 * documented run records (wall time, thread count, a sweep point's seconds); they are removed before comparing. A
 * sweep killed with SIGKILL and resumed in a fourth JVM ends with the same table as the uninterrupted runs.
 *
 * <p>Each case runs real experiments (about a minute each on 2 cores): the FLR example with learning, a paper figure
 * at its default scale, a layered comparison on Fashion-MNIST, fully connected and LeNet, and the committed
 * 200-point sweep.
 */
@Tag("slow") // outside the fast tier (mvn -Pfast): real experiments in three spawned JVMs (about ten minutes)
class BitExactAcrossJvmsTest {
    @TempDir
    Path tmp;

    @Test
    void flrExampleWithLearning() throws Exception {
        sameAtOneTwoThreeThreads("flr", "--config", Path.of("..", "examples", "flr-io-mapping.yaml").toString());
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

    /** LeNet: convolutions through im2col, max pooling, every kind of feedback kernel. */
    @Test
    void convolutionalComparisonOnFashionMnist() throws Exception {
        Path data = Path.of("/usr/share/datasets/fashion-mnist");
        boolean required = "1".equals(System.getenv("PLASTICITY_REQUIRE_DATA"));
        assumeTrue(required || Files.isDirectory(data), "Fashion-MNIST not installed (./setup installs it)");
        sameAtOneTwoThreeThreads("compare", "--rules", "bp,fa,dfa,brsf,np,burstprop", "--arch", "lenet", "--data",
                "fashion-mnist", "--epochs", "1", "--train-limit", "3000", "--test-limit", "1000");
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
        Map<String, String> reference = ResultFiles.normalised(tmp.resolve("t1"));
        assertTrue(reference.containsKey(LocalSweep.RESULTS));
        assertEquals(201, reference.get(LocalSweep.RESULTS).lines().count());
        for (String other : List.of("t2", "t3", "killed")) {
            assertSameFiles(reference, ResultFiles.normalised(tmp.resolve(other)), other);
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
        Map<String, String> reference = ResultFiles.normalised(tmp.resolve("t1"));
        assertTrue(reference.containsKey("summary.json"), reference.keySet().toString());
        assertSameFiles(reference, ResultFiles.normalised(tmp.resolve("t2")), "2 threads");
        assertSameFiles(reference, ResultFiles.normalised(tmp.resolve("t3")), "3 threads");
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

    private static int lines(Path p) throws IOException {
        return Files.exists(p) ? (int) Files.readString(p).chars().filter(c -> c == '\n').count() : 0;
    }
}
