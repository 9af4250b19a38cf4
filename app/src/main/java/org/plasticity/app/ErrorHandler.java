package org.plasticity.app;

import java.io.UncheckedIOException;
import org.plasticity.ConfigException;
import org.plasticity.recurrent.dynamics.DivergenceException;
import picocli.CommandLine;

/**
 * Turns failures into one line on stderr and an exit code: 2 for a user's mistake (bad config or file), 1 for a run
 * that failed (divergence, I/O). A stack trace is printed only for unexpected errors, which are bugs.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        var err = cmd.getErr();
        if (e instanceof ConfigException || e instanceof org.plasticity.DataException) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        if (e instanceof DivergenceException || e instanceof UncheckedIOException || e instanceof java.io.IOException
                || e instanceof org.plasticity.recurrent.experiment.NonFiniteResultException) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }
        err.println("internal error (please report): " + e);
        e.printStackTrace(err);
        return FAILED;
    }
}
