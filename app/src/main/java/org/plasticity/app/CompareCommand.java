package org.plasticity.app;

import java.util.List;
import java.util.concurrent.Callable;
import org.plasticity.layered.credit.CreditRules;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plasticity compare}: several learning rules on the same data and network, side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the same network with several learning rules and compare accuracy and alignment.",
            "Writes summary.json, epochs.csv, results.md, report.html, learning-curves.png and alignment.png into --out."})
final class CompareCommand implements Callable<Integer> {
    @Option(names = "--rules", split = ",", paramLabel = "RULES",
            description = "Comma-separated rules (default: all of bp,fa,dfa,np,burstprop,segdend).")
    List<String> rules = CreditRules.IDS;

    @CommandLine.Mixin
    TrainingOptions training = new TrainingOptions();

    @CommandLine.Mixin
    RunOptions run = new RunOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LayeredRunner.runAndWrite("compare", rules, training, run, spec.commandLine().getOut());
        return 0;
    }
}
