package org.plasticity.app;

import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/** Entry point of the {@code plasticity} command. */
public final class Main {
    /** Held so the logging configuration is not garbage-collected. */
    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib");

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line on the standard streams and returns its exit code (0 ok, 1 failure, 2 bad input). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output and error writers; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        // netlib announces its backend at INFO; the backend is recorded in summary.json instead.
        NETLIB_LOG.setLevel(Level.WARNING);
        System.setProperty("java.awt.headless", "true");
        return new CommandLine(new PlasticityCommand())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(new ErrorHandler())
                .execute(args);
    }
}
