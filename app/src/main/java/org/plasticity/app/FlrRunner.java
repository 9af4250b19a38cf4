package org.plasticity.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.plasticity.app.io.ResultWriter;
import org.plasticity.app.progress.ConsoleProgress;
import org.plasticity.app.report.PredictionPlot;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.experiment.FlrExperiment;
import org.plasticity.recurrent.experiment.FlrResult;
import org.plasticity.recurrent.experiment.NonFiniteResultException;
import org.plasticity.recurrent.experiment.Preflight;
import org.plasticity.recurrent.experiment.TaskResult;

/** Runs an FLR experiment and writes its result files: shared by {@code flr} and {@code demo}. */
final class FlrRunner {
    static final String SUMMARY = "summary.json";
    static final String TASKS = "tasks.csv";
    static final String PLOT = "pred-vs-measured.png";

    private FlrRunner() {}

    /**
     * Runs the experiment and writes its files into {@code dir} (a staging folder). Callers run
     * {@link Preflight#check} before they open the output folder.
     *
     * @throws NonFiniteResultException when a statistic came out NaN or infinite (nothing is written)
     */
    static FlrResult runAndWrite(FlrConfig config, Path dir, int threads, boolean quiet) throws IOException {
        FlrResult result;
        try (ConsoleProgress progress = ConsoleProgress.open("flr", quiet)) {
            result = FlrExperiment.run(config, threads, progress);
        }
        NonFiniteResultException.check(result);
        ResultWriter.writeSummary(result, dir.resolve(SUMMARY));
        ResultWriter.writeTasks(result, dir.resolve(TASKS));
        PredictionPlot.writePng(result, dir.resolve(PLOT));
        return result;
    }

    /**
     * Prints the one-line regime warning on {@code err} when the spontaneous state is not one where FLR1 and FLR2
     * can hold (docs/model.md#regime); prints nothing otherwise.
     */
    static void warnRegime(FlrResult r, PrintWriter err) {
        String warning = r.regime().warning();
        if (warning != null) {
            err.println(warning);
            err.flush();
        }
    }

    static void report(FlrResult r, Path out, PrintWriter w) {
        var s = r.spontaneous();
        w.printf(Locale.ROOT, "spontaneous activity: mean variance %.4g +- %.2g, top eigenvalue of C %.4g, "
                + "beta*lambda_max(J) %.3f%n", s.meanVariance(), s.meanVarianceError(), s.topEigenvalue(),
                r.config().network().beta() * s.couplingTopEigenvalue());
        w.printf(Locale.ROOT, "%5s %10s %10s %10s %12s %10s%n", "task", "FLR1", "FLR2", "measured", "+-", "T_L");
        for (TaskResult t : r.tasks()) {
            w.printf(Locale.ROOT, "%5d %10.4g %10.4g %10.4g %12.2g %10s%n", t.index(), t.predicted().flr1(),
                    t.predicted().flr2(), t.measured().speed(), t.measured().standardError(),
                    Double.isFinite(t.learningTime().time())
                            ? String.format(Locale.ROOT, "%.1f", t.learningTime().time()) : "-");
        }
        w.printf(Locale.ROOT, "FLR1: r = %.3f, log-log slope %.3f, fit slope %.3f%n", r.flr1().pearsonR(),
                r.flr1().loglogSlope(), r.flr1().fitSlope());
        w.printf(Locale.ROOT, "FLR2: r = %.3f (C^2 form), %.3f (variance form)%n", r.flr2().pearsonR(),
                r.flr2Variance().pearsonR());
        w.printf(Locale.ROOT, "%d tasks in %.1f s on %d threads; results in %s%n", r.tasks().size(), r.wallSeconds(),
                r.threads(), out.toAbsolutePath());
        w.flush();
    }
}
