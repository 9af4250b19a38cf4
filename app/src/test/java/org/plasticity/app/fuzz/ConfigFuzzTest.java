package org.plasticity.app.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.ConfigException;
import org.plasticity.io.ConfigReader;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.experiment.Preflight;

/**
 * Mutated {@code flr} configs: small valid configs of every task type, rule, speed method and learning setting, in
 * YAML and JSON, each damaged in one way (a key deleted or added, a value of another type or an extreme number,
 * YAML syntax damage, bytes that are not UTF-8, an empty or huge file). Each must end in exit 0 with finite results,
 * or exit 2 with one line naming a key or the file (exit 1, one line, for a documented run failure), nothing
 * written on failure and no trace or hang.
 */
@Tag("slow") // outside the fast tier (mvn -Pfast): the fuzz suite, about 30 s with its two siblings
class ConfigFuzzTest {
    private static final long SUITE = 1;
    private static final int CASES_PER_BASE = 42;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Tiny valid configs: together they cover the task types, both rules and speed methods, learning on and off. */
    private static final Map<String, String> BASES = Map.of(
            "io-hebbian-quasi.yaml", """
                    seed: 5
                    network: {n: 12, memories: 2, beta: 0.6, sigma: 0.2, dt: 0.1}
                    simulation: {burn_in: 10, duration: 30, trials: 4, sample_every: 2}
                    task: {type: io-mapping, gamma: 0.1, count: 4}
                    rule: hebbian
                    speed: {method: quasi-static}
                    learning: {enabled: false}
                    """,
            "io-target-error-learning.yaml", """
                    seed: 7
                    network: {n: 12, memories: 2, beta: 0.6, sigma: 0.2, dt: 0.1, random_part: 0.1}
                    simulation: {burn_in: 10, duration: 30, trials: 4, sample_every: 2}
                    task: {type: io-mapping, gamma: 0.1, count: 4, alignment: random}
                    rule: target-error
                    speed: {method: quasi-static, perturbation: 0.02}
                    learning: {epsilon: 0.2, threshold: 0.5, max_time: 20, window_steps: 5, trials: 2}
                    """,
            "io-hebbian-concurrent.yaml", """
                    seed: 11
                    network: {n: 12, memories: 3, beta: 0.5, sigma: 0.25, dt: 0.1, activation: tanh, tau: 1.0}
                    simulation: {burn_in: 10, duration: 30, trials: 4, sample_every: 2, precision: float}
                    task: {type: io-mapping, gamma: 0.1, count: 3}
                    rule: hebbian
                    speed: {method: concurrent, epsilon: 0.001, window: 10, learners: 4}
                    learning: {enabled: false}
                    """,
            "auto-associative-learning.yaml", """
                    seed: 13
                    network: {n: 10, memories: 2, beta: 0.6, sigma: 0.2, dt: 0.1}
                    simulation: {burn_in: 10, duration: 30, trials: 3, sample_every: 3}
                    task: {type: auto-associative, gamma: 0.1, count: 3}
                    rule: hebbian
                    speed: {method: quasi-static}
                    learning: {max_time: 15, trials: 1}
                    """,
            "time-series.yaml", """
                    seed: 17
                    network: {n: 12, memories: 3, beta: 0.6, sigma: 0.2, dt: 0.1}
                    simulation: {burn_in: 10, duration: 30, trials: 4, sample_every: 2}
                    task: {type: time-series, sequence_length: 2, gamma: 0.1, count: 3}
                    rule: target-error
                    speed: {method: quasi-static}
                    learning: {enabled: false}
                    """,
            "linear-target-error-concurrent.json", """
                    {"seed": 19,
                     "network": {"n": 10, "memories": 2, "beta": 0.4, "sigma": 0.3, "dt": 0.1, "activation": "linear"},
                     "simulation": {"burn_in": 10, "duration": 30, "trials": 4, "sample_every": 2},
                     "task": {"type": "io-mapping", "gamma": 0.1, "count": 3},
                     "rule": "target-error",
                     "speed": {"method": "concurrent", "window": 10, "learners": 3},
                     "learning": {"max_time": 10, "trials": 1}}
                    """,
            "io-hebbian-quasi.json", """
                    {"seed": 23,
                     "network": {"n": 12, "memories": 2, "beta": 0.6, "sigma": 0.2, "dt": 0.1},
                     "simulation": {"burn_in": 10, "duration": 30, "trials": 4, "sample_every": 2},
                     "task": {"type": "io-mapping", "gamma": 0.1, "count": 4},
                     "rule": "hebbian",
                     "speed": {"method": "quasi-static"},
                     "learning": {"enabled": false}}
                    """,
            "time-series-learning.json", """
                    {"seed": 29,
                     "network": {"n": 10, "memories": 2, "beta": 0.6, "sigma": 0.2, "dt": 0.1},
                     "simulation": {"burn_in": 10, "duration": 30, "trials": 3, "sample_every": 2},
                     "task": {"type": "time-series", "sequence_length": 3, "gamma": 0.1, "count": 3},
                     "rule": "hebbian",
                     "speed": {"method": "quasi-static"},
                     "learning": {"max_time": 10, "trials": 1}}
                    """);

    /** Keys the reader knows but a base may leave out: mutations may add them too. */
    private static final List<String> OPTIONAL_KEYS = List.of("network.random_part", "network.activation",
            "network.tau", "simulation.precision", "task.alignment", "task.sequence_length", "speed.perturbation",
            "speed.epsilon", "speed.window", "speed.learners", "learning.epsilon", "learning.threshold",
            "learning.max_time", "learning.window_steps", "learning.trials", "learning.enabled");

    /** Values of other types and extreme numbers, as YAML text. */
    private static final List<String> VALUES = List.of("0", "-1", "1", "2", "1.0e-300", "1.0e+300", "2147483648",
            "2147483647", "-2147483649", "9223372036854775808", "123456789012345678901234567890", "0.5", "-0.0",
            "4.9e-324", "1.0e309", ".nan", ".inf", "-.inf", ".NaN", "1_000", "0x1F", "0o17", "017", "'abc'", "''",
            "'12'", "abc", "[1, 2]", "[]", "{a: 1}", "{}", "true", "no", "null", "~", "2001-12-14", "!!binary aGVsbG8=",
            "!!float '3'", "&anchor 3", "'" + "x".repeat(5000) + "'", "1e2", "3.", ".5", "+12", "1e-7", "1e7");

    /** Stands for a value written as raw YAML text: plain letters, so that YAML writes it without quotes. */
    private static final String PLACEHOLDER = "RAWVALUEPLACEHOLDER";

    /** Numbers a valid value is multiplied by: plausible and implausible scales. */
    private static final double[] FACTORS = {1e-300, 1e-20, 1e-3, 0.5, 2, 3, 1e3, 1e20, 1e300, -1};

    private static final String[] STRAY = {":", "{", "}", "[", "]", "\"", "'", "&", "*", "!", "|", ">", "%", "@",
        "`", "#", "- ", ",", "\\", "?", "\u0000", "\u00e9", "\u2028", "\ufeff"};

    @TempDir
    static Path tmp;

    /** How the cases ended, printed after the suite: a fuzz suite whose cases all end alike tests little. */
    private static final Map<String, Integer> OUTCOMES = new java.util.concurrent.ConcurrentSkipListMap<>();

    @AfterAll
    static void printOutcomes() {
        System.out.println("ConfigFuzzTest outcomes: " + OUTCOMES);
    }

    @TestFactory
    Stream<DynamicTest> mutatedConfigs() {
        Fuzz.Cases cases = new Fuzz.Cases(SUITE);
        for (String base : BASES.keySet().stream().sorted().toList()) {
            for (int i = 0; i < CASES_PER_BASE; i++) {
                SplittableRandom r = cases.nextRandom();
                Mutant m = mutate(base, BASES.get(base), i, r);
                cases.add(base + ": " + m.what(), () -> check(m));
            }
        }
        for (Mutant m : specialFiles()) {
            cases.add(m.what(), () -> check(m));
        }
        assertTrue(cases.size() >= 300, "at least 300 configs, got " + cases.size());
        return Fuzz.tests(cases.list());
    }

    /** A config file's bytes, what was done to it, and the file name it is written under. */
    record Mutant(String name, byte[] bytes, String what, List<String> keys) {}

    private static Mutant mutate(String base, String text, int kind, SplittableRandom r) {
        boolean json = base.endsWith(".json");
        ObjectNode tree = (ObjectNode) parse(text);
        List<String> keys = keys(tree);
        String key = keys.get(r.nextInt(keys.size()));
        int kinds = 16;
        switch (kind % kinds) {
            case 0 -> {
                remove(tree, key);
                return tree(base, tree, json, "delete " + key, key);
            }
            case 1 -> {
                String section = pick(r, List.of("", "network", "simulation", "task", "speed", "learning"));
                String unknown = (section.isEmpty() ? "" : section + ".") + pick(r, List.of("extra", "N", "sigma ",
                        "beta_", "network", "enabled", "learning_rate"));
                if (keys.contains(unknown)) {
                    unknown = unknown + "2";
                }
                set(tree, unknown, TextNode.valueOf(PLACEHOLDER));
                return raw(base, tree, json, "add unknown " + unknown + " = 1", "1", unknown);
            }
            case 2, 3, 4, 5 -> {
                String value = pick(r, VALUES);
                set(tree, key, TextNode.valueOf(PLACEHOLDER));
                return raw(base, tree, json, key + " <- " + value, value, key);
            }
            case 6, 7 -> {
                List<String> numeric = keys.stream().filter(k -> get(tree, k).isNumber()).toList();
                String k = pick(r, numeric);
                double factor = FACTORS[r.nextInt(FACTORS.length)];
                JsonNode v = get(tree, k);
                double scaled = v.doubleValue() * factor;
                set(tree, k, v.isIntegralNumber() && Math.abs(scaled) < 9e18 && scaled == Math.rint(scaled)
                        ? JSON.getNodeFactory().numberNode((long) scaled) : JSON.getNodeFactory().numberNode(scaled));
                return tree(base, tree, json, k + " x " + factor, k);
            }
            case 8 -> {
                String k = pick(r, OPTIONAL_KEYS);
                String value = pick(r, List.of("1", "0", "-3", "0.999", "1e-9", "linear", "float", "random", "100",
                        "false", "true", "graded"));
                set(tree, k, TextNode.valueOf(PLACEHOLDER));
                return raw(base, tree, json, k + " <- " + value, value, k);
            }
            case 9 -> {
                String section = pick(r, List.of("network", "simulation", "task", "speed", "learning"));
                String value = pick(r, List.of("[]", "1", "'text'", "null", "[{n: 3}]"));
                set(tree, section, TextNode.valueOf(PLACEHOLDER));
                return raw(base, tree, json, section + " <- " + value, value, section);
            }
            default -> {
                byte[] bytes = render(tree, json).getBytes(StandardCharsets.UTF_8);
                return textDamage(base, bytes, kind % kinds - 10, r);
            }
        }
    }

    /** Damage to the text itself: truncation, a stray character, indentation, a duplicate line, bytes not UTF-8. */
    private static Mutant textDamage(String base, byte[] bytes, int kind, SplittableRandom r) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(text.lines().toList());
        int line = r.nextInt(lines.size());
        switch (kind) {
            case 0 -> {
                int at = r.nextInt(bytes.length);
                return new Mutant(base, java.util.Arrays.copyOf(bytes, at), "truncated at byte " + at, List.of());
            }
            case 1 -> {
                int at = r.nextInt(text.length() + 1);
                String c = STRAY[r.nextInt(STRAY.length)];
                return utf8(base, text.substring(0, at) + c + text.substring(at), "insert " + escape(c) + " at " + at);
            }
            case 2 -> {
                int at = r.nextInt(text.length());
                return utf8(base, text.substring(0, at) + text.substring(at + 1), "delete the character at " + at);
            }
            case 3 -> {
                String l = lines.get(line);
                String changed = r.nextBoolean() ? "\t" + l.stripLeading() : " ".repeat(1 + r.nextInt(3)) + l;
                lines.set(line, changed);
                return utf8(base, String.join("\n", lines) + "\n", "line " + (line + 1) + " re-indented as '"
                        + escape(changed.substring(0, Math.min(12, changed.length()))) + "'");
            }
            case 4 -> {
                lines.add(line + 1, lines.get(line));
                return utf8(base, String.join("\n", lines) + "\n", "line " + (line + 1) + " twice");
            }
            default -> {
                byte[][] bad = {{(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    {(byte) 0xC0, (byte) 0xAF}, {(byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80}};
                byte[] b = bad[r.nextInt(bad.length)];
                int at = r.nextInt(bytes.length + 1);
                byte[] out = new byte[bytes.length + b.length];
                System.arraycopy(bytes, 0, out, 0, at);
                System.arraycopy(b, 0, out, at, b.length);
                System.arraycopy(bytes, at, out, at + b.length, bytes.length - at);
                StringBuilder hex = new StringBuilder();
                for (byte x : b) {
                    hex.append(String.format("%02x", x & 0xFF));
                }
                return new Mutant(base, out, "bytes " + hex + " (not UTF-8) at " + at, List.of());
            }
        }
    }

    /** Whole files that are no config: empty, blank, huge, nested without end, alias bombs, another document. */
    private static List<Mutant> specialFiles() {
        String valid = BASES.get("io-hebbian-quasi.yaml");
        List<Mutant> m = new ArrayList<>();
        m.add(utf8("empty.yaml", "", "an empty file"));
        m.add(utf8("blank.yaml", "  \n\n\t\n", "only blank lines"));
        m.add(utf8("comment.yaml", "# nothing but a comment\n", "only a comment"));
        m.add(utf8("scalar.yaml", "42\n", "a number, not a mapping"));
        m.add(utf8("list.yaml", "- seed: 1\n- network: {}\n", "a list, not a mapping"));
        m.add(utf8("two-docs.yaml", valid + "---\nseed: 1\n", "a second YAML document"));
        m.add(utf8("crlf.yaml", valid.replace("\n", "\r\n"), "CRLF line ends (valid)"));
        m.add(utf8("bom.yaml", "\ufeff" + valid, "a byte order mark first"));
        m.add(utf8("huge.yaml", valid + "# " + "x".repeat(ConfigReader.MAX_BYTES) + "\n", "over 1 MiB"));
        m.add(utf8("big-comment.yaml", valid + "# " + "x".repeat(900_000) + "\n", "900 kB of comment (valid)"));
        m.add(utf8("big-string.yaml", valid.replace("rule: hebbian", "rule: '" + "y".repeat(900_000) + "'"),
                "a 900 kB rule name"));
        m.add(utf8("nested.yaml", "seed: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n", "lists nested 20000 deep"));
        m.add(utf8("nested-maps.yaml", "seed: " + "{a: ".repeat(5_000) + "1" + "}".repeat(5_000) + "\n",
                "mappings nested 5000 deep"));
        StringBuilder laughs = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            laughs.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                laughs.append(i == 0 ? "" : ", ").append('*').append((char) (c - 1));
            }
            laughs.append("]\n");
        }
        m.add(new Mutant("laughs.yaml", (laughs + valid).getBytes(StandardCharsets.UTF_8),
                "an alias bomb (10^10 nodes)", List.of("a")));
        m.add(new Mutant("alias.yaml", valid.replace("seed: 5", "seed: &s 5\nx: *s").getBytes(StandardCharsets.UTF_8),
                "an alias to a key's value", List.of("x")));
        m.add(utf8("tag.yaml", valid.replace("rule: hebbian", "rule: !!python/object/apply:os.system ['ls']"),
                "a language-specific tag"));
        m.add(new Mutant("binary.yaml", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13},
                "a PNG header", List.of()));
        m.add(new Mutant("nul.yaml", (valid + "\u0000\n").getBytes(StandardCharsets.UTF_8), "a NUL byte", List.of()));
        m.add(new Mutant("utf16.yaml", valid.getBytes(StandardCharsets.UTF_16), "UTF-16 text", List.of()));
        return m;
    }

    /** Runs one mutant through {@code flr} and checks the contract. */
    private static void check(Mutant m) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "case");
        Path config = dir.resolve(m.name());
        Files.write(config, m.bytes());
        Path out = dir.resolve("out");
        String runsFor = accepted(config);
        if (runsFor != null) {
            // valid, but a run of this size is not for a unit test: the checks up to the run are what is fuzzed here
            OUTCOMES.merge("valid, too large to run here", 1, Integer::sum);
            return;
        }
        Fuzz.Run r = Fuzz.cli("flr", "--config", config.toString(), "--out", out.toString(), "--threads", "1", "-q");
        OUTCOMES.merge("exit " + r.code(), 1, Integer::sum);
        switch (r.code()) {
            case 0 -> assertGoodRun(r, out);
            case 2 -> {
                List<String> named = new ArrayList<>(List.of(config.toString(), "seed", "network", "simulation",
                        "task", "rule", "speed", "learning", "(top level)", "--"));
                named.addAll(m.keys());
                Fuzz.assertRefused(r, 2, out, named);
                String line = r.err().strip();
                // a syntax error says where; a value is quoted as written (a list was once shown as '')
                assertTrue(!line.contains("not valid YAML/JSON") || line.matches(".*not valid YAML/JSON at line \\d+, "
                        + "column \\d+: .*") || line.matches(".*: Document nesting depth \\(\\d+\\) exceeds the maximum "
                        + "allowed \\(1000\\)"), line);
                assertTrue(!line.contains("got ''") || m.what().contains("''"), line);
            }
            case 1 -> {
                Fuzz.assertRefused(r, 1, out, List.of("simulation diverged", "statistic "));
            }
            default -> throw new AssertionError("exit code " + r.code() + ": " + r.describe());
        }
    }

    /**
     * @return null when the config should be run here (invalid, or valid and small); else why it is not: valid but
     *     estimated to take longer than a fuzz case may
     */
    private static String accepted(Path config) {
        FlrConfig cfg;
        try {
            cfg = ConfigReader.read(config);
            Preflight.Estimate e = Preflight.check(cfg, 1);
            if (e.seconds() > 0.02 || e.bytes() > 2e8) {
                return String.format("estimate %.3g s, %.3g bytes", e.seconds(), e.bytes());
            }
        } catch (ConfigException invalid) {
            return null;
        }
        return null;
    }

    private static void assertGoodRun(Fuzz.Run r, Path out) {
        // A good run prints nothing on stderr but, for a config outside the linear-response regime, its one warning.
        List<String> err = r.err().strip().lines().toList();
        assertTrue(r.err().isBlank() || err.size() == 1 && err.get(0).startsWith("warning: regime "), r::describe);
        assertEquals(List.of("pred-vs-measured.png", "summary.json", "tasks.csv"), Fuzz.list(out));
        JsonNode summary = Fuzz.readStrictJson(out.resolve("summary.json"));
        Fuzz.assertFiniteTree(summary, "", ConfigFuzzTest::nullable);
        Fuzz.assertNoDebris(out);
    }

    /**
     * Where summary.json may hold null: the log-log statistics (NaN when fewer than three tasks have positive values,
     * see NonFiniteResultException), the learning-time comparison and each task's learning time and final overlap
     * (a time never reached; none with learning off), and the regime's ratios (no spontaneous variance at sigma 0).
     */
    static boolean nullable(String pointer) {
        return pointer.matches("/(flr1|flr2|flr2_variance_form|learning_time)/(loglog_slope|loglog_r)")
                || pointer.matches("/regime/(top_eigenvalue_relative_se|between_trial_share)")
                || pointer.equals("/learning_time") || pointer.startsWith("/learning_time/")
                || pointer.matches("/tasks/\\d+/(learning_time|final_overlap)");
    }

    private static Mutant tree(String base, ObjectNode tree, boolean json, String what, String key) {
        return new Mutant(base, render(tree, json).getBytes(StandardCharsets.UTF_8), what, List.of(key));
    }

    /** The tree with the placeholder replaced by {@code value} as raw YAML text. */
    private static Mutant raw(String base, ObjectNode tree, boolean json, String what, String value, String key) {
        String text = render(tree, json).replace("\"" + PLACEHOLDER + "\"", value).replace(PLACEHOLDER, value);
        return new Mutant(base, text.getBytes(StandardCharsets.UTF_8), what, List.of(key));
    }

    private static Mutant utf8(String name, String text, String what) {
        return new Mutant(name, text.getBytes(StandardCharsets.UTF_8), what, List.of());
    }

    private static String render(ObjectNode tree, boolean json) {
        try {
            return json ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n"
                    : YAML.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return every dotted key of the tree, sections included. */
    private static List<String> keys(JsonNode tree) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            out.add(f.getKey());
            if (f.getValue().isObject()) {
                keys(f.getValue()).forEach(k -> out.add(f.getKey() + "." + k));
            }
        }
        return out;
    }

    private static JsonNode get(JsonNode tree, String dotted) {
        JsonNode n = tree;
        for (String part : dotted.split("\\.")) {
            n = n.get(part);
        }
        return n;
    }

    private static void set(ObjectNode tree, String dotted, JsonNode value) {
        String[] parts = dotted.split("\\.");
        ObjectNode n = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = n.get(parts[i]);
            n = child instanceof ObjectNode o ? o : n.putObject(parts[i]);
        }
        n.set(parts[parts.length - 1], value);
    }

    private static void remove(ObjectNode tree, String dotted) {
        int dot = dotted.lastIndexOf('.');
        ObjectNode parent = dot < 0 ? tree : (ObjectNode) get(tree, dotted.substring(0, dot));
        parent.remove(dotted.substring(dot + 1));
    }

    private static <T> T pick(SplittableRandom r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return b.toString();
    }
}
