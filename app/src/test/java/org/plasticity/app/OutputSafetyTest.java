package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.app.CliTest.Run;
import org.plasticity.app.io.ResultWriter;
import org.plasticity.io.FolderLock;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.sweep.LocalSweep;

/** A results folder is never silently overwritten, mixed, or deleted when the user made it (issue 10, part 2). */
class OutputSafetyTest {
    static final String SWEEP = """
            experiment: flr
            seed: 9
            base:
              network: {n: 30, memories: 3, beta: 0.5, sigma: 0.2, dt: 0.05}
              simulation: {burn_in: 20, duration: 100, trials: 4, sample_every: 5}
              task: {type: io-mapping, gamma: 0.1, count: 4}
              rule: hebbian
              speed: {method: quasi-static}
              learning: {enabled: false}
            grid:
              network.beta: [0.3, 0.5]
            """;

    @TempDir
    Path tmp;

    private Path config() throws IOException {
        return Files.writeString(tmp.resolve("c.yaml"), CliTest.SMALL.replace("count: 5", "count: 3"));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertOneLine(Run r, int code, String... parts) {
        assertEquals(code, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), r.err());
        }
    }

    @Test
    void aSecondRunIsRefusedAndForceReplacesTheResultsAsAWhole() throws IOException {
        Path cfg = config();
        Path out = tmp.resolve("runs/x");
        assertEquals(0, CliTest.run("flr", "--config", cfg.toString(), "--out", out.toString(), "-q").code());
        byte[] summary = Files.readAllBytes(out.resolve("summary.json"));

        Run again = CliTest.run("flr", "--config", cfg.toString(), "--out", out.toString(), "--seed", "4", "-q");
        assertOneLine(again, 2, "error: --out: " + out + " already holds results (pred-vs-measured.png, "
                + "summary.json, tasks.csv); pass --force");
        assertArrayEquals(summary, Files.readAllBytes(out.resolve("summary.json")), "kept");

        // train into an flr folder: refused, then with --force the flr files are gone, not mixed with train's
        Run train = CliTest.run("train", "--rule", "bp", "--data", "xor", "--epochs", "5", "--out", out.toString(),
                "-q");
        assertOneLine(train, 2, "already holds results");
        Run forced = CliTest.run("train", "--rule", "bp", "--data", "xor", "--epochs", "5", "--out", out.toString(),
                "-q", "--force");
        assertEquals(0, forced.code(), forced.err());
        assertEquals(List.of("alignment.png", "epochs.csv", "learning-curves.png", "report.html", "results.md",
                "summary.json"), names(out));
        assertEquals(List.of("x"), names(tmp.resolve("runs")), "no staging or old folder left next to it");

        Run compare = CliTest.run("compare", "--rules", "bp,fa", "--data", "xor", "--out", out.toString(), "-q");
        assertOneLine(compare, 2, "already holds results (alignment.png, epochs.csv");
        Run reproduce = CliTest.run("reproduce", "--scale", "smoke", "--figure", "gain", "--out", out.toString(),
                "-q");
        assertOneLine(reproduce, 2, "already holds results");
        Run demo = CliTest.run("demo", "--experiment-only", "--out", out.toString(), "-q");
        assertOneLine(demo, 2, "already holds results");
        assertTrue(CliTest.run("flr", "--help").out().contains("--force"));
    }

    @Test
    void aFolderWithOtherFilesIsRefusedEvenWithForce() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "my notes");
        Files.writeString(out.resolve("summary.json"), "{}");
        Run r = CliTest.run("flr", "--config", config().toString(), "--out", out.toString(), "--force", "-q");
        assertOneLine(r, 2, "holds files that are not results of plasticity (notes.txt)");
        assertEquals(List.of("notes.txt", "summary.json"), names(out));
    }

    @Test
    void anEmptyOutIsRefused() throws IOException {
        Path cfg = config();
        Path spec = Files.writeString(tmp.resolve("s.yaml"), SWEEP);
        for (String blank : new String[] {"", "  "}) {
            Run r = CliTest.run("flr", "--config", cfg.toString(), "--out", blank, "-q");
            assertOneLine(r, 2, "error: --out: is empty");
            Run s = CliTest.run("sweep", "--spec", spec.toString(), "--out", blank, "-q");
            assertOneLine(s, 2, "error: --out: is empty");
        }
        assertFalse(Files.exists(Path.of("summary.json")), "nothing written into the working directory");
    }

    @Test
    void anOutThatCannotBeCreatedIsOneLineExit2() throws IOException {
        Path cfg = config();
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        Run under = CliTest.run("flr", "--config", cfg.toString(), "--out", file.resolve("x").toString(), "-q");
        assertOneLine(under, 2, "error: --out: cannot create the folder " + file.resolve("x") + " (" + file
                + " is a file)");
        Run proc = CliTest.run("flr", "--config", cfg.toString(), "--out", "/proc/x", "-q");
        assertOneLine(proc, 2, "error: --out: cannot create the folder /proc/x (");
        Run isFile = CliTest.run("flr", "--config", cfg.toString(), "--out", file.toString(), "-q");
        assertOneLine(isFile, 2, "exists and is not a folder");
    }

    /** A run that fails (the linear network diverges) keeps what was there: a user's empty folder, old results. */
    @Test
    void aFailedRunKeepsTheUsersFolderAndTheOldResults() throws IOException {
        Path diverges = Files.writeString(tmp.resolve("d.yaml"), CliTest.SMALL
                .replace("random_part: 0.0}", "random_part: 0.0, activation: linear, beta: 5.0}")
                .replace("beta: 0.6, ", ""));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Run r = CliTest.run("flr", "--config", diverges.toString(), "--out", empty.toString(), "-q");
        assertOneLine(r, 1, "error:");
        assertTrue(Files.isDirectory(empty), "the folder the user made is still there");
        assertEquals(List.of("empty"), names(tmp).stream().filter(n -> n.contains("empty")).toList());

        Path old = tmp.resolve("old");
        assertEquals(0, CliTest.run("flr", "--config", config().toString(), "--out", old.toString(), "-q").code());
        byte[] summary = Files.readAllBytes(old.resolve("summary.json"));
        Run failed = CliTest.run("flr", "--config", diverges.toString(), "--out", old.toString(), "--force", "-q");
        assertEquals(1, failed.code(), failed.err());
        assertArrayEquals(summary, Files.readAllBytes(old.resolve("summary.json")));
        assertEquals(List.of("pred-vs-measured.png", "summary.json", "tasks.csv"), names(old));

        Path nested = tmp.resolve("made/by/run");
        assertEquals(1, CliTest.run("flr", "--config", diverges.toString(), "--out", nested.toString(), "-q").code());
        assertFalse(Files.exists(tmp.resolve("made")), "folders the failed run created are removed");
    }

    /** Staging folders of a process that is gone are removed by the next run into the same place. */
    @Test
    void staleStagingFoldersAreCleanedUp() throws Exception {
        long dead = deadPid();
        Path stale = Files.createDirectories(tmp.resolve(".x.partial-" + dead + "-123"));
        Files.writeString(stale.resolve("summary.json"), "{half");
        Path foreign = Files.createDirectories(tmp.resolve(".x.partial-notapid"));
        Path live = Files.createDirectories(tmp.resolve(".x.partial-" + ProcessHandle.current().pid() + "-9"));
        assertEquals(0, CliTest.run("flr", "--config", config().toString(), "--out", tmp.resolve("x").toString(), "-q")
                .code());
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(foreign), "not named by us: kept");
        assertTrue(Files.exists(live), "its process still runs: kept");
    }

    @Test
    void sweepRefusesOtherResultsAndForceReplacesThem() throws IOException {
        Path spec = Files.writeString(tmp.resolve("s.yaml"), SWEEP);
        Path out = tmp.resolve("s");
        assertEquals(0, CliTest.run("flr", "--config", config().toString(), "--out", out.toString(), "-q").code());
        Run r = CliTest.run("sweep", "--spec", spec.toString(), "--out", out.toString(), "-q");
        assertOneLine(r, 2, "already holds results (pred-vs-measured.png, summary.json, tasks.csv)");
        assertEquals(List.of("pred-vs-measured.png", "summary.json", "tasks.csv"), names(out), "nothing written");
        Run resume = CliTest.run("sweep", "--spec", spec.toString(), "--out", out.toString(), "--resume", "-q");
        assertOneLine(resume, 2, "no sweep to resume");
        assertEquals(List.of("pred-vs-measured.png", "summary.json", "tasks.csv"), names(out), "nothing written");

        Run forced = CliTest.run("sweep", "--spec", spec.toString(), "--out", out.toString(), "--force", "-q");
        assertEquals(0, forced.code(), forced.err());
        assertFalse(Files.exists(out.resolve("tasks.csv")), "the flr run's files are gone");
        assertTrue(Files.exists(out.resolve(LocalSweep.RESULTS)));
        assertTrue(names(out).stream().noneMatch(n -> n.endsWith(".tmp")), names(out).toString());
        Run again = CliTest.run("sweep", "--spec", spec.toString(), "--out", out.toString(), "-q");
        assertOneLine(again, 2, "already holds a sweep: add --resume to continue it, --force to replace it");
        assertEquals(0, CliTest.run("sweep", "--spec", spec.toString(), "--out", out.toString(), "--resume", "-q")
                .code());
    }

    /** A second sweep on a folder that a running sweep holds is refused, naming the holder's pid. */
    @Test
    void aSweepFolderInUseIsRefused() throws Exception {
        Path spec = Files.writeString(tmp.resolve("slow.yaml"), SWEEP.replace("duration: 100", "duration: 4000")
                .replace("[0.3, 0.5]", "[0.3, 0.35, 0.4, 0.45, 0.5, 0.55]"));
        Path out = tmp.resolve("busy");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "--add-modules=jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), "org.plasticity.app.Main", "sweep", "--spec", spec.toString(),
                "--out", out.toString(), "--threads", "1", "-q")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(out.resolve(LocalSweep.SUMMARY)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(child.isAlive(), Files.readString(tmp.resolve("child.log")));
            Run second = CliTest.run("sweep", "--spec", spec.toString(), "--out", out.toString(), "--resume", "-q");
            assertOneLine(second, 2, "error: --out: " + out + " is in use by another sweep (pid " + child.pid() + ")");
            Run force = CliTest.run("flr", "--config", config().toString(), "--out", out.toString(), "--force", "-q");
            assertOneLine(force, 2, "is in use by another sweep (pid " + child.pid() + ")");
            assertTrue(child.isAlive(), "the refused runs did not disturb the first");
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        FolderLock.acquire(out, out).close(); // the lock died with its process
    }

    /** The demo may replace an earlier demo (of any seed) without --force, nothing else. */
    @Test
    void theDemoRecognisesAnEarlierDemo() throws IOException {
        Path demo = Files.createDirectories(tmp.resolve("demo/paper"));
        ObjectNode config = ResultWriter.config(FlrConfig.defaults());
        config.put("seed", 7);
        ObjectMapper json = new ObjectMapper();
        ObjectNode summary = json.createObjectNode();
        summary.set("config", config);
        Path root = tmp.resolve("demo");
        json.writeValue(root.resolve("summary.json").toFile(), summary);
        Files.writeString(root.resolve("tasks.csv"), "x");
        Files.writeString(demo.resolve("report.html"), "x");
        assertTrue(DemoCommand.holdsOnlyADemo(root));

        Files.writeString(demo.resolve("draft.txt"), "mine");
        assertFalse(DemoCommand.holdsOnlyADemo(root), "a user's file in paper/");
        Files.delete(demo.resolve("draft.txt"));
        Files.writeString(root.resolve("epochs.csv"), "x");
        assertFalse(DemoCommand.holdsOnlyADemo(root), "a train run's file");
        Files.delete(root.resolve("epochs.csv"));
        ((ObjectNode) config.get("network")).put("n", 40);
        json.writeValue(root.resolve("summary.json").toFile(), summary);
        assertFalse(DemoCommand.holdsOnlyADemo(root), "an flr run of another config");
        assertFalse(DemoCommand.holdsOnlyADemo(tmp.resolve("none")));
    }

    /** @return the pid of a process that has exited. */
    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
