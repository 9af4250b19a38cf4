package org.plasticity.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.plasticity.ConfigException;
import org.plasticity.app.progress.ConsoleProgress;
import org.plasticity.io.OutputDirectory;
import org.plasticity.learnability.CovarianceEstimator;
import org.plasticity.learnability.CovarianceEstimators;
import org.plasticity.learnability.Directions;
import org.plasticity.learnability.LearnabilityResult;
import org.plasticity.learnability.LearnabilityStudy;
import org.plasticity.learnability.Recording;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code plasticity learnability}: from a recording of spontaneous activity, how fast would each candidate
 * target/input pair be learned according to FLR2 (docs/learnability.md).
 */
@Command(name = "learnability", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score candidate target/input directions by FLR2 from a recording of spontaneous activity: "
            + "estimate its covariance C, compute (xi^T C xi/N)(eta^T C^2 eta/N) and the variance form "
            + "(xi^T C xi/N)(eta^T C eta/N)(tr C/N) for every pair (the target variance alone without --inputs), with "
            + "percentile intervals from a moving-block bootstrap over time.",
            "Writes summary.json, pairs.csv, results.md, learnability.png and report.html into --out."})
final class LearnabilityCommand implements Callable<Integer> {
    @Option(names = "--recording", paramLabel = "FILE", required = true,
            description = "Spontaneous activity, samples x neurons (time in order), as .npy, .csv, .mat or "
                + ".h5/.hdf5/.nwb (required).")
    Path recording;

    @Option(names = "--variable", paramLabel = "NAME",
            description = "The array inside a .mat, .h5 or .nwb recording (default: its only 2-D numeric array).")
    String variable;

    @Option(names = "--neurons-by-samples",
            description = "The recording is neurons x samples, not samples x neurons (default: off).")
    boolean neuronsBySamples;

    @Option(names = "--targets", paramLabel = "FILE",
            description = "Target directions xi, one per row, one entry per neuron (.npy, .csv, ...; a 1-D array is "
                + "one direction) (required, except with --bci).")
    Path targets;

    @Option(names = "--inputs", paramLabel = "FILE",
            description = "Input directions eta, one per row: row k pairs with target k (one row pairs with every "
                + "target, one target with every input) (default: none: only the target variance is scored).")
    Path inputs;

    @Option(names = "--estimator", paramLabel = "NAME",
            description = "Covariance estimator: sample, ledoit-wolf (shrinkage towards a scaled identity, for "
                + "recordings with not many more samples than neurons) or factor-analysis (the shared covariance of "
                + "--factors factors) (default: sample).")
    String estimator = "sample";

    @Option(names = "--factors", paramLabel = "K",
            description = "Factors of --estimator factor-analysis, below the number of neurons (required with it).")
    Integer factors;

    @Option(names = "--bootstrap", paramLabel = "N",
            description = "Block-bootstrap resamples for the intervals; 0 for none (default: 1000).")
    int bootstrap = LearnabilityStudy.DEFAULT_RESAMPLES;

    @Option(names = "--block", paramLabel = "L",
            description = "Block length in samples (default: max(n^(1/3), 3 autocorrelation times), from the "
                + "recording).")
    Integer block;

    @Option(names = "--level", paramLabel = "P", description = "Coverage of the intervals (default: 0.95).")
    double level = LearnabilityStudy.DEFAULT_LEVEL;

    @Option(names = "--normalise",
            description = "Rescale every direction to length sqrt(N), that of a +-1 pattern, so that scores compare "
                + "directions and not their lengths (default: off, directions scored as given).")
    boolean normalise;

    @Option(names = "--bci",
            description = "The recording is a brain-computer-interface session in the layout of "
                + "../shared/data/bci-hennig2018 (a .mat struct D with D.blocks(1) intuitive, D.blocks(2) perturbed, "
                + "D.dec the factor-analysis manifold): score the intuitive and perturbed decoders and within- and "
                + "outside-manifold perturbations by the variance of the intuitive block's activity along them, and "
                + "follow the perturbed block (docs/learnability.md#bci). Not with --targets, --inputs, --variable, "
                + "--neurons-by-samples, --estimator, --factors or --normalise (default: off).")
    boolean bci;

    @Option(names = "--perturbations", paramLabel = "N",
            description = "With --bci: random within- and outside-manifold perturbations of each family (default: 50).")
    Integer perturbations;

    @Option(names = "--windows", paramLabel = "N",
            description = "With --bci: windows of consecutive trials the perturbed block is cut into (default: 8).")
    Integer windows;

    @CommandLine.Mixin
    RunOptions run = new RunOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long seed = run.seed != null ? run.seed : NeuralOptions.DEFAULT_SEED;
        run.out();
        if (bci) {
            return BciRun.run(this, seed);
        }
        ConfigException.require(targets != null, "--targets", "is required (the directions to score), unless --bci");
        ConfigException.require(perturbations == null && windows == null, perturbations != null ? "--perturbations"
                : "--windows", "applies to --bci only");
        // Everything is read and checked before --out is touched: bad input writes nothing.
        CovarianceEstimator est = CovarianceEstimators.byName(estimator, factors);
        LearnabilityStudy.Options options = new LearnabilityStudy.Options(bootstrap, block, level, seed, normalise);
        int threads = run.threads();
        Recording rec = Recording.read(recording, variable, neuronsBySamples);
        Directions xi = Directions.read(targets, rec);
        Directions eta = inputs == null ? null : Directions.read(inputs, rec);
        LearnabilityStudy.check(rec, est, xi, eta, options);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LearnabilityResult result;
        try (OutputDirectory dir = run.openOut();
             ConsoleProgress bar = ConsoleProgress.open("learnability bootstrap", run.quiet)) {
            result = LearnabilityStudy.run(rec, est, xi, eta, options, threads, bar::progress);
            LearnabilityWriter.Inputs given = new LearnabilityWriter.Inputs(recording, variable, neuronsBySamples,
                    targets, xi.count(), inputs, eta == null ? 0 : eta.count(), factors);
            LearnabilityWriter.writeSummary(result, given, dir.file("summary.json"));
            LearnabilityWriter.writePairs(result, given, dir.file("pairs.csv"));
            String table = LearnabilityWriter.table(result, 20);
            Files.writeString(dir.file("results.md"), table);
            LearnabilityPlot.write(result, dir.file("learnability.png"));
            LearnabilityReport.write(result, given, table, dir.file("learnability.png"), dir.file("report.html"));
            dir.commit();
        }
        for (String w : warnings(result)) {
            err.println("warning: " + w);
        }
        out.println(LearnabilityWriter.table(result, 20));
        out.println("results in " + run.out());
        return 0;
    }

    /** @return what the user should know before trusting the intervals or the estimate. */
    static java.util.List<String> warnings(LearnabilityResult r) {
        java.util.List<String> w = new java.util.ArrayList<>();
        if (r.resamples() > 0 && r.blocks() < 10) {
            w.add(String.format(Locale.ROOT, "the recording holds %.1f blocks of %d samples: the intervals are likely "
                    + "too narrow (record longer, or check --block against the autocorrelation time, %.1f samples)",
                    r.blocks(), r.block(), r.autocorrelationTime()));
        }
        if (r.resamples() > 0 && r.dropped() > 0) {
            w.add(r.dropped() + " of " + r.resamples() + " resamples gave a non-finite score and were left out");
        }
        Double converged = r.estimatorDetails().get("converged");
        if (converged != null && converged == 0) {
            w.add("factor analysis stopped at its iteration cap before converging");
        }
        return w;
    }
}
