package org.plasticity.learnability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Independent numbered jobs (bootstrap resamples, repeats) on a few daemon threads. Job {@code b} always does the
 * same work and writes its result by its index, so results do not depend on the thread count.
 */
public final class Workers {
    private Workers() {}

    /**
     * Runs {@code job} for b = 0 .. count - 1 on at most {@code threads} threads, named {@code name}; a job's unchecked
     * failure is rethrown as it is.
     */
    public static void forEach(int count, int threads, String name, IntConsumer job) {
        if (count == 0) {
            return;
        }
        int workers = Math.max(1, Math.min(threads, count));
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread th = new Thread(runnable, name);
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int first = w;
                futures.add(pool.submit(() -> {
                    for (int b = first; b < count; b += workers) {
                        job.accept(b);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
