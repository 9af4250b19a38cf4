package org.plasticity.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.plasticity.config.FlrConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code plasticity demo}: the FLR experiment on the embedded defaults (same as examples/io-mapping.yaml). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the fluctuation-learning experiment on the embedded defaults:",
            "N = 100 units, 10 memories, beta = 0.6, sigma = 0.2, gamma = 0.1, 24 input/output tasks, Hebbian rule.",
            "Writes into --out (default runs/demo)."})
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Mixin
    RunOptions run = new RunOptions(Path.of("runs", "demo"));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FlrConfig cfg = run.applySeed(FlrConfig.defaults());
        FlrRunner.runAndWrite(cfg, run.out(), run.threads(), run.quiet, spec.commandLine().getOut());
        return 0;
    }
}
