package org.plasticity.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.ConfigException;
import org.plasticity.recurrent.experiment.ProgressListener;

/** The local executor: thread-count independence, resume semantics, torn journal lines, guards against mix-ups. */
class LocalSweepTest {
    static final String SPEC = SweepSpecReaderTest.BASE + "grid:\n  network.beta: [0.3, 0.6]\n"
            + "  network.memories: [1, 2, 3]\n";

    @TempDir
    Path tmp;

    @Test
    void theTableDoesNotDependOnThreadsAndResumeFinishesTheSameTable() throws Exception {
        SweepSpec spec = SweepSpecReaderTest.parse(SPEC);
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        new LocalSweep(spec, one).run(1, false, ProgressListener.NONE);
        LocalSweep.Outcome o = new LocalSweep(spec, two).run(2, false, ProgressListener.NONE);
        assertEquals(6, o.ranNow());
        String table = Files.readString(one.resolve(LocalSweep.RESULTS));
        assertEquals(table, Files.readString(two.resolve(LocalSweep.RESULTS)));
        assertEquals(7, table.lines().count());

        // a crash after two points, the second line torn: resume runs the other four and ends with the same table
        Path crashed = tmp.resolve("crashed");
        Files.createDirectories(crashed);
        List<String> journal = Files.readAllLines(one.resolve(LocalSweep.JOURNAL));
        new LocalSweep(spec, crashed).run(1, false, ProgressListener.NONE); // writes sweep.json and points.csv
        Files.delete(crashed.resolve(LocalSweep.RESULTS));
        Files.writeString(crashed.resolve(LocalSweep.JOURNAL), journal.get(0) + "\n" + journal.get(1) + "\n"
                + journal.get(2).substring(0, journal.get(2).length() / 2));
        LocalSweep.Outcome resumed = new LocalSweep(spec, crashed).run(2, true, ProgressListener.NONE);
        assertEquals(4, resumed.ranNow());
        assertEquals(table, Files.readString(crashed.resolve(LocalSweep.RESULTS)));
        assertEquals(6, Files.readAllLines(crashed.resolve(LocalSweep.JOURNAL)).size());
        assertTrue(Files.readString(crashed.resolve(LocalSweep.SUMMARY)).contains("\"complete\""));

        assertEquals(0, new LocalSweep(spec, two).run(2, true, ProgressListener.NONE).ranNow(), "nothing left");
    }

    @Test
    void guardsAgainstMixingSweeps() throws IOException, InterruptedException {
        SweepSpec spec = SweepSpecReaderTest.parse(SPEC);
        Path out = tmp.resolve("s");
        assertThrows(ConfigException.class, () -> new LocalSweep(spec, out).run(1, true, ProgressListener.NONE),
                "nothing to resume");
        new LocalSweep(spec, out).run(2, false, ProgressListener.NONE);
        ConfigException again = assertThrows(ConfigException.class,
                () -> new LocalSweep(spec, out).run(1, false, ProgressListener.NONE));
        assertTrue(again.getMessage().contains("--resume"), again.getMessage());
        SweepSpec changed = SweepSpecReaderTest.parse(SPEC.replace("0.6]", "0.7]"));
        ConfigException differs = assertThrows(ConfigException.class,
                () -> new LocalSweep(changed, out).run(1, true, ProgressListener.NONE));
        assertTrue(differs.getMessage().contains("spec differs"), differs.getMessage());
        Files.writeString(out.resolve("extra"), "x", StandardOpenOption.CREATE);
    }
}
