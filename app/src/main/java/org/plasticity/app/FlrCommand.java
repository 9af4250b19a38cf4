package org.plasticity.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.plasticity.io.ConfigReader;
import org.plasticity.io.OutputDirectory;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.experiment.FlrResult;
import org.plasticity.recurrent.experiment.Preflight;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plasticity flr}: one fluctuation-learning experiment from a config file. */
@Command(name = "flr", mixinStandardHelpOptions = true,
        description = {"Predict learning speed from spontaneous activity (FLR1, FLR2), then learn and measure.",
            "Writes summary.json, tasks.csv and pred-vs-measured.png into --out."})
final class FlrCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "YAML or JSON experiment config (required).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one config key, dotted as in the file (rule=node-perturbation, network.beta=0.8, "
                + "task.count=12); repeatable, applied before the config is checked (default: none).")
    List<String> sets;

    @CommandLine.Mixin
    RunOptions run = new RunOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FlrConfig cfg = run.applySeed(ConfigReader.read(config, sets));
        int threads = run.threads();
        Preflight.check(cfg, threads);
        FlrResult result;
        try (OutputDirectory dir = run.openOut()) {
            result = FlrRunner.runAndWrite(cfg, dir.path(), threads, run.quiet);
            dir.commit();
        }
        FlrRunner.warnRegime(result, spec.commandLine().getErr());
        FlrRunner.report(result, run.out(), spec.commandLine().getOut());
        return 0;
    }
}
