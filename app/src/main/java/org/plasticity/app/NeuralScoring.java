package org.plasticity.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.plasticity.app.io.PredictivityWriter;
import org.plasticity.app.progress.ConsoleProgress;
import org.plasticity.app.report.PredictivityReport;
import org.plasticity.app.report.ScoreBarPlot;
import org.plasticity.io.OutputDirectory;
import org.plasticity.neural.PredictivityStudy;
import org.plasticity.neural.PredictivityStudy.LayerScore;
import org.plasticity.neural.data.Features;
import org.plasticity.neural.method.CeilingResult;

/**
 * Scores layers against a recording and writes what {@code predictivity} writes. Layers are scored side by side, one
 * per thread, each computing its activations only when its turn comes, so that at most one layer per thread is held;
 * the scores do not depend on the thread count (every layer uses the study's fixed splits).
 */
final class NeuralScoring {
    /** 95 % normal quantile, for error bars from standard errors over splits. */
    static final double Z95 = 1.959963984540054;

    private NeuralScoring() {}

    /** One layer to score: the model it belongs to and how to compute its activations. */
    record Layer(String model, Supplier<Features> activations) {}

    /** Scores every layer, reporting split by split to {@code bar} from {@code doneBefore} of {@code total}. */
    static List<LayerScore> score(PredictivityStudy study, List<Layer> layers, int threads, ConsoleProgress bar,
                                  long doneBefore, long total) throws IOException, InterruptedException {
        AtomicLong done = new AtomicLong(doneBefore);
        List<java.util.concurrent.Callable<LayerScore>> jobs = new ArrayList<>();
        for (Layer l : layers) {
            jobs.add(() -> study.score(l.model(), l.activations().get(),
                    () -> bar.progress(done.incrementAndGet(), total)));
        }
        return Parallel.run(threads, jobs);
    }

    static List<LayerScore> scoreAndWrite(String command, PredictivityStudy study, List<Layer> layers, String stimuli,
                                          RunOptions run, PrintWriter out) throws IOException, InterruptedException {
        List<LayerScore> scores;
        try (OutputDirectory dir = run.openOut();
             ConsoleProgress bar = ConsoleProgress.open(command + " of " + layers.size() + " layers", run.quiet)) {
            long total = (long) layers.size() * study.splitCount();
            bar.progress(0, total);
            scores = score(study, layers, run.threads(), bar, 0, total);
            PredictivityWriter.write(PredictivityWriter.summary(command, study, stimuli, scores),
                    dir.file("summary.json"));
            PredictivityWriter.writeScores(scores, null, new String[0], dir.file("scores.csv"));
            PredictivityWriter.writeNeurons(scores, null, new String[0], study.ceiling(), dir.file("neurons.csv"));
            String table = PredictivityWriter.table(study, scores);
            Files.writeString(dir.file("results.md"), table);
            List<ScoreBarPlot.Bar> bars = new ArrayList<>();
            for (LayerScore s : scores) {
                bars.add(new ScoreBarPlot.Bar(s.model(), s.layer(), s.score().r(), Z95 * s.score().rSe()));
            }
            double ceiling = ceiling(study);
            ScoreBarPlot.write(bars, ceiling, "Neural predictivity", "median Pearson r over neurons on held-out"
                    + " stimuli; bars: 95 % interval from the spread over splits", "r", dir.file("predictivity.png"));
            PredictivityReport.write("Neural predictivity", header(study, stimuli), columns(),
                    rows(scores), List.of(dir.file("predictivity.png")), notes(), dir.file("report.html"));
            dir.commit();
            out.println(table);
            out.println("results in " + run.out());
        }
        return scores;
    }

    static double ceiling(PredictivityStudy study) {
        CeilingResult c = study.ceiling();
        return c == null ? Double.NaN : c.median();
    }

    static List<String> header(PredictivityStudy study, String stimuli) {
        PredictivityStudy.Options o = study.options();
        CeilingResult c = study.ceiling();
        return List.of("Responses: " + study.responses().source() + " (" + study.responses().neurons()
                        + " neurons, " + study.responses().stimuli() + " stimuli"
                        + (study.responses().hasRepeats() ? ", up to " + study.responses().repeats() + " repeats)"
                        : ", averaged)"),
                "Stimuli: " + stimuli,
                "Method: " + (o.regression().equals("pls") ? "PLS, " + o.components() + " components" : "ridge")
                        + String.format(Locale.ROOT, "; %d splits, %.0f %% fit / %.0f %% test; seed %d",
                        o.splits(), 100 * o.trainFraction(), 100 * (1 - o.trainFraction()), o.seed()),
                "Ceiling: " + (c == null ? "none (the recording has no repeats)" : String.format(Locale.ROOT,
                        "%.3f +- %.3f (split-half over repeats, Spearman-Brown corrected, median over neurons, "
                                + "mean over %d halvings)", c.median(), c.se(), o.ceilingSplits())));
    }

    static List<String> columns() {
        return List.of("model", "layer", "units", "r", "r se", "r / ceiling", "(r / ceiling)^2");
    }

    static List<List<String>> rows(List<LayerScore> scores) {
        List<List<String>> rows = new ArrayList<>();
        for (LayerScore s : scores) {
            rows.add(List.of(s.model(), s.layer(), String.valueOf(s.units()), fmt(s.score().r()),
                    fmt(s.score().rSe()), fmt(s.rOverCeiling()), fmt(s.explainedVariance())));
        }
        return rows;
    }

    static List<String> notes() {
        return List.of("r: Pearson correlation between predicted and recorded responses on held-out stimuli, per "
                        + "neuron; the median over neurons per split, then the mean over splits (r se: standard "
                        + "error over splits).",
                "r / ceiling is the normalised score of the first Brain-Score releases (2018-2019); (r / ceiling)^2, "
                        + "the 'explained variance', the one of the releases of about 2020 to 2025; since December "
                        + "2025 Brain-Score reports r^2 / ceiling (r2_over_ceiling in summary.json). None is "
                        + "clipped here, so values above 1 (a model beating the neurons' own reliability, within "
                        + "noise) show. Compare with a published number only on the scale of its release.");
    }

    static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "-";
    }
}
