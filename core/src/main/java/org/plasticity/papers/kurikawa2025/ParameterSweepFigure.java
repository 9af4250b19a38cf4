package org.plasticity.papers.kurikawa2025;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.experiment.FlrExperiment;
import org.plasticity.recurrent.experiment.FlrResult;
import org.plasticity.recurrent.experiment.ProgressListener;
import org.plasticity.stats.Bootstrap;
import org.plasticity.stats.Summary;

/**
 * A figure made by sweeping one config field over a few values and running the fluctuation-learning experiment at
 * each: the mean measured initial speed over a fixed set of tasks (same seed, so the same network draws and tasks),
 * the mean FLR1 prediction, the spontaneous variance and the agreement of FLR1 with the measurements. The verdict is
 * a rule over the table: a trend ({@link #rising}) or an agreement that must hold at every point
 * ({@link #agreementHolds}).
 */
public final class ParameterSweepFigure {
    /** Columns of the figure's table. */
    public static final List<String> COLUMNS = List.of("x", "mean_variance", "measured_speed_mean",
            "measured_speed_se", "predicted_flr1_mean", "flr1_pearson_r", "flr1_loglog_r", "measured_speed_ci_low",
            "measured_speed_ci_high");

    /** Turns the table into a verdict: fills {@code numbers} and returns {@code {reproduced ? "1" : "0", detail}}. */
    @FunctionalInterface
    public interface Verdict {
        String[] judge(List<double[]> rows, Map<String, Double> numbers);
    }

    private final String id;
    private final String title;
    private final String claim;
    private final String xLabel;
    private final Verdict verdict;
    private final BiFunction<FlrConfig, Double, FlrConfig> apply;

    public ParameterSweepFigure(String id, String title, String claim, String xLabel, Verdict verdict,
                                BiFunction<FlrConfig, Double, FlrConfig> apply) {
        this.id = id;
        this.title = title;
        this.claim = claim;
        this.xLabel = xLabel;
        this.verdict = verdict;
        this.apply = apply;
    }

    public String id() {
        return id;
    }

    /** Runs the sweep over {@code values} from {@code base}; {@code progress} counts finished points. */
    public FigureResult run(FlrConfig base, double[] values, int threads, ProgressListener progress) {
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < values.length; k++) {
            FlrResult r = FlrExperiment.run(apply.apply(base, values[k]), threads, ProgressListener.NONE);
            double[] speeds = r.tasks().stream().mapToDouble(t -> t.measured().speed()).toArray();
            double predicted = r.tasks().stream().mapToDouble(t -> t.predicted().flr1()).average()
                    .orElse(Double.NaN);
            double[] ci = Bootstrap.meanInterval(speeds, base.seed() + k);
            rows.add(new double[] {values[k], r.spontaneous().meanVariance(), Summary.mean(speeds),
                Summary.standardError(speeds), predicted, r.flr1().pearsonR(), r.flr1().loglogR(), ci[0], ci[1]});
            progress.progress(k + 1, values.length);
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        String[] v = verdict.judge(rows, numbers);
        return new FigureResult(id, "sweep", List.of(), title, claim, xLabel, COLUMNS, rows, v[0].equals("1"), v[1],
                numbers, base);
    }

    /** Verdict: speed and spontaneous variance both rise along the sweep (strictly, or non-decreasing). */
    public static Verdict rising(boolean strict) {
        return (rows, numbers) -> {
            double[] speed = rows.stream().mapToDouble(r -> r[2]).toArray();
            double[] variance = rows.stream().mapToDouble(r -> r[1]).toArray();
            boolean speedRises = rising(speed, strict);
            boolean varianceRises = rising(variance, strict);
            numbers.put("speed_ratio_last_to_first", speed[speed.length - 1] / speed[0]);
            numbers.put("variance_ratio_last_to_first", variance[variance.length - 1] / variance[0]);
            numbers.put("speed_rises", speedRises ? 1.0 : 0.0);
            numbers.put("variance_rises", varianceRises ? 1.0 : 0.0);
            String detail = String.format(Locale.ROOT,
                    "speed %s (x%.2f from first to last), spontaneous variance %s (x%.2f)",
                    speedRises ? "rises" : "does not rise", numbers.get("speed_ratio_last_to_first"),
                    varianceRises ? "rises" : "does not rise", numbers.get("variance_ratio_last_to_first"));
            return new String[] {speedRises && varianceRises ? "1" : "0", detail};
        };
    }

    /** Verdict: at every point FLR1's Pearson r is at least {@code minR} and its log-log r at least {@code minLogR}. */
    public static Verdict agreementHolds(double minR, double minLogR) {
        return (rows, numbers) -> {
            double worstR = rows.stream().mapToDouble(r -> r[5]).min().orElse(Double.NaN);
            double worstLogR = rows.stream().mapToDouble(r -> r[6]).min().orElse(Double.NaN);
            numbers.put("min_flr1_pearson_r", worstR);
            numbers.put("min_flr1_loglog_r", worstLogR);
            boolean ok = worstR >= minR && worstLogR >= minLogR;
            String detail = String.format(Locale.ROOT, "lowest FLR1 r over the sweep %.3f (needs >= %.1f), lowest "
                    + "log-log r %.3f (needs >= %.1f)", worstR, minR, worstLogR, minLogR);
            return new String[] {ok ? "1" : "0", detail};
        };
    }

    /** @return true when each value exceeds (or, not strict, is at least) the one before. */
    static boolean rising(double[] v, boolean strict) {
        for (int i = 1; i < v.length; i++) {
            if (strict ? !(v[i] > v[i - 1]) : !(v[i] >= v[i - 1])) {
                return false;
            }
        }
        return true;
    }
}
