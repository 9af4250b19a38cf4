package org.plasticity.app;

import java.util.List;
import java.util.concurrent.Callable;
import org.plasticity.ConfigException;
import org.plasticity.layered.credit.CreditRules;
import org.plasticity.layered.credit.RuleType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code plasticity brainlike}: train the same network with each credit rule, several seeds each, and score every
 * hidden layer against a recording, beside the pixel and untrained-network baselines and the neurons' ceiling.
 */
@Command(name = "brainlike", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = RuleOptions.class,
        description = {"Which learning rule gives the most brain-like representations? Trains one network per rule "
            + "and seed (the recipe of train), scores each hidden layer against recorded neurons (the method of "
            + "predictivity), beside pixels, the untrained network and the ceiling.",
            "Writes summary.json, scores.csv, neurons.csv, training.csv, results.md, brainlike.png, report.html and "
                + "models/<rule>-seed<k>.ckpt into --out."})
final class BrainlikeCommand implements Callable<Integer>, RuleOptions.Layered {
    @Option(names = "--rules", split = ",", paramLabel = "RULES", completionCandidates = RuleOptions.RuleNames.class,
            description = "Comma-separated rules, of ${COMPLETION-CANDIDATES} (default: every built-in rule that trains "
                + "the shared network, all but ep).")
    List<String> rules;

    @Option(names = "--seeds", paramLabel = "N",
            description = "Networks per rule, seeds SEED, SEED+1, ... (at least 3 for a confidence interval worth "
                + "the name; default: 3).")
    int seeds = 3;

    @CommandLine.Mixin
    TrainingOptions training = new TrainingOptions();

    @CommandLine.Mixin
    NeuralOptions neural = new NeuralOptions();

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
        ConfigException.require(seeds >= 1 && seeds <= 1000, "--seeds", "must be in 1..1000, got " + seeds);
        // by default the rules that train the shared network: ep brings its own, and its prediction is a relaxed
        // state that the layer-by-layer feature extraction (a feed-forward pass) does not compute
        List<String> r = rules != null ? rules : CreditRules.builtIn().stream().filter(t -> t.recipe().network() == null)
                .map(RuleType::id).toList();
        List<String> ids = LayeredRunner.canonical("brainlike", r);
        new BrainlikeRun(ids, seeds, training, neural, run).runAndWrite(spec.commandLine().getOut());
        return 0;
    }
}
