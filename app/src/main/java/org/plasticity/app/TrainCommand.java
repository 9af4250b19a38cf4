package org.plasticity.app;

import java.util.List;
import java.util.concurrent.Callable;
import org.plasticity.ConfigException;
import org.plasticity.layered.credit.CreditRules;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plasticity train}: one learning rule on one data set. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = RuleOptions.class,
        description = {"Train a layered network with one learning rule (listed below).",
            "Writes summary.json, epochs.csv, results.md, report.html, learning-curves.png and alignment.png into --out."})
final class TrainCommand implements Callable<Integer>, RuleOptions.Layered {
    @Option(names = "--rule", paramLabel = "RULE", completionCandidates = RuleOptions.RuleNames.class,
            description = "${COMPLETION-CANDIDATES} (required, here or as rule in --config).")
    String rule;

    @CommandLine.Mixin
    TrainingOptions training = new TrainingOptions();

    @CommandLine.Mixin
    RunOptions run = new RunOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public TrainingOptions training() {
        return training;
    }

    @Override
    public Integer call() throws Exception {
        String r = rule != null ? rule : training.fileRule();
        if (r == null) {
            throw new ConfigException("--rule", "required (one of " + String.join(", ", CreditRules.ids())
                    + "), here or as rule in --config");
        }
        LayeredRunner.runAndWrite("train", List.of(r), training, run, spec.commandLine().getOut());
        return 0;
    }
}
