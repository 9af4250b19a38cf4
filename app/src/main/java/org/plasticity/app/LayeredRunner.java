package org.plasticity.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.plasticity.ConfigException;
import org.plasticity.app.io.TrainingWriter;
import org.plasticity.app.progress.ConsoleProgress;
import org.plasticity.app.report.LearningCurvePlot;
import org.plasticity.app.report.TrainingReport;
import org.plasticity.io.OutputDirectory;
import org.plasticity.layered.checkpoint.Checkpoint;
import org.plasticity.layered.credit.CreditRules;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.training.TrainConfig;
import org.plasticity.layered.training.TrainResult;
import org.plasticity.layered.training.TrainedNetwork;
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
        return runAndWrite(command, ruleNames, opts, run, null, out);
    }

    /**
     * @param save where to save the trained network as a checkpoint (one rule only), or null; a path inside --out is
     *     written with the results and committed with them, any other path's folder must exist
     */
    static List<TrainResult> runAndWrite(String command, List<String> ruleNames, TrainingOptions opts, RunOptions run,
                                         Path save, PrintWriter out) throws IOException, InterruptedException {
        long seed = opts.seed(run.seed);
        List<String> rules = canonical(command, ruleNames);
        Path outDir = run.out();
        if (save != null && rules.size() != 1) {
            throw new ConfigException("--save", "saves one trained network; " + rules.size() + " rules were given");
        }
        SaveTarget saveTo = save == null ? null : SaveTarget.check(save, outDir, run.force);
        int threads = Math.min(run.threads(), rules.size());
        Dataset[] data = opts.load();
        List<TrainConfig> configs = configs(command, rules, opts, seed, data[0]);
        List<TrainResult> results = new ArrayList<>();
        TrainedNetwork trained = null;
        try (OutputDirectory dir = run.openOut();
             ConsoleProgress bar = ConsoleProgress.open(command + " " + String.join(",", rules) + " on " + opts.data(),
                     run.quiet)) {
            Parallel.TrainingProgress progress = new Parallel.TrainingProgress(bar, rules.size(), !run.quiet);
            List<Callable<TrainedNetwork>> jobs = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                int k = i;
                jobs.add(() -> new Trainer(configs.get(k), progress.listener(k))
                        .trainNetwork(rules.get(k), data[0], data[1]));
            }
            for (TrainedNetwork t : Parallel.run(threads, jobs)) {
                results.add(t.result());
                if (saveTo != null) {
                    trained = t;
                }
            }
            TrainingWriter.writeSummary(command, opts.data(), data, seed, results, dir.file("summary.json"));
            TrainingWriter.writeEpochs(results, dir.file("epochs.csv"));
            TrainingWriter.writeTable(opts.data(), results, dir.file("results.md"));
            LearningCurvePlot.writeAccuracy(results, opts.data(), dir.file("learning-curves.png"));
            LearningCurvePlot.writeAlignment(results, opts.data(), dir.file("alignment.png"));
            TrainingReport.write(command + " " + String.join(", ", rules) + " on " + opts.data(), results,
                    List.of(dir.file("learning-curves.png"), dir.file("alignment.png")), dir.file("report.html"));
            if (saveTo != null) {
                saveTo.write(Checkpoint.of(trained, opts.data()), dir);
            }
            dir.commit();
        }
        out.println(TrainingWriter.table(opts.data(), results));
        out.println("results in " + outDir);
        if (saveTo != null) {
            out.println("checkpoint in " + save);
        }
        return results;
    }

    /** @return each rule's config, checked against its rule before any work starts. */
    static List<TrainConfig> configs(String command, List<String> rules, TrainingOptions opts, long seed,
                                             Dataset train) {
        List<TrainConfig> configs = new ArrayList<>();
        for (String r : rules) {
            TrainConfig c = opts.config(r, seed, train);
            try {
                new Trainer(c, TrainingListener.NONE).validate(r, train);
            } catch (ConfigException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new ConfigException(command.equals("train") ? "--rule" : "--rules", r + ": " + e.getMessage());
            }
            configs.add(c);
        }
        return configs;
    }

    /** @return the rules' ids, each once, in the order given; an unknown name fails naming the option. */
    static List<String> canonical(String command, List<String> ruleNames) {
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
        return rules;
    }

    /**
     * Where {@code --save} writes, checked before any training: inside --out, the checkpoint is staged with the
     * results and appears with them (or not at all); elsewhere, its folder must exist and an existing file is
     * replaced only with --force. Either way the file is written atomically, so a failed run leaves no partial file.
     */
    private record SaveTarget(Path shown, Path absolute, Path insideOut) {
        static SaveTarget check(Path save, Path outDir, boolean force) throws IOException {
            if (save.toString().isBlank()) {
                throw new ConfigException("--save", "is empty: give the checkpoint's file name, e.g. "
                        + outDir.resolve("model.ckpt"));
            }
            Path abs = save.toAbsolutePath().normalize();
            Path out = outDir.toAbsolutePath().normalize();
            if (abs.equals(out) || out.startsWith(abs)) {
                throw new ConfigException("--save", save + " is the --out folder or holds it; give a file name, e.g. "
                        + outDir.resolve("model.ckpt"));
            }
            if (abs.startsWith(out)) {
                return new SaveTarget(save, abs, out.relativize(abs));
            }
            Path parent = abs.getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new ConfigException("--save", "the folder " + (save.toAbsolutePath().getParent()) + " does not "
                        + "exist; create it first, or save inside --out");
            }
            if (Files.isDirectory(abs)) {
                throw new ConfigException("--save", save + " is a folder; give the checkpoint's file name");
            }
            if (Files.exists(abs) && !force) {
                throw new ConfigException("--save", save + " already exists; pass --force to replace it or choose "
                        + "another name");
            }
            if (!Files.isWritable(parent)) {
                throw new ConfigException("--save", "cannot write into the folder " + parent + " (permission denied)");
            }
            return new SaveTarget(save, abs, null);
        }

        /** Writes the checkpoint: into the staging folder of --out, or in place (atomically) elsewhere. */
        void write(Checkpoint checkpoint, OutputDirectory dir) throws IOException {
            Path target = absolute;
            if (insideOut != null) {
                target = dir.path().resolve(insideOut);
                Files.createDirectories(target.getParent());
            }
            checkpoint.write(target);
        }
    }
}
