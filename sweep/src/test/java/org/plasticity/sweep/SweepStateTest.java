package org.plasticity.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.ConfigException;
import org.plasticity.numeric.Seeds;
import org.plasticity.recurrent.experiment.ProgressListener;

/**
 * Damaged sweep state is one line naming the file (and the journal's line), never a trace or a silent redo; points
 * are compared by value (1, 1.0 and 1e0 are one point); the sweep seed can come from the command line.
 */
class SweepStateTest {
    /** Two quick points. */
    static final String SPEC = SweepSpecReaderTest.BASE + "grid:\n  network.memories: [1, 2]\n";

    @TempDir
    Path tmp;

    private Path finished() throws IOException, InterruptedException {
        Path out = tmp.resolve("s");
        new LocalSweep(SweepSpecReaderTest.parse(SPEC), out).run(2, false, ProgressListener.NONE);
        return out;
    }

    private ConfigException resumeFails(Path out, String file, String... fragments) {
        ConfigException e = assertThrows(ConfigException.class, () -> new LocalSweep(SweepSpecReaderTest.parse(SPEC),
                out).run(1, true, ProgressListener.NONE, n -> { }));
        String m = e.getMessage();
        assertTrue(m.startsWith(out.resolve(file) + ": "), m);
        assertEquals(1, m.lines().count(), m);
        for (String f : fragments) {
            assertTrue(m.contains(f), "contains '" + f + "': " + m);
        }
        return e;
    }

    private static void replaceLine(Path journal, int line, String text) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(journal));
        lines.set(line, text);
        Files.writeString(journal, String.join("\n", lines) + "\n");
    }

    @Test
    void damagedJournalLinesNameTheFileAndLine() throws Exception {
        Path out = finished();
        Path journal = out.resolve(LocalSweep.JOURNAL);
        List<String> good = Files.readAllLines(journal);

        replaceLine(journal, 0, good.get(0).replaceFirst("\"index\":\\d+,", ""));
        resumeFails(out, LocalSweep.JOURNAL, "line 1: 'index' missing");

        Files.write(journal, good);
        replaceLine(journal, 1, good.get(1).replace("\"flr1_r\"", "\"flr1_rr\""));
        resumeFails(out, LocalSweep.JOURNAL, "line 2: metrics", "flr1_rr", "flr1_r");

        Files.write(journal, good);
        replaceLine(journal, 0, good.get(0).replaceFirst("\"id\":\"p[0-9a-f]+\"", "\"id\":\"p000000000000\""));
        resumeFails(out, LocalSweep.JOURNAL, "line 1: id p000000000000 is not point");

        Files.write(journal, good);
        replaceLine(journal, 1, good.get(0));
        resumeFails(out, LocalSweep.JOURNAL, "line 2: point", "already recorded on line 1");

        // a line cut short in the middle is not a crash's torn last line
        Files.writeString(journal, good.get(0).substring(0, 20) + "\n" + good.get(1) + "\n");
        resumeFails(out, LocalSweep.JOURNAL, "line 1: not a JSON object");
    }

    @Test
    void tornLastLineIsDroppedWithANoteAndRedone() throws Exception {
        Path out = finished();
        Path journal = out.resolve(LocalSweep.JOURNAL);
        String table = Files.readString(out.resolve(LocalSweep.RESULTS));
        List<String> good = Files.readAllLines(journal);
        Files.writeString(journal, good.get(0) + "\n" + good.get(1).substring(0, good.get(1).length() - 3));
        List<String> notes = new ArrayList<>();
        LocalSweep.Outcome o = new LocalSweep(SweepSpecReaderTest.parse(SPEC), out).run(1, true,
                ProgressListener.NONE, notes::add);
        assertEquals(1, o.ranNow());
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains(journal + ": line 2 was cut short"), notes.get(0));
        assertEquals(table, Files.readString(out.resolve(LocalSweep.RESULTS)));
    }

    @Test
    void damagedSweepJsonNamesTheFile() throws Exception {
        Path out = finished();
        Path specFile = out.resolve(LocalSweep.SPEC);
        Files.writeString(specFile, "");
        resumeFails(out, LocalSweep.SPEC, "empty or not a JSON object");
        Files.writeString(specFile, "{\"version\": \"x\", \"spec\": {\"experi");
        resumeFails(out, LocalSweep.SPEC, "not valid JSON");
        Files.writeString(specFile, "{\"version\": \"x\"}");
        resumeFails(out, LocalSweep.SPEC, "no \"spec\" mapping");
    }

    @Test
    void numbersNameTheSamePointWhateverTheirSpelling() throws Exception {
        ConfigException dup = assertThrows(ConfigException.class,
                () -> SweepSpecReaderTest.parse(SweepSpecReaderTest.BASE + "grid:\n  network.memories: [1, 2, 1.0]\n"));
        assertTrue(dup.getMessage().contains("point 2 (network.memories=1.0) repeats another, point 0 (network.memories=1)"),
                dup.getMessage());
        assertEquals(1, dup.getMessage().lines().count());
        assertThrows(ConfigException.class, () -> SweepSpecReaderTest.parse(SweepSpecReaderTest.BASE
                + "points:\n  - {network.beta: 1e0}\n  - {network.beta: 1}\n"));

        String beta = SweepSpecReaderTest.BASE + "grid:\n  network.beta: [0.5, 1]\n";
        SweepSpec ints = SweepSpecReaderTest.parse(beta);
        SweepSpec floats = SweepSpecReaderTest.parse(beta.replace("[0.5, 1]", "[0.5, 1.0]"));
        SweepSpec exponent = SweepSpecReaderTest.parse(beta.replace("[0.5, 1]", "[5e-1, 1e0]"));
        for (int i = 0; i < 2; i++) {
            assertEquals(ints.points().get(i).id(), floats.points().get(i).id());
            assertEquals(ints.points().get(i).seed(), floats.points().get(i).seed());
            assertEquals(ints.points().get(i).id(), exponent.points().get(i).id());
        }
        // resuming with the other spelling finds every point done
        Path out = tmp.resolve("beta");
        new LocalSweep(floats, out).run(2, false, ProgressListener.NONE);
        assertEquals(0, new LocalSweep(ints, out).run(1, true, ProgressListener.NONE, n -> { }).ranNow());
    }

    @Test
    void integersAndFractionsKeepTheirIds() {
        SweepSpec s = SweepSpecReaderTest.parse(SweepSpecReaderTest.BASE
                + "grid:\n  network.beta: [0.3]\n  network.memories: [2]\n");
        LinkedHashMap<String, String> written = new LinkedHashMap<>();
        written.put("network.beta", "0.3");
        written.put("network.memories", "2");
        long hash = SweepSpecReader.hash(written);
        assertEquals(String.format("p%012x", hash >>> 16), s.points().get(0).id());
        assertEquals(Seeds.derive(3, hash), s.points().get(0).seed());
    }

    @Test
    void seedOptionReplacesTheSpecsSeed() {
        SweepSpec nine = SweepSpecReader.parse(SPEC, "spec.yaml", Path.of("."), 9L);
        SweepSpec written = SweepSpecReaderTest.parse(SPEC.replace("seed: 3", "seed: 9"));
        SweepSpec three = SweepSpecReaderTest.parse(SPEC);
        assertEquals(9, nine.seed());
        assertEquals(written.text(), nine.text(), "the recorded spec carries the seed used");
        for (int i = 0; i < 2; i++) {
            assertEquals(written.points().get(i).seed(), nine.points().get(i).seed());
            assertNotEquals(three.points().get(i).seed(), nine.points().get(i).seed());
            assertEquals(three.points().get(i).id(), nine.points().get(i).id());
        }
        SweepSpec noSeed = SweepSpecReader.parse(SPEC.replace("seed: 3\n", ""), "spec.yaml", Path.of("."), 9L);
        assertEquals(nine.text(), noSeed.text());
    }
}
