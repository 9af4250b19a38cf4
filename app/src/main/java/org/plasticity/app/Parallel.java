package org.plasticity.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import org.plasticity.app.progress.ConsoleProgress;
import org.plasticity.layered.training.EpochRecord;
import org.plasticity.layered.training.TrainingListener;

/**
 * Independent jobs (training runs, scored layers) side by side on a fixed pool, their results in the order given, so
 * that nothing a command writes depends on the thread count; and one progress bar for several training runs.
 */
final class Parallel {
    private Parallel() {}

    /** Runs {@code jobs} on at most {@code threads} threads; a job's unchecked failure is rethrown as it is. */
    static <T> List<T> run(int threads, List<Callable<T>> jobs) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, jobs.size())));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> j : jobs) {
                futures.add(pool.submit(j));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The batches of several training runs summed into one bar, and optionally each epoch's accuracy on stderr. */
    static final class TrainingProgress {
        private final ConsoleProgress bar;
        private final AtomicLongArray done;
        private final long[] totals;
        private final boolean printEpochs;

        TrainingProgress(ConsoleProgress bar, int runs, boolean printEpochs) {
            this.bar = bar;
            this.done = new AtomicLongArray(runs);
            this.totals = new long[runs];
            this.printEpochs = printEpochs;
        }

        /** @return the listener of run {@code k}. */
        TrainingListener listener(int k) {
            return new TrainingListener() {
                @Override
                public void batches(String rule, long d, long total) {
                    done.set(k, d);
                    totals[k] = total;
                    long sum = 0;
                    long all = 0;
                    for (int j = 0; j < totals.length; j++) {
                        sum += done.get(j);
                        all += Math.max(totals[j], 1);
                    }
                    bar.progress(sum, all);
                }

                @Override
                public void epoch(String rule, EpochRecord e) {
                    if (printEpochs && e.epoch() > 0) {
                        System.err.printf("%s epoch %d: train %.4f test %.4f%n", rule, e.epoch(),
                                e.trainAccuracy(), e.testAccuracy());
                    }
                }
            };
        }
    }
}
