package org.plasticity.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.ConfigException;
import org.plasticity.sweep.SweepResults;

/** The commit of a results folder is all or nothing, whenever the run stops. */
class OutputDirectoryTest {
    @TempDir
    Path tmp;

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path oldResults() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(target.resolve("summary.json"), "old");
        Files.writeString(target.resolve("tasks.csv"), "old");
        return target;
    }

    /** Files are staged next to the target, not in it: until the commit, the target holds the old results only. */
    @Test
    void aRunThatStopsBeforeTheCommitLeavesTheOldResults() throws IOException {
        Path target = oldResults();
        try (OutputDirectory dir = OutputDirectory.open(target, true)) {
            Files.writeString(dir.file("summary.json"), "new");
            Files.writeString(dir.file("epochs.csv"), "new");
            assertEquals(List.of("summary.json", "tasks.csv"), names(target), "nothing of the new run in place yet");
            assertEquals("old", Files.readString(target.resolve("summary.json")));
        } // closed without commit: the run failed
        assertEquals(List.of("out"), names(tmp));
        assertEquals("old", Files.readString(target.resolve("summary.json")));

        try (OutputDirectory dir = OutputDirectory.open(target, true)) {
            Files.writeString(dir.file("summary.json"), "new");
            Files.writeString(dir.file("epochs.csv"), "new");
            dir.commit();
        }
        assertEquals(List.of("epochs.csv", "summary.json"), names(target), "replaced as a whole");
        assertEquals(List.of("out"), names(tmp));
    }

    /**
     * A crash between renaming the old results aside and renaming the new ones in leaves no target; the next run into
     * the same place puts the old complete results back and removes the dead run's folders.
     */
    @Test
    void aCrashBetweenTheTwoRenamesIsRepairedByTheNextRun() throws Exception {
        Path target = oldResults();
        long dead = deadPid();
        Path aside = tmp.resolve(".out.old-" + dead + "-abc");
        Files.move(target, aside);
        Path staged = Files.createDirectories(tmp.resolve(".out.partial-" + dead + "-def"));
        Files.writeString(staged.resolve("summary.json"), "new");

        ConfigException refused = assertThrows(ConfigException.class, () -> OutputDirectory.open(target, false));
        assertTrue(refused.getMessage().contains("already holds results (summary.json, tasks.csv)"),
                refused.getMessage());
        assertEquals(List.of("out"), names(tmp));
        assertEquals("old", Files.readString(target.resolve("summary.json")));
    }

    /** An old folder whose run died after the new results were in place is only deleted. */
    @Test
    void aCrashAfterTheCommitLeavesTheNewResults() throws Exception {
        Path target = oldResults();
        Path aside = Files.createDirectories(tmp.resolve(".out.old-" + deadPid() + "-abc"));
        Files.writeString(aside.resolve("summary.json"), "older");
        try (OutputDirectory dir = OutputDirectory.open(target, true)) {
            Files.writeString(dir.file("summary.json"), "new");
            dir.commit();
        }
        assertEquals(List.of("out"), names(tmp));
        assertEquals("new", Files.readString(target.resolve("summary.json")));
    }

    /** Two runs into one new folder: the second to commit finds the first's results and, without --force, stops. */
    @Test
    void resultsThatArriveDuringARunAreNotOverwritten() throws IOException {
        Path target = tmp.resolve("out");
        try (OutputDirectory a = OutputDirectory.open(target, false);
             OutputDirectory b = OutputDirectory.open(target, false)) {
            Files.writeString(a.file("summary.json"), "a");
            Files.writeString(b.file("summary.json"), "b");
            a.commit();
            assertThrows(ConfigException.class, b::commit);
        }
        assertEquals("a", Files.readString(target.resolve("summary.json")));
        assertEquals(List.of("out"), names(tmp));
    }

    /** Atomic writes of one file from two writers at once: each uses its own temp file. */
    @Test
    void concurrentAtomicWritesDoNotShareATempFile() throws Exception {
        Path file = tmp.resolve("summary.json");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                String text = "writer " + w;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        SweepResults.writeAtomically(file, text);
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(Files.readString(file).startsWith("writer "));
        assertEquals(List.of("summary.json"), names(tmp));
    }

    @Test
    void aLockedFolderIsRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("s"));
        try (FolderLock held = FolderLock.acquire(dir, dir)) {
            ConfigException e = assertThrows(ConfigException.class, () -> FolderLock.acquire(dir, dir));
            assertEquals("--out: " + dir + " is in use by another sweep (pid " + ProcessHandle.current().pid() + ")",
                    e.getMessage());
        }
        FolderLock.acquire(dir, dir).close();
        assertFalse(Files.exists(dir.resolve("summary.json")));
    }

    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
