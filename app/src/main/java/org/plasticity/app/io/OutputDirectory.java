package org.plasticity.app.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Results are written into a hidden staging folder inside {@code --out} and moved into place only when every file is
 * complete, so a run that fails leaves no partial result behind.
 */
public final class OutputDirectory implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private boolean committed;

    private OutputDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Prepares {@code target} (created if needed) and a staging folder inside it. */
    public static OutputDirectory open(Path target) throws IOException {
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IOException(target + " exists and is not a directory");
        }
        Files.createDirectories(target);
        Path staging = Files.createTempDirectory(target, ".partial-");
        return new OutputDirectory(target, staging);
    }

    /** @return where to write the file called {@code name} before commit. */
    public Path file(String name) {
        return staging.resolve(name);
    }

    /** Moves every staged file into the target folder, replacing older results of the same name. */
    public void commit() throws IOException {
        try (Stream<Path> files = Files.list(staging)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path dest = target.resolve(f.getFileName());
                try {
                    Files.move(f, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(f, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        committed = true;
        close();
    }

    public Path target() {
        return target;
    }

    /** Deletes the staging folder; when nothing was committed, also the target if it was left empty. */
    @Override
    public void close() {
        try {
            if (Files.exists(staging)) {
                try (Stream<Path> walk = Files.walk(staging)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            if (!committed && Files.isDirectory(target)) {
                try (Stream<Path> left = Files.list(target)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
