package org.plasticity.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.plasticity.app.progress.ConsoleProgress;
import org.plasticity.io.ConfigReader;
import org.plasticity.io.OutputDirectory;
import org.plasticity.learnability.CovarianceEstimator;
import org.plasticity.learnability.CovarianceEstimators;
import org.plasticity.learnability.observability.Observability;
import org.plasticity.learnability.observability.ObservabilityResult;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.experiment.Preflight;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code plasticity observability}: how well learnability's FLR2 from a recording of K of N units over n samples
 * ranks the learning speeds measured on a simulated network (docs/learnability.md#observability).
 */
@Command(name = "observability", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"How many neurons and samples does learnability need? Runs the flr experiment of --config "
            + "(measured speeds), then records spontaneous activity of the same network, observes random subsets of "
            + "K units over the first n samples, scores the tasks by learnability's FLR2 and reports the Spearman "
            + "correlation with the measured speeds, as mean and sd over --repeats recordings.",
            "Writes summary.json, observability.csv, observability.png and report.html into --out."})
final class ObservabilityCommand implements Callable<Integer> {
    /** Recording lengths when not given, in samples. */
    static final List<Integer> DEFAULT_SAMPLES = List.of(100, 400, 1600, 6400, 25600);
    /** Repeats when not given. */
    static final int DEFAULT_REPEATS = 20;

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "YAML or JSON flr experiment config: the network and tasks (required).")
    Path config;

    @Option(names = "--neurons", paramLabel = "K,...", split = ",",
            description = "Observed-unit counts K, each in 2..N (default: 5, 10, 25, 50 and 100 % of N).")
    List<Integer> neurons;

    @Option(names = "--samples", paramLabel = "n,...", split = ",",
            description = "Recording lengths in samples, each >= 2, taken every sample_every steps of the config "
                + "(default: 100,400,1600,6400,25600).")
    List<Integer> samples = DEFAULT_SAMPLES;

    @Option(names = "--repeats", paramLabel = "R",
            description = "Independent recordings, each with its own random subsets of units (default: 20).")
    int repeats = DEFAULT_REPEATS;

    @Option(names = "--estimator", paramLabel = "NAME",
            description = "Covariance estimator of learnability: sample, ledoit-wolf or factor-analysis "
                + "(default: sample).")
    String estimator = "sample";

    @Option(names = "--factors", paramLabel = "K",
            description = "Factors of --estimator factor-analysis, below every --neurons value (required with it).")
    Integer factors;

    @CommandLine.Mixin
    RunOptions run = new RunOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        run.out();
        // Everything is read and checked before --out is touched: bad input writes nothing.
        FlrConfig cfg = run.applySeed(ConfigReader.read(config));
        int threads = run.threads();
        CovarianceEstimator est = CovarianceEstimators.byName(estimator, factors);
        int[] ks = neurons == null ? Observability.defaultNeurons(cfg.network().n())
                : neurons.stream().mapToInt(Integer::intValue).toArray();
        Observability.Options options = new Observability.Options(ks,
                samples.stream().mapToInt(Integer::intValue).toArray(), repeats, est);
        Observability.check(cfg, options);
        Preflight.check(cfg, threads);
        long start = System.nanoTime();
        ObservabilityResult result;
        try (OutputDirectory dir = run.openOut();
             ConsoleProgress bar = ConsoleProgress.open("observability", run.quiet)) {
            result = Observability.run(cfg, options, threads, bar);
            ObservabilityWriter.writeSummary(result, config, dir.file("summary.json"));
            ObservabilityWriter.writeCsv(result, dir.file("observability.csv"));
            Files.writeString(dir.file("results.md"), ObservabilityWriter.table(result));
            ObservabilityPlot.write(result, dir.file("observability.png"));
            ObservabilityReport.write(result, config, dir.file("observability.png"), dir.file("report.html"));
            dir.commit();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(ObservabilityWriter.table(result));
        out.println(String.format(Locale.ROOT, "%d cells x %d repeats in %.1f s on %d threads; results in %s",
                ks.length * options.samples().length, repeats, (System.nanoTime() - start) / 1e9, threads, run.out()));
        return 0;
    }
}
