package org.plasticity.app.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.plasticity.app.Main;

/**
 * Shared parts of the fuzz tests: fixed seeds, a per-case timeout, running the CLI in-process, and the contract every
 * case must keep. Bad input is exit 2 with one line {@code error: <key, option or file>: <what>} and nothing written;
 * good input is exit 0 with finite results; exit 1 is a documented run failure (divergence, a non-finite statistic),
 * also one line with nothing written. Never a stack trace, a hang or a partial folder.
 *
 * <p>Every case has its own seed, derived from {@link #SEED} and its number, and both are in its name. To replay one
 * case run the test class with {@code -Dfuzz.case=<number>}.
 */
final class Fuzz {
    /** The seed every case's random source derives from; fixed so that CI runs the same cases every time. */
    static final long SEED = 0x5EED_F022L;
    /** Longest a case may take: the cases are kept tiny, so anything near this is a hang. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

    private Fuzz() {}

    /** @return the random source of case {@code index} of a suite: independent of every other case. */
    static SplittableRandom random(long suite, int index) {
        return new SplittableRandom(caseSeed(suite, index));
    }

    static long caseSeed(long suite, int index) {
        return SEED ^ (suite * 0x9E3779B97F4A7C15L) ^ ((index + 1L) * 0xC2B2AE3D27D4EB4FL);
    }

    /** A case: its number, what was done to the input, and the check. */
    record Case(int index, long seed, String what, Executable check) {}

    /** @return the cases as dynamic tests named with their number, seed and mutation, filtered by -Dfuzz.case. */
    static Stream<DynamicTest> tests(List<Case> cases) {
        String only = System.getProperty("fuzz.case");
        return cases.stream()
                .filter(c -> only == null || only.isBlank() || Integer.parseInt(only.trim()) == c.index())
                .map(c -> {
                    String name = String.format("#%d seed %016x: %s", c.index(), c.seed(), shown(c.what()));
                    return DynamicTest.dynamicTest(name, () -> named(name, c.check()));
                });
    }

    /** Runs a case's check; a failure carries the case's name, since reports may show only its position. */
    private static void named(String name, Executable check) throws Throwable {
        try {
            check.execute();
        } catch (Throwable t) {
            throw new AssertionError("fuzz case " + name + " (replay: -Dfuzz.case=" + name.substring(1,
                    name.indexOf(' ')) + "): " + t, t);
        }
    }

    /** @return {@code s} on one line and at most 120 characters, for a test name. */
    static String shown(String s) {
        String line = s.replaceAll("[\\r\\n\\t]", " ").replaceAll("[^\\x20-\\x7e]", "?");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }

    /** The outcome of one command line. */
    record Run(int code, String out, String err) {
        String describe() {
            return "exit " + code + "\nstderr: " + err + "\nstdout: " + (out.length() > 2000 ? out.substring(0, 2000)
                    + "..." : out);
        }
    }

    /** Runs the CLI in-process, failing the case if it takes longer than {@link #TIMEOUT}. */
    static Run cli(String... args) {
        return assertTimeoutPreemptively(TIMEOUT, () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Run(code, out.toString(), err.toString());
        }, () -> "no answer within " + TIMEOUT.toSeconds() + " s: plasticity " + String.join(" ", args));
    }

    /**
     * Checks a refusal: exit {@code code} (2 bad input, 1 run failure), exactly one stderr line starting with
     * {@code error: } and naming one of {@code named} (a key, option or file) right after it, no trace, and
     * {@code out} absent or empty with no staging folder beside it.
     */
    static void assertRefused(Run r, int code, Path out, List<String> named) {
        assertEquals(code, r.code(), r::describe);
        assertOneErrorLine(r);
        String line = r.err().strip();
        assertTrue(named.stream().anyMatch(n -> line.startsWith("error: " + n)),
                () -> "the error names one of " + named + ": " + line);
        assertNothingWritten(out);
    }

    /** One line on stderr, {@code error: ...}, and no sign of a stack trace. */
    static void assertOneErrorLine(Run r) {
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), () -> "one line on stderr: " + r.describe());
        assertTrue(err.startsWith("error: "), r::describe);
        for (String trace : List.of("Exception", "\tat ", "at org.", "at java.", "internal error")) {
            assertFalse(err.contains(trace), () -> "no trace ('" + trace + "'): " + r.describe());
        }
    }

    /** {@code out} does not exist or is empty, and no staging folder of it is left next to it. */
    static void assertNothingWritten(Path out) {
        if (Files.isDirectory(out)) {
            assertEquals(List.of(), list(out), "nothing written into " + out);
        } else {
            assertFalse(Files.exists(out), out + " not created");
        }
        assertNoDebris(out);
    }

    /** No staging or old folder of {@code out} is left next to it. */
    static void assertNoDebris(Path out) {
        String prefix = "." + out.getFileName() + ".";
        List<String> debris = list(out.getParent()).stream().filter(n -> n.startsWith(prefix)).toList();
        assertEquals(List.of(), debris, "no staging folders left next to " + out);
    }

    /** @return the names in {@code dir}, sorted; empty when it does not exist. */
    static List<String> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a JSON file the strict way: a NaN or Infinity token is a failure, as it is for any JSON reader. */
    static JsonNode readStrictJson(Path file) {
        try {
            return STRICT_JSON.readTree(file.toFile());
        } catch (IOException e) {
            return fail(file + " is not strict JSON: " + e.getMessage());
        }
    }

    /**
     * Checks every number in {@code node} is finite, and that nulls appear only at paths {@code nullable} accepts
     * (JSON pointers such as {@code /flr1/loglog_slope}).
     */
    static void assertFiniteTree(JsonNode node, String pointer, Function<String, Boolean> nullable) {
        if (node.isNumber()) {
            assertTrue(Double.isFinite(node.doubleValue()), pointer + " is finite: " + node);
        } else if (node.isNull()) {
            assertTrue(nullable.apply(pointer), pointer + " is null, which the docs do not allow there");
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertFiniteTree(node.get(i), pointer + "/" + i, nullable);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                assertFiniteTree(f.getValue(), pointer + "/" + f.getKey(), nullable);
            }
        }
    }

    /** Builds a list of cases numbered from 0. */
    static final class Cases {
        private final long suite;
        private final List<Case> cases = new ArrayList<>();

        Cases(long suite) {
            this.suite = suite;
        }

        /** @return the random source of the next case. */
        SplittableRandom nextRandom() {
            return random(suite, cases.size());
        }

        void add(String what, Executable check) {
            int i = cases.size();
            cases.add(new Case(i, caseSeed(suite, i), what, check));
        }

        int size() {
            return cases.size();
        }

        List<Case> list() {
            return cases;
        }
    }
}
