package org.plasticity.app;

import java.util.List;
import java.util.concurrent.Callable;
import org.plasticity.layered.credit.CreditRules;
import org.plasticity.layered.credit.RuleType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plasticity compare}: several learning rules on the same data and network, side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = RuleOptions.class,
        description = {"Train the same network with several learning rules and compare accuracy and alignment.",
            "Writes summary.json, epochs.csv, results.md, report.html, learning-curves.png and alignment.png into --out."})
final class CompareCommand implements Callable<Integer>, RuleOptions.Layered {
    @Option(names = "--rules", split = ",", paramLabel = "RULES", completionCandidates = RuleOptions.RuleNames.class,
            description = "Comma-separated rules, of ${COMPLETION-CANDIDATES} (default: the rule in --config, or "
                + "else every built-in rule).")
    List<String> rules;

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
        List<String> r = rules;
        if (r == null) {
            String one = training.fileRule();
            r = one != null ? List.of(one) : CreditRules.builtIn().stream().map(RuleType::id).toList();
        }
        LayeredRunner.runAndWrite("compare", r, training, run, spec.commandLine().getOut());
        return 0;
    }
}
