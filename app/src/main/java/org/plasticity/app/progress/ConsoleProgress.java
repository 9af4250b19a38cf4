package org.plasticity.app.progress;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.plasticity.recurrent.experiment.ProgressListener;

/**
 * A progress bar with ETA on stderr. Plain ASCII, without colour codes, when stderr is not a terminal (logs, CI);
 * silent when quiet.
 */
public final class ConsoleProgress implements ProgressListener, AutoCloseable {
    private final ProgressBar bar;

    private ConsoleProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar titled {@code task}, or a silent listener when {@code quiet}. */
    public static ConsoleProgress open(String task, boolean quiet) {
        if (quiet) {
            return new ConsoleProgress(null);
        }
        boolean terminal = System.console() != null;
        PrintStream err = System.err;
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(1)
                .setStyle(terminal ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(terminal ? 200 : 5000)
                .setConsumer(terminal ? new ConsoleProgressBarConsumer(err)
                        : new DelegatingProgressBarConsumer(err::println))
                .continuousUpdate();
        return new ConsoleProgress(b.build());
    }

    @Override
    public synchronized void progress(long done, long total) {
        if (bar != null) {
            bar.maxHint(total);
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
