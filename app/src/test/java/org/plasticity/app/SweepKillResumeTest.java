package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.sweep.LocalSweep;

/**
 * A real sweep process killed with SIGKILL in the middle of its run; {@code --resume} then completes it, and the table
 * equals that of an uninterrupted run point for point.
 */
@Tag("slow") // outside the fast tier (mvn -Pfast): spawns and kills a sweep JVM (about half a minute)
class SweepKillResumeTest {
    static final String SPEC = """
            experiment: flr
            seed: 9
            base:
              network: {n: 40, memories: 3, beta: 0.5, sigma: 0.2, dt: 0.05}
              simulation: {burn_in: 30, duration: 300, trials: 6, sample_every: 5}
              task: {type: io-mapping, gamma: 0.1, count: 6}
              rule: hebbian
              speed: {method: quasi-static}
              learning: {enabled: false}
            grid:
              network.beta: [0.3, 0.4, 0.5, 0.6]
              network.memories: [1, 2, 3, 4, 5]
            """;

    @TempDir
    Path tmp;

    @Test
    void killedMidRunThenResumedGivesTheUninterruptedTable() throws Exception {
        Path spec = Files.writeString(tmp.resolve("spec.yaml"), SPEC);
        Path killed = tmp.resolve("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--add-modules=jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), "org.plasticity.app.Main", "sweep", "--spec", spec.toString(),
                "--out", killed.toString(), "--threads", "2", "-q");
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile());
        Process child = pb.start();
        Path journal = killed.resolve(LocalSweep.JOURNAL);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (lines(journal) < 4 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(child.isAlive(), "the sweep was still running when killed: " + log());
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        int before = lines(journal);
        assertTrue(before >= 4 && before < 20, "killed after " + before + " of 20 points");
        assertFalse(Files.exists(killed.resolve(LocalSweep.RESULTS)), "no final table from a killed run");
        assertTrue(Files.readString(killed.resolve(LocalSweep.SUMMARY)).contains("\"running\""));

        CliTest.Run resumed = CliTest.run("sweep", "--spec", spec.toString(), "--out", killed.toString(), "--resume",
                "-q");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("run now"), resumed.out());

        Path clean = tmp.resolve("clean");
        CliTest.Run whole = CliTest.run("sweep", "--spec", spec.toString(), "--out", clean.toString(), "--threads", "1",
                "-q");
        assertEquals(0, whole.code(), whole.err());
        List<String> a = Files.readAllLines(killed.resolve(LocalSweep.RESULTS));
        List<String> b = Files.readAllLines(clean.resolve(LocalSweep.RESULTS));
        assertEquals(21, b.size());
        assertEquals(b, a);
        assertEquals(20, Files.readAllLines(journal).size(), "each point once in the journal");
    }

    private static int lines(Path p) throws java.io.IOException {
        if (!Files.exists(p)) {
            return 0;
        }
        return (int) Files.readString(p).chars().filter(c -> c == '\n').count();
    }

    private String log() throws java.io.IOException {
        File f = tmp.resolve("child.log").toFile();
        return f.exists() ? Files.readString(f.toPath()) : "";
    }
}
