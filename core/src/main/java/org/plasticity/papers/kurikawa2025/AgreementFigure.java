package org.plasticity.papers.kurikawa2025;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.experiment.FlrExperiment;
import org.plasticity.recurrent.experiment.FlrResult;
import org.plasticity.recurrent.experiment.ProgressListener;
import org.plasticity.recurrent.experiment.TaskResult;
import org.plasticity.stats.Bootstrap;

/**
 * Predicted vs measured initial speed for each task type and rule (docs/figures.md#agreement): FLR1 must
 * hold for input/output mapping, auto-associative memory and time-series generation, under the Hebbian and the
 * target-error rule (r &gt;= 0.9 each), and FLR2 for the Hebbian rule at small input (r &gt;= 0.9 in one of its
 * forms).
 */
final class AgreementFigure implements Figure {
    static final String[][] COMBINATIONS = {
        {"io-mapping", "hebbian"}, {"io-mapping", "target-error"},
        {"auto-associative", "hebbian"}, {"auto-associative", "target-error"},
        {"time-series", "hebbian"}, {"time-series", "target-error"}};
    static final double THRESHOLD = 0.9;

    @Override
    public String id() {
        return "agreement";
    }

    @Override
    public FigureKind kind() {
        return FigureKind.SCATTER;
    }

    @Override
    public int points(Scale scale) {
        return COMBINATIONS.length;
    }

    @Override
    public FigureResult run(Scale scale, long seed, int threads, ProgressListener progress) {
        return run(base(scale, seed), threads, progress);
    }

    static FigureResult run(FlrConfig base, int threads, ProgressListener progress) {
        List<String> series = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        Map<String, Double> numbers = new LinkedHashMap<>();
        boolean all = true;
        StringBuilder detail = new StringBuilder();
        for (int k = 0; k < COMBINATIONS.length; k++) {
            String type = COMBINATIONS[k][0];
            String rule = COMBINATIONS[k][1];
            FlrConfig cfg = base.withTask(base.task().withType(type)).withRule(rule);
            FlrResult r = FlrExperiment.run(cfg, threads, progress.regimeOnly());
            String name = type + " / " + rule;
            series.add(name);
            for (TaskResult task : r.tasks()) {
                rows.add(new double[] {k, task.predicted().flr1(), task.measured().speed()});
            }
            double r1 = r.flr1().pearsonR();
            double[] p = r.tasks().stream().mapToDouble(x -> x.predicted().flr1()).toArray();
            double[] m = r.tasks().stream().mapToDouble(x -> x.measured().speed()).toArray();
            double[] ci = Bootstrap.pearsonInterval(p, m, base.seed() + k);
            double r2 = Math.max(r.flr2().pearsonR(), r.flr2Variance().pearsonR());
            numbers.put(name + ": flr1_pearson_r", r1);
            numbers.put(name + ": flr1_pearson_r_ci95_low", ci[0]);
            numbers.put(name + ": flr1_pearson_r_ci95_high", ci[1]);
            numbers.put(name + ": flr1_fit_slope", r.flr1().fitSlope());
            boolean ok = r1 >= THRESHOLD;
            if (rule.equals("hebbian")) {
                numbers.put(name + ": flr2_pearson_r", r2);
                ok &= r2 >= THRESHOLD;
            }
            all &= ok;
            detail.append(String.format(Locale.ROOT, "%s%s FLR1 r = %.3f%s", detail.length() == 0 ? "" : "; ", name,
                    r1, rule.equals("hebbian") ? String.format(Locale.ROOT, ", FLR2 r = %.3f", r2) : ""));
            progress.progress(k + 1, COMBINATIONS.length);
        }
        String claim = "Initial learning speed is proportional to the FLR1 prediction, for input/output mapping, "
                + "auto-associative memory and time-series generation, independent of the learning rule; for Hebb-type learning at small "
                + "input it scales with the variances along target and input (FLR2) (Kurikawa & Kaneko, Nat. "
                + "Commun. 16, 2025, abstract; docs/figures.md#agreement).";
        return new FigureResult("agreement", FigureKind.SCATTER, series,
                "Measured vs predicted speed, per task type and rule",
                claim, "predicted speed (FLR1)", List.of("series", "predicted_flr1", "measured_speed"), rows, all,
                detail + String.format(Locale.ROOT, " (each must be >= %.1f)", THRESHOLD), numbers, base);
    }
}
