package org.plasticity.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.plasticity.app.io.ResultWriter;
import org.plasticity.io.OutputDirectory;
import org.plasticity.papers.kurikawa2025.FigureResult;
import org.plasticity.papers.kurikawa2025.Reproduction;
import org.plasticity.papers.kurikawa2025.Scale;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.experiment.FlrResult;
import org.plasticity.recurrent.experiment.Preflight;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code plasticity demo}: the FLR experiment on the embedded defaults (same as examples/flr-io-mapping.yaml), then the
 * paper's figures at the default scale.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the fluctuation-learning experiment on the embedded defaults:",
            "N = 100 units, 10 memories, beta = 0.6, sigma = 0.2, gamma = 0.1, 24 input/output tasks, Hebbian rule;",
            "then regenerate the paper's figures at the default scale.",
            "Writes summary.json, tasks.csv, pred-vs-measured.png into --out (default runs/demo)",
            "and the figures' report into --out/paper (report.html). A rerun replaces an earlier demo in runs/demo;",
            "other results are kept unless --force."})
final class DemoCommand implements Callable<Integer> {
    private static final String PAPER = "paper";
    private static final Path DEFAULT_OUT = Path.of("runs", "demo");

    @CommandLine.Option(names = "--experiment-only", description = "Skip the figures' report (default: off).")
    boolean experimentOnly;

    @CommandLine.Mixin
    RunOptions run = new RunOptions(DEFAULT_OUT);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FlrConfig cfg = run.applySeed(FlrConfig.defaults());
        int threads = run.threads();
        Path out = run.out();
        Preflight.check(cfg, threads);
        FlrResult result;
        List<FigureResult> figures = List.of();
        // The experiment and its figures are one run: committed together, so a failure keeps the previous demo.
        boolean defaultOut = out.toAbsolutePath().normalize().equals(DEFAULT_OUT.toAbsolutePath().normalize());
        try (OutputDirectory dir = OutputDirectory.open(out, run.force || defaultOut && holdsOnlyADemo(out))) {
            result = FlrRunner.runAndWrite(cfg, dir.path(), threads, run.quiet);
            if (!experimentOnly) {
                figures = ReproduceCommand.write(Reproduction.ids(), Scale.DEFAULT, cfg.seed(), threads, run.quiet,
                        dir.file(PAPER), spec.commandLine().getErr());
            }
            dir.commit();
        }
        FlrRunner.warnRegime(result, spec.commandLine().getErr());
        FlrRunner.report(result, out, spec.commandLine().getOut());
        if (!experimentOnly) {
            ReproduceCommand.report(figures, out.resolve(PAPER), spec.commandLine().getOut());
        }
        return 0;
    }

    /**
     * A rerun of the demo into its default folder replaces an earlier demo there without --force: that folder is the
     * demo's own, and a user who reruns the demo expects it to work. Anything else there (an {@code flr} run of
     * another config, other files) is kept and refused as in every command.
     */
    static boolean holdsOnlyADemo(Path out) throws IOException {
        OutputDirectory.Contents c = OutputDirectory.contents(out);
        Set<String> demoFiles = Set.of(FlrRunner.SUMMARY, FlrRunner.TASKS, FlrRunner.PLOT, PAPER);
        if (!c.other().isEmpty() || !demoFiles.containsAll(c.results()) || !c.results().contains(FlrRunner.SUMMARY)) {
            return false;
        }
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode config = json.readTree(out.resolve(FlrRunner.SUMMARY).toFile()).get("config");
            // through text, as it was stored, so that number types compare alike
            JsonNode defaults = json.readTree(json.writeValueAsString(ResultWriter.config(FlrConfig.defaults())));
            if (!(config instanceof ObjectNode stored) || !(defaults instanceof ObjectNode expected)) {
                return false;
            }
            stored.remove("seed");
            expected.remove("seed");
            return stored.equals(expected);
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
