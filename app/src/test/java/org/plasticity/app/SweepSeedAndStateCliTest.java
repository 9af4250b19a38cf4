package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.app.CliTest.Run;

/** {@code sweep --seed} is the sweep seed (not ignored); damaged sweep state is one line and exit 2. */
class SweepSeedAndStateCliTest {
    private static final String SPEC = """
            experiment: flr
            seed: 3
            base:
              network: {n: 30, memories: 3, beta: 0.5, sigma: 0.2, dt: 0.05}
              simulation: {burn_in: 30, duration: 80, trials: 4, sample_every: 5}
              task: {type: io-mapping, gamma: 0.1, count: 4}
              rule: hebbian
              speed: {method: quasi-static}
              learning: {enabled: false}
            grid:
              network.memories: [1, 2]
            """;

    @TempDir
    Path tmp;

    @Test
    void seedOptionIsTheSweepSeedAndResumeNeedsTheSame() throws IOException {
        Path spec = Files.writeString(tmp.resolve("spec.yaml"), SPEC);
        Path nine = tmp.resolve("nine");
        Run r = CliTest.run("sweep", "--spec", spec.toString(), "--out", nine.toString(), "--seed", "9", "-q");
        assertEquals(0, r.code(), r.err());
        assertEquals(9, new ObjectMapper().readTree(nine.resolve("summary.json").toFile()).get("seed").asLong());
        Path written = tmp.resolve("written");
        Path spec9 = Files.writeString(tmp.resolve("spec9.yaml"), SPEC.replace("seed: 3", "seed: 9"));
        assertEquals(0, CliTest.run("sweep", "--spec", spec9.toString(), "--out", written.toString(), "-q").code());
        assertEquals(Files.readString(written.resolve("results.csv")), Files.readString(nine.resolve("results.csv")));
        Path three = tmp.resolve("three");
        assertEquals(0, CliTest.run("sweep", "--spec", spec.toString(), "--out", three.toString(), "-q").code());
        assertFalse(Files.readString(three.resolve("points.csv")).equals(Files.readString(nine.resolve("points.csv"))),
                "other point seeds");

        Run other = CliTest.run("sweep", "--spec", spec.toString(), "--out", nine.toString(), "--resume", "-q");
        assertEquals(2, other.code(), other.err());
        assertTrue(other.err().contains("spec differs"), other.err());
        Run same = CliTest.run("sweep", "--spec", spec.toString(), "--out", nine.toString(), "--resume", "--seed",
                "9", "-q");
        assertEquals(0, same.code(), same.err());
    }

    @Test
    void journalLineWithoutIndexIsOneLineAndExit2() throws IOException {
        Path spec = Files.writeString(tmp.resolve("spec.yaml"), SPEC);
        Path out = tmp.resolve("s");
        assertEquals(0, CliTest.run("sweep", "--spec", spec.toString(), "--out", out.toString(), "-q").code());
        Path journal = out.resolve("journal.jsonl");
        List<String> lines = Files.readAllLines(journal);
        Files.writeString(journal, lines.get(0).replaceFirst("\"index\":\\d+,", "") + "\n" + lines.get(1) + "\n");
        Run r = CliTest.run("sweep", "--spec", spec.toString(), "--out", out.toString(), "--resume", "-q");
        assertEquals(2, r.code(), r.err());
        assertEquals("error: " + journal + ": line 1: 'index' missing or not an integer; the sweep state is damaged",
                r.err().strip());
        Files.writeString(out.resolve("sweep.json"), "");
        Run empty = CliTest.run("sweep", "--spec", spec.toString(), "--out", out.toString(), "--resume", "-q");
        assertEquals(2, empty.code(), empty.err());
        assertEquals(1, empty.err().strip().lines().count(), empty.err());
        assertTrue(empty.err().contains(out.resolve("sweep.json").toString()), empty.err());
    }
}
