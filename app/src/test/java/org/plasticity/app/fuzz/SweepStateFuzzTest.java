package org.plasticity.app.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.io.FolderLock;

/**
 * Damaged states of a finished and of a half-finished tiny sweep (journal lines cut or wrong, sweep.json empty or of
 * another spec, files missing, a stale lock, leftover temp and staging folders), then {@code sweep --resume}: exit 0
 * with the complete results.csv of an undamaged run, or exit 2 with one line naming the file at fault and the folder
 * left as it was.
 */
@Tag("slow") // outside the fast tier (mvn -Pfast): the fuzz suite, about 30 s with its two siblings
class SweepStateFuzzTest {
    private static final long SUITE = 3;
    private static final String SPEC = """
            experiment: flr
            seed: 4
            base:
              network: {n: 10, memories: 2, beta: 0.5, sigma: 0.2, dt: 0.1}
              simulation: {burn_in: 10, duration: 30, trials: 3, sample_every: 3}
              task: {type: io-mapping, gamma: 0.1, count: 3}
              rule: hebbian
              speed: {method: quasi-static}
              learning: {enabled: false}
            grid:
              network.memories: [1, 2]
              network.beta: [0.4, 0.6]
            """;

    @TempDir
    static Path tmp;

    private static Path reference;
    private static Path spec;

    private static final Map<String, Integer> OUTCOMES = new java.util.concurrent.ConcurrentSkipListMap<>();

    @AfterAll
    static void printOutcomes() {
        System.out.println("SweepStateFuzzTest outcomes: " + OUTCOMES);
    }

    /** What is done to a sweep folder before it is resumed. */
    private interface Damage {
        void apply(Path dir) throws IOException;
    }

    private record State(String what, boolean finished, Damage damage) {}

    @TestFactory
    Stream<DynamicTest> damagedSweepStates() {
        Fuzz.Cases cases = new Fuzz.Cases(SUITE);
        for (boolean finished : new boolean[] {true, false}) {
            String state = finished ? "finished" : "half-finished";
            for (State s : states(finished, cases)) {
                cases.add(state + ": " + s.what(), () -> resume(s));
            }
        }
        assertTrue(cases.size() >= 20, "at least 20 sweep states, got " + cases.size());
        return Fuzz.tests(cases.list());
    }

    /** The damages; random choices (which line, where cut) come from each case's own seed. */
    private static List<State> states(boolean finished, Fuzz.Cases cases) {
        List<State> s = new ArrayList<>();
        SplittableRandom r = cases.nextRandom();
        int cut = 1 + r.nextInt(40);
        s.add(new State("last journal line cut after " + cut + " characters", finished, dir ->
                editLines(dir, lines -> lines.set(lines.size() - 1, head(lines.get(lines.size() - 1), cut)), false)));
        s.add(new State("first journal line cut, later lines whole", finished, dir ->
                editLines(dir, lines -> lines.set(0, head(lines.get(0), 25)), true)));
        s.add(new State("a garbage journal line", finished, dir ->
                editLines(dir, lines -> lines.add(0, "\u0001garbage{]"), true)));
        s.add(new State("a blank journal line", finished, dir -> editLines(dir, lines -> lines.add(0, ""), true)));
        s.add(new State("journal line with another point's id", finished, dir ->
                editLines(dir, lines -> lines.set(0, lines.get(0).replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"p0000\"")),
                        true)));
        s.add(new State("journal line with index 99", finished, dir ->
                editLines(dir, lines -> lines.set(0, lines.get(0).replaceFirst("\"index\":\\d+", "\"index\":99")), true)));
        s.add(new State("journal line with index -1", finished, dir ->
                editLines(dir, lines -> lines.set(0, lines.get(0).replaceFirst("\"index\":\\d+", "\"index\":-1")), true)));
        s.add(new State("journal line with index \"0\"", finished, dir ->
                editLines(dir, lines -> lines.set(0, lines.get(0).replaceFirst("\"index\":\\d+", "\"index\":\"0\"")),
                        true)));
        s.add(new State("journal line without metrics", finished, dir ->
                editLines(dir, lines -> lines.set(0, lines.get(0).replaceFirst("\"metrics\":\\{[^}]*\\},", "")), true)));
        s.add(new State("journal metric renamed", finished, dir ->
                editLines(dir, lines -> lines.set(0, lines.get(0).replaceFirst("\\{\"([a-z_0-9]+)\":", "{\"$1x\":")),
                        true)));
        s.add(new State("journal metric a string", finished, dir ->
                editLines(dir, lines -> lines.set(0, lines.get(0).replaceFirst("(\"metrics\":\\{\"[a-z_0-9]+\":)",
                        "$1\"fast\",\"dummy\":")), true)));
        s.add(new State("journal line twice", finished, dir -> editLines(dir, lines -> lines.add(lines.get(0)), true)));
        s.add(new State("journal line with an unknown field", finished, dir ->
                editLines(dir, lines -> lines.set(0, lines.get(0).replaceFirst("^\\{", "{\"note\":1,")), true)));
        s.add(new State("journal line with negative seconds", finished, dir ->
                editLines(dir, lines -> lines.set(0, lines.get(0).replaceFirst("\"seconds\":[0-9.eE-]+",
                        "\"seconds\":-1")), true)));
        s.add(new State("journal empty", finished, dir -> Files.writeString(dir.resolve("journal.jsonl"), "")));
        s.add(new State("journal missing", finished, dir -> Files.delete(dir.resolve("journal.jsonl"))));
        s.add(new State("journal not UTF-8", finished, dir ->
                Files.write(dir.resolve("journal.jsonl"), new byte[] {'{', (byte) 0xFF, '}', '\n'})));
        s.add(new State("journal with CRLF line ends", finished, dir ->
                Files.writeString(dir.resolve("journal.jsonl"),
                        Files.readString(dir.resolve("journal.jsonl")).replace("\n", "\r\n"))));
        s.add(new State("journal a folder", finished, dir -> {
            Files.delete(dir.resolve("journal.jsonl"));
            Files.createDirectory(dir.resolve("journal.jsonl"));
        }));
        s.add(new State("sweep.json empty", finished, dir -> Files.writeString(dir.resolve("sweep.json"), "")));
        int at = r.nextInt(200);
        s.add(new State("sweep.json cut at " + at, finished, dir -> Files.writeString(dir.resolve("sweep.json"),
                head(Files.readString(dir.resolve("sweep.json")), at))));
        s.add(new State("sweep.json garbage", finished, dir ->
                Files.write(dir.resolve("sweep.json"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1})));
        s.add(new State("sweep.json a JSON list", finished, dir -> Files.writeString(dir.resolve("sweep.json"), "[1]")));
        s.add(new State("sweep.json of another spec", finished, dir -> Files.writeString(dir.resolve("sweep.json"),
                Files.readString(dir.resolve("sweep.json")).replace("\"n\" : 10", "\"n\" : 11"))));
        s.add(new State("sweep.json with another seed", finished, dir -> Files.writeString(dir.resolve("sweep.json"),
                Files.readString(dir.resolve("sweep.json")).replaceFirst("\"seed\" : 4", "\"seed\" : 5"))));
        s.add(new State("sweep.json missing", finished, dir -> Files.delete(dir.resolve("sweep.json"))));
        s.add(new State("sweep.json a folder", finished, dir -> {
            Files.delete(dir.resolve("sweep.json"));
            Files.createDirectory(dir.resolve("sweep.json"));
        }));
        s.add(new State("points.csv missing", finished, dir -> Files.delete(dir.resolve("points.csv"))));
        s.add(new State("points.csv garbage", finished, dir -> Files.writeString(dir.resolve("points.csv"), "x,y\n")));
        s.add(new State("summary.json garbage", finished, dir -> Files.writeString(dir.resolve("summary.json"), "{")));
        s.add(new State("results.csv garbage", finished, dir -> Files.writeString(dir.resolve("results.csv"), "1,2")));
        s.add(new State("a stale lock file", finished, dir ->
                Files.writeString(dir.resolve(FolderLock.FILE), "999999\n")));
        s.add(new State("leftover temp files", finished, dir -> {
            Files.writeString(dir.resolve(".journal.jsonl.999999-abc.tmp"), "{\"index\":");
            Files.writeString(dir.resolve(".results.csv.999999-def.tmp"), "index");
        }));
        s.add(new State("a leftover staging folder of a dead process", finished, dir ->
                Files.createDirectories(dir.resolveSibling("." + dir.getFileName() + ".partial-999999-x"))));
        return s;
    }

    /** Resumes a damaged copy of the reference sweep and checks the contract. */
    private static void resume(State s) throws IOException {
        Path dir = copyOfReference(s.finished());
        s.damage().apply(dir);
        List<String> before = Fuzz.list(dir);
        Fuzz.Run r = Fuzz.cli("sweep", "--spec", spec().toString(), "--out", dir.toString(), "--resume", "--threads",
                "1", "-q");
        OUTCOMES.merge("exit " + r.code(), 1, Integer::sum);
        if (r.code() == 0) {
            for (String line : r.err().strip().lines().toList()) {
                assertTrue(line.startsWith("note: "), r::describe);
            }
            for (String file : List.of("results.csv", "points.csv", "sweep.json")) {
                assertEquals(Files.readString(reference.resolve(file)), Files.readString(dir.resolve(file)),
                        file + " equal to an undamaged run's");
            }
            assertEquals(journalLines(reference), journalLines(dir), "journal: the same points, whatever order");
            Fuzz.assertFiniteTree(Fuzz.readStrictJson(dir.resolve("summary.json")), "", p -> false);
            assertTrue(Fuzz.list(dir).stream().noneMatch(n -> n.endsWith(".tmp")), "no temp files: " + Fuzz.list(dir));
            Fuzz.assertNoDebris(dir);
        } else {
            List<String> named = new ArrayList<>(List.of("--resume", "--out", spec().toString()));
            for (String f : List.of("sweep.json", "journal.jsonl", "points.csv", "results.csv", "summary.json")) {
                named.add(dir.resolve(f).toString());
            }
            assertEquals(2, r.code(), r::describe);
            Fuzz.assertOneErrorLine(r);
            String line = r.err().strip();
            assertTrue(named.stream().anyMatch(n -> line.startsWith("error: " + n)), line);
            List<String> after = new ArrayList<>(Fuzz.list(dir));
            after.remove(FolderLock.FILE);
            List<String> expected = new ArrayList<>(before);
            expected.remove(FolderLock.FILE);
            assertEquals(expected, after, "a refused resume leaves the folder as it was");
        }
    }

    /** @return the journal's entries without their timing, sorted: equal whatever order the points finished in. */
    private static List<String> journalLines(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("journal.jsonl")).stream()
                .map(l -> l.replaceFirst(",\"seconds\":[0-9.eE-]+", "")).sorted().toList();
    }

    private static synchronized Path spec() throws IOException {
        if (spec == null) {
            spec = Files.writeString(tmp.resolve("spec.yaml"), SPEC);
        }
        return spec;
    }

    /** The undamaged sweep, run once. */
    private static synchronized Path reference() throws IOException {
        if (reference == null) {
            Path out = tmp.resolve("reference");
            Fuzz.Run r = Fuzz.cli("sweep", "--spec", spec().toString(), "--out", out.toString(), "--threads", "1",
                    "-q");
            assertEquals(0, r.code(), r::describe);
            reference = out;
        }
        return reference;
    }

    /**
     * @return a copy of the reference sweep; half-finished: two of its four points in the journal, no results and
     *     a summary that says running, as a sweep killed halfway leaves it
     */
    private static Path copyOfReference(boolean finished) throws IOException {
        Path dir = Files.createTempDirectory(tmp, finished ? "finished" : "half");
        try (Stream<Path> files = Files.list(reference())) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals(FolderLock.FILE)) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
        }
        if (!finished) {
            List<String> lines = Files.readAllLines(dir.resolve("journal.jsonl"));
            Files.writeString(dir.resolve("journal.jsonl"), String.join("\n", lines.subList(0, 2)) + "\n");
            Files.delete(dir.resolve("results.csv"));
            Files.writeString(dir.resolve("summary.json"), Files.readString(dir.resolve("summary.json"))
                    .replace("\"complete\"", "\"running\""));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    if (f.getFileName().toString().endsWith(".png")) {
                        Files.delete(f);
                    }
                }
            }
        }
        return dir;
    }

    private interface LineEdit {
        void edit(List<String> lines);
    }

    /** Edits the journal's lines; {@code newlineAtEnd} false leaves the last line without its newline (torn). */
    private static void editLines(Path dir, LineEdit edit, boolean newlineAtEnd) throws IOException {
        Path journal = dir.resolve("journal.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(journal));
        edit.edit(lines);
        Files.writeString(journal, String.join("\n", lines) + (newlineAtEnd ? "\n" : ""));
    }

    private static String head(String s, int n) {
        return s.substring(0, Math.min(n, s.length()));
    }
}
