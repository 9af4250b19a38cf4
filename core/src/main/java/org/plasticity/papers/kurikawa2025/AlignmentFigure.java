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
import org.plasticity.stats.Agreement;
import org.plasticity.stats.Bootstrap;

/**
 * Which input/output relationships are easy (docs/figures.md#alignment): across tasks with graded alignment to the
 * memories, the measured speed grows with the spontaneous variances along the target and the input,
 * {@code (xi^T C xi / N)(eta^T C eta / N)}. Verdict: a spread of at least 5x in speed across tasks, and a rank
 * correlation of at least 0.8 between speed and that product.
 */
final class AlignmentFigure implements Figure {
    static final double MIN_SPREAD = 5;
    static final double MIN_RANK_CORRELATION = 0.8;

    @Override
    public String id() {
        return "alignment";
    }

    @Override
    public FigureKind kind() {
        return FigureKind.SCATTER;
    }

    @Override
    public int points(Scale scale) {
        return 1;
    }

    @Override
    public FigureResult run(Scale scale, long seed, int threads, ProgressListener progress) {
        return run(base(scale, seed), threads, progress);
    }

    static FigureResult run(FlrConfig base, int threads, ProgressListener progress) {
        FlrResult r = FlrExperiment.run(base, threads, progress.regimeOnly());
        List<double[]> rows = new ArrayList<>();
        double[] product = new double[r.tasks().size()];
        double[] speed = new double[product.length];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < product.length; k++) {
            TaskResult t = r.tasks().get(k);
            product[k] = t.varianceXi() * t.varianceEta();
            speed[k] = t.measured().speed();
            lo = Math.min(lo, speed[k]);
            hi = Math.max(hi, speed[k]);
            rows.add(new double[] {0, product[k], speed[k]});
        }
        progress.progress(1, 1);
        double spread = hi / lo;
        double rho = Agreement.spearman(product, speed);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("speed_spread_max_over_min", spread);
        numbers.put("spearman_speed_vs_variance_product", rho);
        double[] ci = Bootstrap.spearmanInterval(product, speed, base.seed());
        numbers.put("spearman_ci95_low", ci[0]);
        numbers.put("spearman_ci95_high", ci[1]);
        numbers.put("pearson_loglog", Agreement.of(product, speed).loglogR());
        boolean ok = lo > 0 && spread >= MIN_SPREAD && rho >= MIN_RANK_CORRELATION;
        String detail = String.format(Locale.ROOT,
                "speed spreads x%.1f across tasks (needs >= %.0f); rank correlation with the variance product "
                        + "%.3f (needs >= %.1f)", spread, MIN_SPREAD, rho, MIN_RANK_CORRELATION);
        String claim = "The formulae reveal which input/output relationships are easier to learn: learning is faster "
                + "when task-relevant directions align with high-variance spontaneous activity (Kurikawa & Kaneko, "
                + "arXiv 2409.13597 listing abstract; Nat. Commun. 16, 2025; docs/figures.md#alignment).";
        return new FigureResult("alignment", FigureKind.SCATTER, List.of("tasks with graded alignment to the memories"),
                "Easy mappings: speed vs variance along target and input", claim,
                "variance along target x variance along input", List.of("series", "variance_product",
                    "measured_speed"), rows, ok, detail, numbers, base);
    }
}
