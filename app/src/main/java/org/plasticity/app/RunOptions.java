package org.plasticity.app;

import java.io.IOException;
import java.nio.file.Path;
import org.plasticity.ConfigException;
import org.plasticity.io.OutputDirectory;
import org.plasticity.recurrent.config.FlrConfig;
import picocli.CommandLine.Option;

/** Options shared by the commands that run experiments. A CLI value overrides the config file's. */
final class RunOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the results, created if needed (default: runs/demo for demo, runs/paper "
                    + "for reproduce; required otherwise).")
    Path out;

    @Option(names = "--force", description = "Replace the results already in --out, as a whole (the old files are "
            + "removed). Without it, a folder that holds results is refused (default: off).")
    boolean force;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--seed", paramLabel = "SEED", description = "Override the config's seed (default: the config's; 42 for demo and reproduce).")
    Long seed;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar (default: a progress bar on a terminal).")
    boolean quiet;

    private final Path defaultOut;

    RunOptions() {
        this(null);
    }

    RunOptions(Path defaultOut) {
        this.defaultOut = defaultOut;
    }

    Path out() {
        if (out == null && defaultOut == null) {
            throw new ConfigException("--out", "is required: the folder to write results into");
        }
        if (out != null && out.toString().isBlank()) {
            throw new ConfigException("--out", "is empty: give the folder to write results into");
        }
        return out == null ? defaultOut : out;
    }

    /** Checks --out and prepares its staging folder: refused when it holds results, unless --force. */
    OutputDirectory openOut() throws IOException {
        return OutputDirectory.open(out(), force);
    }

    int threads() {
        if (threads != null && threads < 1) {
            throw new ConfigException("--threads", "must be an integer >= 1, got " + threads);
        }
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    FlrConfig applySeed(FlrConfig c) {
        return seed == null ? c : c.withSeed(seed);
    }
}
