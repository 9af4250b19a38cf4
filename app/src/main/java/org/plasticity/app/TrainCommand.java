package org.plasticity.app;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plasticity train}: one learning rule on one data set. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a layered network with one learning rule (bp, fa, dfa, np, burstprop, segdend).",
            "Writes summary.json, epochs.csv, results.md, report.html, learning-curves.png and alignment.png into --out."})
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--rule", required = true, paramLabel = "RULE", description = "bp, fa, dfa, np, burstprop, segdend (required).")
    String rule;

    @CommandLine.Mixin
    TrainingOptions training = new TrainingOptions();

    @CommandLine.Mixin
    RunOptions run = new RunOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LayeredRunner.runAndWrite("train", List.of(rule), training, run, spec.commandLine().getOut());
        return 0;
    }
}
