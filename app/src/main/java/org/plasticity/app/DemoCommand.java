package org.plasticity.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.plasticity.config.FlrConfig;
import org.plasticity.reproduce.Reproduction;
import org.plasticity.reproduce.Scale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code plasticity demo}: the FLR experiment on the embedded defaults (same as examples/io-mapping.yaml), then the
 * paper's figures at the default scale.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the fluctuation-learning experiment on the embedded defaults:",
            "N = 100 units, 10 memories, beta = 0.6, sigma = 0.2, gamma = 0.1, 24 input/output tasks, Hebbian rule;",
            "then regenerate the paper's figures at the default scale.",
            "Writes summary.json, tasks.csv, pred-vs-measured.png into --out (default runs/demo)",
            "and the figures' report into --out/paper (report.html)."})
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Option(names = "--experiment-only", description = "Skip the figures' report (default: off).")
    boolean experimentOnly;

    @CommandLine.Mixin
    RunOptions run = new RunOptions(Path.of("runs", "demo"));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FlrConfig cfg = run.applySeed(FlrConfig.defaults());
        FlrRunner.runAndWrite(cfg, run.out(), run.threads(), run.quiet, spec.commandLine().getOut());
        if (!experimentOnly) {
            ReproduceCommand.write(Reproduction.ids(), Scale.DEFAULT, cfg.seed(), run.threads(), run.quiet,
                    run.out().resolve("paper"), spec.commandLine().getOut());
        }
        return 0;
    }
}
