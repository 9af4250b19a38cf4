package org.plasticity.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.plasticity.ConfigException;

/**
 * A run's results folder ({@code --out}), committed as a whole. Files are written into a hidden staging folder next
 * to the target, {@code <parent>/.<name>.partial-<pid>-<random>}, which is renamed into place once every file is
 * complete. Replacing earlier results (--force) renames the old folder aside ({@code .<name>.old-<pid>-<random>}),
 * renames the new one in, then deletes the old one. A crash at any moment thus leaves the old complete results or the
 * new complete results: the next run into the same place puts back an old folder whose run died between the two
 * renames and removes staging folders whose process is gone (the pid in their name).
 *
 * <p>A folder holding results is refused unless the caller may replace them; a folder holding anything that is not a
 * result of this program is always refused, so that replacing never deletes a user's own files.
 */
public final class OutputDirectory implements AutoCloseable {
    private static final long PID = ProcessHandle.current().pid();

    /** The names our commands write into --out: a folder that holds only these may be replaced as a whole. */
    private static final Pattern RESULT = Pattern.compile("summary\\.json|tasks\\.csv|epochs\\.csv|results\\.md"
            + "|report\\.html|.+\\.png|fig-.+\\.json|sweep\\.json|points\\.csv|journal\\.jsonl|results\\.csv"
            + "|observability\\.csv|results\\.parquet|results-csv|scores\\.csv|neurons\\.csv|pairs\\.csv"
            + "|training\\.csv|.+\\.ckpt");
    /** What a killed writer may leave: sweep temp files, an earlier version's staging folders, the sweep lock. */
    private static final Pattern DEBRIS =
            Pattern.compile("\\..+\\.tmp|\\.partial-.*|" + Pattern.quote(FolderLock.FILE));

    private final Path target;
    private final Path absolute;
    private final Path staging;
    private final boolean replace;
    private final List<Path> createdParents;
    private boolean committed;

    private OutputDirectory(Path target, Path absolute, Path staging, boolean replace, List<Path> createdParents) {
        this.target = target;
        this.absolute = absolute;
        this.staging = staging;
        this.replace = replace;
        this.createdParents = createdParents;
    }

    /**
     * Checks {@code target} and prepares a staging folder next to it.
     *
     * @param replace whether results already in {@code target} may be replaced (--force)
     * @throws ConfigException when the folder holds results and {@code replace} is false, holds other files, or
     *         cannot be created
     */
    public static OutputDirectory open(Path target, boolean replace) throws IOException {
        Path absolute = absolute(target);
        recoverStale(absolute);
        checkReplaceable(target, absolute, replace);
        List<Path> created = createParents(target, absolute.getParent());
        try {
            Path staging = createUnique(absolute, "partial");
            return new OutputDirectory(target, absolute, staging, replace, created);
        } catch (IOException e) {
            removeEmpty(created);
            throw cannotCreate(target, e);
        }
    }

    /** @return where to write the file (or subfolder) called {@code name} before commit. */
    public Path file(String name) {
        return staging.resolve(name);
    }

    /** @return the staging folder to write into before commit. */
    public Path path() {
        return staging;
    }

    public Path target() {
        return target;
    }

    /** Renames the staging folder into place; earlier results there are replaced as a whole. */
    public void commit() throws IOException {
        if (isEmptyOrMissing(absolute)) {
            try {
                Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE); // rename(2) may replace an empty folder
                committed = true;
                return;
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // another run committed meanwhile: fall through to the checks of a replacement
            } catch (FileSystemException e) {
                if (isEmptyOrMissing(absolute)) {
                    throw e;
                }
            }
        }
        Contents c = contents(absolute);
        checkReplaceable(target, absolute, replace || c.results().isEmpty());
        Path aside = moveAside(absolute);
        try {
            Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(aside, absolute, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        committed = true;
        try {
            deleteTree(aside);
        } catch (IOException e) {
            // the new results are in place; the next run into this place removes what is left
        }
    }

    /** Deletes the staging folder, and the parent folders this run created, unless the run was committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            deleteTree(staging);
            removeEmpty(createdParents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the folders {@code dirs}, deepest first, as long as they are empty. */
    private static void removeEmpty(List<Path> dirs) throws IOException {
        for (Path p : dirs) {
            try {
                Files.delete(p);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                break; // someone else uses it now
            }
        }
    }

    /** What a folder holds: our results, debris of a killed writer, and anything else. */
    public record Contents(List<String> results, List<String> debris, List<String> other) {}

    /** @return the entries of {@code dir} (none when it does not exist), sorted by name within each kind. */
    public static Contents contents(Path dir) throws IOException {
        List<String> results = new ArrayList<>();
        List<String> debris = new ArrayList<>();
        List<String> other = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            classify(dir, "", results, debris, other);
        }
        return new Contents(results, debris, other);
    }

    private static void classify(Path dir, String prefix, List<String> results, List<String> debris,
                                 List<String> other) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                String name = p.getFileName().toString();
                if (DEBRIS.matcher(name).matches()) {
                    debris.add(prefix + name);
                } else if ((name.equals("paper") || name.equals("models")) && prefix.isEmpty()
                        && Files.isDirectory(p)) {
                    // the demo's figures, brainlike's checkpoints: results folders of their own, checked file by file
                    List<String> inner = new ArrayList<>();
                    classify(p, name + "/", inner, debris, other);
                    results.add(name);
                } else if (RESULT.matcher(name).matches()) {
                    results.add(prefix + name);
                } else {
                    other.add(prefix + name + (Files.isDirectory(p) ? "/" : ""));
                }
            }
        }
    }

    /**
     * Refuses a folder that holds anything but our results, or results when {@code replace} is false, or one a
     * running sweep has locked.
     */
    public static void checkReplaceable(Path shown, Path dir, boolean replace) throws IOException {
        Contents c = contents(dir);
        check(shown, c, replace);
        if (c.debris().contains(FolderLock.FILE)) {
            FolderLock.acquire(dir, shown).close(); // fails when a sweep is running there
        }
    }

    /** Refuses contents {@code c} when they hold anything but our results, or results and {@code replace} is false. */
    public static void check(Path shown, Contents c, boolean replace) {
        if (!c.other().isEmpty()) {
            throw new ConfigException("--out", shown + " holds files that are not results of plasticity ("
                    + names(c.other()) + "); choose an empty or new folder");
        }
        if (!c.results().isEmpty() && !replace) {
            throw new ConfigException("--out", shown + " already holds results (" + names(c.results())
                    + "); pass --force to replace them or choose another folder");
        }
    }

    /**
     * @return {@code target} as an absolute path with a parent
     * @throws ConfigException for an empty path, a file in the way or the root folder
     */
    public static Path absolute(Path target) {
        if (target.toString().isBlank()) {
            throw new ConfigException("--out", "is empty: give the folder to write results into");
        }
        Path absolute = target.toAbsolutePath().normalize();
        if (absolute.getParent() == null) {
            throw new ConfigException("--out", target + " is the root folder: choose a folder for the results");
        }
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new ConfigException("--out", target + " exists and is not a folder");
        }
        return absolute;
    }

    /** Creates the missing folders up to {@code dir}; @return those created, deepest first. */
    private static List<Path> createParents(Path shown, Path dir) {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(p);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw cannotCreate(shown, e);
        }
        return missing;
    }

    /** Creates {@code dir} and its parents. */
    public static void createFolder(Path shown, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw cannotCreate(shown, e);
        }
    }

    private static ConfigException cannotCreate(Path shown, IOException e) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = "no such file or directory";
        } else if (e instanceof FileAlreadyExistsException) {
            reason = e.getMessage() + " is a file";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            reason = f.getReason().toLowerCase(java.util.Locale.ROOT);
        } else {
            reason = String.valueOf(e.getMessage());
        }
        return new ConfigException("--out", "cannot create the folder " + shown + " (" + reason + ")");
    }

    /**
     * Cleans up after runs into {@code absolute} whose process is gone: puts back an old results folder that was
     * renamed aside but not replaced, deletes the other old and staging folders.
     */
    public static void recoverStale(Path absolute) throws IOException {
        Path parent = absolute.getParent();
        if (!Files.isDirectory(parent)) {
            return;
        }
        String name = absolute.getFileName().toString();
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> s = Files.list(parent)) {
            s.filter(p -> ownerGone(p.getFileName().toString(), name)).sorted().forEach(stale::add);
        }
        for (Path p : stale) {
            try {
                if (p.getFileName().toString().startsWith("." + name + ".old-") && !Files.exists(absolute)) {
                    Files.move(p, absolute, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    deleteTree(p);
                }
            } catch (NoSuchFileException | FileAlreadyExistsException e) {
                // another process is cleaning up the same place
            }
        }
    }

    private static boolean ownerGone(String entry, String name) {
        for (String kind : List.of("partial", "old")) {
            String prefix = "." + name + "." + kind + "-";
            if (entry.startsWith(prefix)) {
                String rest = entry.substring(prefix.length());
                int dash = rest.indexOf('-');
                try {
                    long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                    return pid != PID && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
                } catch (NumberFormatException e) {
                    return false; // not ours
                }
            }
        }
        return false;
    }

    /** Renames {@code absolute} to a fresh hidden name next to it; @return that name. */
    public static Path moveAside(Path absolute) throws IOException {
        Path aside = createUnique(absolute, "old");
        Files.move(absolute, aside, StandardCopyOption.ATOMIC_MOVE); // onto the empty placeholder
        return aside;
    }

    /** Creates an empty folder with a fresh name next to {@code absolute}, with a plain folder's permissions. */
    private static Path createUnique(Path absolute, String kind) throws IOException {
        while (true) {
            Path p = absolute.resolveSibling(prefix(absolute, kind)
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
            try {
                return Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                // taken: draw again
            }
        }
    }

    private static String prefix(Path absolute, String kind) {
        return "." + absolute.getFileName() + "." + kind + "-" + PID + "-";
    }

    private static boolean isEmptyOrMissing(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static String names(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + ", ... (" + names.size() + " in all)";
    }

    /** Deletes {@code p} and everything below it; nothing when it does not exist. */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(q);
            }
        }
    }
}
