package org.plasticity.app;

import java.nio.file.Path;
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
            "Writes summary.json, epochs.csv, results.md, report.html, learning-curves.png and alignment.png into --out"
                + "; with --save, also the trained network as a checkpoint."})
final class TrainCommand implements Callable<Integer>, RuleOptions.Layered {
    @Option(names = "--rule", paramLabel = "RULE", completionCandidates = RuleOptions.RuleNames.class,
            description = "${COMPLETION-CANDIDATES} (required, here or as rule in --config).")
    String rule;

    @Option(names = "--save", paramLabel = "FILE",
            description = "Also save the trained network as a checkpoint (a numpy-readable .npz; docs/checkpoints.md)"
                + " for predictivity --model. Inside --out it is written with the results; elsewhere its folder must"
                + " exist, and an existing file is replaced only with --force (default: not saved).")
    Path save;

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
        LayeredRunner.runAndWrite("train", List.of(r), training, run, save, spec.commandLine().getOut());
        return 0;
    }
}
