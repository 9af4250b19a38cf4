package org.plasticity.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import org.plasticity.ConfigException;
import org.plasticity.app.io.TrainingWriter;
import org.plasticity.app.progress.ConsoleProgress;
import org.plasticity.app.report.LearningCurvePlot;
import org.plasticity.app.report.TrainingReport;
import org.plasticity.io.OutputDirectory;
import org.plasticity.layered.credit.CreditRules;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.training.EpochRecord;
import org.plasticity.layered.training.TrainConfig;
import org.plasticity.layered.training.TrainResult;
import org.plasticity.layered.training.Trainer;
import org.plasticity.layered.training.TrainingListener;

/**
 * Trains one or more rules on one data set and writes the results. Rules run side by side, one per thread; each
 * run's numbers depend only on its config and seed, not on the thread count.
 */
final class LayeredRunner {
    private LayeredRunner() {}

    static List<TrainResult> runAndWrite(String command, List<String> ruleNames, TrainingOptions opts, RunOptions run,
                                         PrintWriter out) throws IOException, InterruptedException {
        long seed = opts.seed(run.seed);
        List<String> rules = new ArrayList<>();
        for (String r : ruleNames) {
            try {
                String id = CreditRules.canonical(r);
                if (!rules.contains(id)) {
                    rules.add(id);
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigException(command.equals("train") ? "--rule" : "--rules", e.getMessage());
            }
        }
        Path outDir = run.out();
        int threads = Math.min(run.threads(), rules.size());
        Dataset[] data = opts.load();
        List<TrainConfig> configs = new ArrayList<>();
        for (String r : rules) {
            TrainConfig c = opts.config(r, seed, data[0]);
            try {
                new Trainer(c, TrainingListener.NONE).validate(r, data[0]);
            } catch (ConfigException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new ConfigException(command.equals("train") ? "--rule" : "--rules", r + ": " + e.getMessage());
            }
            configs.add(c);
        }
        List<TrainResult> results = new ArrayList<>();
        try (OutputDirectory dir = run.openOut();
             ConsoleProgress bar = ConsoleProgress.open(command + " " + String.join(",", rules) + " on " + opts.data(),
                     run.quiet)) {
            AtomicLongArray done = new AtomicLongArray(rules.size());
            long[] totals = new long[rules.size()];
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<TrainResult>> futures = new ArrayList<>();
                for (int i = 0; i < rules.size(); i++) {
                    int k = i;
                    TrainingListener progress = new TrainingListener() {
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
                            if (!run.quiet && e.epoch() > 0) {
                                System.err.printf("%s epoch %d: train %.4f test %.4f%n", rule, e.epoch(),
                                        e.trainAccuracy(), e.testAccuracy());
                            }
                        }
                    };
                    futures.add(pool.submit(() -> new Trainer(configs.get(k), progress)
                            .train(rules.get(k), data[0], data[1])));
                }
                for (Future<TrainResult> f : futures) {
                    results.add(f.get());
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IOException(cause);
            } finally {
                pool.shutdownNow();
            }
            TrainingWriter.writeSummary(command, opts.data(), data, seed, results, dir.file("summary.json"));
            TrainingWriter.writeEpochs(results, dir.file("epochs.csv"));
            TrainingWriter.writeTable(opts.data(), results, dir.file("results.md"));
            LearningCurvePlot.writeAccuracy(results, opts.data(), dir.file("learning-curves.png"));
            LearningCurvePlot.writeAlignment(results, opts.data(), dir.file("alignment.png"));
            TrainingReport.write(command + " " + String.join(", ", rules) + " on " + opts.data(), results,
                    List.of(dir.file("learning-curves.png"), dir.file("alignment.png")), dir.file("report.html"));
            dir.commit();
        }
        out.println(TrainingWriter.table(opts.data(), results));
        out.println("results in " + outDir);
        return results;
    }
}
