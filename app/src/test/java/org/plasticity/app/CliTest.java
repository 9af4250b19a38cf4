package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    static final String SMALL = """
            seed: 3
            network: {n: 40, memories: 4, beta: 0.6, sigma: 0.2, dt: 0.05, random_part: 0.0}
            simulation: {burn_in: 50, duration: 150, trials: 6, sample_every: 5}
            task: {type: io-mapping, gamma: 0.1, count: 5}
            rule: hebbian
            speed: {method: quasi-static}
            learning: {max_time: 60, trials: 2}
            """;

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void versionAndHelp() {
        Run v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("plasticity 0.1.0"), v.out());
        Run h = run("--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("demo") && h.out().contains("flr"), h.out());
        assertEquals(0, run("flr", "--help").code());
    }

    @Test
    void flrWritesTheContractFilesAndKeys() throws IOException {
        Path cfg = Files.writeString(tmp.resolve("c.yaml"), SMALL);
        Path out = tmp.resolve("out");
        Run r = run("flr", "--config", cfg.toString(), "--out", out.toString(), "--threads", "2", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("FLR1: r ="), r.out());
        try (var files = Files.list(out)) {
            assertEquals(List.of("pred-vs-measured.png", "summary.json", "tasks.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        for (String key : List.of("version", "seed", "config", "wall_seconds", "spontaneous", "flr1", "flr2",
                "flr2_variance_form", "tasks")) {
            assertTrue(s.has(key), "summary.json has " + key);
        }
        assertEquals(3, s.get("seed").asLong());
        assertEquals(40, s.at("/config/network/n").asInt());
        for (String f : List.of("flr1", "flr2", "flr2_variance_form")) {
            for (String k : List.of("pearson_r", "loglog_slope", "fit_slope")) {
                assertTrue(s.get(f).get(k).isNumber(), f + "." + k);
            }
        }
        assertTrue(s.at("/spontaneous/mean_variance").isNumber());
        assertTrue(s.at("/spontaneous/top_eigenvalue").isNumber());
        assertEquals(5, s.get("tasks").size());
        for (JsonNode t : s.get("tasks")) {
            for (String k : List.of("predicted_flr1", "predicted_flr2", "measured_speed")) {
                assertTrue(t.get(k).isNumber(), k);
            }
        }
        List<String> csv = Files.readAllLines(out.resolve("tasks.csv"));
        assertEquals(6, csv.size());
        assertTrue(csv.get(0).startsWith("index,"));
        byte[] png = Files.readAllBytes(out.resolve("pred-vs-measured.png"));
        assertTrue(png.length > 5000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
    }

    /** Same seed and config: identical numbers at 1 and 2 threads (wall time and run details aside). */
    @Test
    void summaryIsIdenticalAcrossThreadCounts() throws IOException {
        Path cfg = Files.writeString(tmp.resolve("c.yaml"), SMALL);
        assertEquals(0, run("flr", "--config", cfg.toString(), "--out", tmp.resolve("t1").toString(), "--threads", "1",
                "-q").code());
        assertEquals(0, run("flr", "--config", cfg.toString(), "--out", tmp.resolve("t2").toString(), "--threads", "2",
                "-q").code());
        ObjectNode a = (ObjectNode) new ObjectMapper().readTree(tmp.resolve("t1/summary.json").toFile());
        ObjectNode b = (ObjectNode) new ObjectMapper().readTree(tmp.resolve("t2/summary.json").toFile());
        assertEquals(1, a.at("/run/threads").asInt());
        assertEquals(2, b.at("/run/threads").asInt());
        for (ObjectNode o : List.of(a, b)) {
            o.remove("wall_seconds");
            o.remove("run");
        }
        assertEquals(a, b);
        assertEquals(Files.readString(tmp.resolve("t1/tasks.csv")), Files.readString(tmp.resolve("t2/tasks.csv")));
    }

    @Test
    void seedOptionOverridesTheFile() throws IOException {
        Path cfg = Files.writeString(tmp.resolve("c.yaml"), SMALL.replace("count: 5", "count: 3"));
        assertEquals(0, run("flr", "--config", cfg.toString(), "--out", tmp.resolve("s").toString(), "--seed", "99",
                "-q").code());
        assertEquals(99, new ObjectMapper().readTree(tmp.resolve("s/summary.json").toFile()).get("seed").asLong());
    }

    @Test
    void setOverridesAKeyOfTheFile() throws IOException {
        Path cfg = Files.writeString(tmp.resolve("c.yaml"), SMALL);
        assertEquals(0, run("flr", "--config", cfg.toString(), "--set", "task.count=3", "--set",
                "rule=random-feedback", "--out", tmp.resolve("set").toString(), "-q").code());
        JsonNode s = new ObjectMapper().readTree(tmp.resolve("set/summary.json").toFile());
        assertEquals(3, s.get("tasks").size());
        assertEquals("random-feedback", s.get("config").get("rule").asText());
        Run bad = run("flr", "--config", cfg.toString(), "--set", "network.beta", "--out",
                tmp.resolve("bad").toString(), "-q");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("error: --set: expected KEY=VALUE"), bad.err());
        assertFalse(Files.exists(tmp.resolve("bad")));
    }

    /** Bad input: one line naming the key and the allowed range, exit code 2, nothing written. */
    @Test
    void badInputGetsOneLineExit2AndNoOutput() throws IOException {
        String[][] cases = {
            {"n: 40", "n: 1", "network.n"},
            {"beta: 0.6", "beta: 0", "network.beta"},
            {"sigma: 0.2", "sigma: -1", "network.sigma"},
            {"sigma: 0.2", "sigma: 0", "network.sigma"},
            {"dt: 0.05", "dt: 3", "network.dt"},
            {"rule: hebbian", "rule: nope", "rule"},
            {"seed: 3", "seed: 3\nsurprise: 1", "surprise"},
            {"rule: hebbian\n", "", "rule"},
            // dt within (0, tau] but beyond Euler stability of this network: 1 - beta lambda_min ~ 1 + 0.6 * 4.
            {"dt: 0.05, random_part: 0.0", "dt: 0.6, random_part: 2.0", "network.dt"},
        };
        for (String[] c : cases) {
            Path cfg = Files.writeString(tmp.resolve("bad.yaml"), SMALL.replace(c[0], c[1]));
            Path out = tmp.resolve("never");
            Run r = run("flr", "--config", cfg.toString(), "--out", out.toString(), "-q");
            assertEquals(2, r.code(), c[2] + ": " + r.err());
            assertTrue(r.err().startsWith("error: " + c[2] + ":"), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertFalse(Files.exists(out), "no output for " + c[2]);
        }
        Run missing = run("flr", "--config", tmp.resolve("nothere.yaml").toString(), "--out",
                tmp.resolve("never").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nothere.yaml") && missing.err().contains("no such file"), missing.err());
        assertFalse(Files.exists(tmp.resolve("never")));
        Run threads = run("flr", "--config", "x.yaml", "--out", "y", "--threads", "0");
        assertEquals(2, threads.code());
        assertEquals(2, run("flr", "--bogus").code(), "unknown option is a usage error");
    }

    /** The progress bar goes to stderr, in plain ASCII without escape codes when stderr is not a terminal. */
    @Test
    void progressIsPlainAsciiOffTerminal() throws IOException {
        Path cfg = Files.writeString(tmp.resolve("c.yaml"), SMALL.replace("count: 5", "count: 3"));
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(0, run("flr", "--config", cfg.toString(), "--out", tmp.resolve("p").toString()).code());
        } finally {
            System.setErr(old);
        }
        String err = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(err.contains("flr") && err.contains("100%"), err);
        assertTrue(err.chars().allMatch(c -> c == '\n' || (c >= 32 && c < 127)), "plain ASCII: " + err);
    }

    /** Files are written in the root locale: a comma-decimal default locale changes nothing. */
    @Test
    void outputDoesNotDependOnTheDefaultLocale() throws IOException {
        Path cfg = Files.writeString(tmp.resolve("c.yaml"), SMALL.replace("count: 5", "count: 3"));
        java.util.Locale old = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals(0, run("flr", "--config", cfg.toString(), "--out", tmp.resolve("de").toString(), "-q").code());
        } finally {
            java.util.Locale.setDefault(old);
        }
        assertEquals(0, run("flr", "--config", cfg.toString(), "--out", tmp.resolve("root").toString(), "-q").code());
        assertEquals(Files.readString(tmp.resolve("root/tasks.csv")), Files.readString(tmp.resolve("de/tasks.csv")));
        assertTrue(Files.readString(tmp.resolve("de/tasks.csv")).lines().skip(1)
                .allMatch(l -> l.split(",").length >= 10), "comma-separated, dot decimals");
    }

    /** --seed on the command line and seed in the file give the same run. */
    @Test
    void seedOptionEqualsSeedInFile() throws IOException {
        Path a = Files.writeString(tmp.resolve("a.yaml"), SMALL.replace("count: 5", "count: 3"));
        Path b = Files.writeString(tmp.resolve("b.yaml"), SMALL.replace("count: 5", "count: 3").replace("seed: 3", "seed: 8"));
        assertEquals(0, run("flr", "--config", a.toString(), "--out", tmp.resolve("cli").toString(), "--seed", "8",
                "-q").code());
        assertEquals(0, run("flr", "--config", b.toString(), "--out", tmp.resolve("file").toString(), "-q").code());
        assertEquals(Files.readString(tmp.resolve("cli/tasks.csv")), Files.readString(tmp.resolve("file/tasks.csv")));
    }

    /** A run over an earlier result with --force replaces its files and leaves no staging folder behind. */
    @Test
    void rerunReplacesResultsWithoutLeftovers() throws IOException {
        Path cfg = Files.writeString(tmp.resolve("c.yaml"), SMALL.replace("count: 5", "count: 3"));
        Path out = tmp.resolve("again");
        assertEquals(0, run("flr", "--config", cfg.toString(), "--out", out.toString(), "-q").code());
        assertEquals(0, run("flr", "--config", cfg.toString(), "--out", out.toString(), "-q", "--force").code());
        try (var files = Files.list(out)) {
            assertEquals(3, files.count());
        }
        try (var files = Files.list(tmp)) {
            assertEquals(2, files.count(), "c.yaml and the results folder only");
        }
    }
}
