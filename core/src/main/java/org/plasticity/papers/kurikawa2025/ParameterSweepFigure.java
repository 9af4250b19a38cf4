package org.plasticity.papers.kurikawa2025;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.config.TaskConfig;
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
public final class ParameterSweepFigure implements Figure {
    /** Columns of the figure's table. */
    public static final List<String> COLUMNS = List.of("x", "mean_variance", "measured_speed_mean",
            "measured_speed_se", "predicted_flr1_mean", "flr1_pearson_r", "flr1_loglog_r", "measured_speed_ci_low",
            "measured_speed_ci_high");

    /** Turns the table into a verdict, filling {@code numbers} with the numbers behind it. */
    @FunctionalInterface
    public interface Rule {
        Verdict judge(List<double[]> rows, Map<String, Double> numbers);
    }

    /** Learning speed against the gain beta. */
    static final ParameterSweepFigure GAIN = new ParameterSweepFigure("gain", "Learning speed vs gain beta",
            "Learning speed increases with the gain of the activation function, because a higher gain enhances "
                    + "the variance of spontaneous fluctuations (Kurikawa & Kaneko, arXiv 2409.13597, abstract).",
            "beta", rising(true), scale -> switch (scale) {
                case SMOKE -> new double[] {0.3, 0.45, 0.6};
                case DEFAULT -> new double[] {0.3, 0.4, 0.5, 0.6, 0.7};
                case FULL -> new double[] {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7};
            }, UnaryOperator.identity(), (c, beta) -> c.withNetwork(c.network().withBeta(beta)));

    /** Learning speed against the number of memories M, on random tasks that are the same at every M. */
    static final ParameterSweepFigure MEMORIES = new ParameterSweepFigure("memories",
            "Learning speed vs number of memories M",
            "Learning speed increases with the number of pre-embedded memories, because more memories enhance "
                    + "the variance of spontaneous fluctuations (Kurikawa & Kaneko, arXiv 2409.13597, abstract).",
            "memories M", rising(false), scale -> switch (scale) {
                case SMOKE -> new double[] {0, 2, 4};
                case DEFAULT -> new double[] {0, 5, 10};
                case FULL -> new double[] {0, 2, 4, 6, 8, 10};
            }, c -> c.withTask(c.task().withAlignment(TaskConfig.Alignment.RANDOM)),
            (c, m) -> c.withNetwork(c.network().withMemories((int) Math.round(m))));

    /** FLR1's agreement at larger input strength. */
    static final ParameterSweepFigure INPUT = new ParameterSweepFigure("input",
            "FLR1 beyond small input: speed vs input strength",
            "The formulae hold even beyond the regime assumed for the derivation (Kurikawa & Kaneko, arXiv "
                    + "2409.13597, abstract; docs/figures.md#input: r >= 0.8 and log-log r >= 0.9 at larger input).",
            "input strength gamma", agreementHolds(0.8, 0.9), scale -> switch (scale) {
                case SMOKE -> new double[] {0.1, 0.3};
                case DEFAULT -> new double[] {0.05, 0.1, 0.2, 0.4};
                case FULL -> new double[] {0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.6};
            }, UnaryOperator.identity(), (c, gamma) -> c.withTask(c.task().withGamma(gamma)));

    private final String id;
    private final String title;
    private final String claim;
    private final String xLabel;
    private final Rule verdict;
    private final Function<Scale, double[]> values;
    private final UnaryOperator<FlrConfig> adjustBase;
    private final BiFunction<FlrConfig, Double, FlrConfig> apply;

    /**
     * @param values     the swept values at each scale
     * @param adjustBase how the figure's base differs from the shared one
     * @param apply      the config of one point: the base with the swept field set to the value
     */
    public ParameterSweepFigure(String id, String title, String claim, String xLabel, Rule verdict,
                                Function<Scale, double[]> values, UnaryOperator<FlrConfig> adjustBase,
                                BiFunction<FlrConfig, Double, FlrConfig> apply) {
        this.id = id;
        this.title = title;
        this.claim = claim;
        this.xLabel = xLabel;
        this.verdict = verdict;
        this.values = values;
        this.adjustBase = adjustBase;
        this.apply = apply;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public FigureKind kind() {
        return FigureKind.SWEEP;
    }

    @Override
    public int points(Scale scale) {
        return values(scale).length;
    }

    /**
     * @return the swept values at {@code scale}; for the network sweeps they stay below beta lambda_max(J) = 1 for
     *     the networks used (lambda_max ~ 1.36 at N=100, M=10)
     */
    double[] values(Scale scale) {
        return values.apply(scale);
    }

    @Override
    public FlrConfig base(Scale scale, long seed) {
        return adjustBase.apply(Reproduction.base(scale, seed));
    }

    @Override
    public FigureResult run(Scale scale, long seed, int threads, ProgressListener progress) {
        return run(base(scale, seed), values(scale), threads, progress);
    }

    /** Runs the sweep over {@code values} from {@code base}; {@code progress} counts finished points. */
    public FigureResult run(FlrConfig base, double[] values, int threads, ProgressListener progress) {
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < values.length; k++) {
            FlrResult r = FlrExperiment.run(apply.apply(base, values[k]), threads, progress.regimeOnly());
            double[] speeds = r.tasks().stream().mapToDouble(t -> t.measured().speed()).toArray();
            double predicted = r.tasks().stream().mapToDouble(t -> t.predicted().flr1()).average()
                    .orElse(Double.NaN);
            double[] ci = Bootstrap.meanInterval(speeds, base.seed() + k);
            rows.add(new double[] {values[k], r.spontaneous().meanVariance(), Summary.mean(speeds),
                Summary.standardError(speeds), predicted, r.flr1().pearsonR(), r.flr1().loglogR(), ci[0], ci[1]});
            progress.progress(k + 1, values.length);
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        Verdict v = verdict.judge(rows, numbers);
        return new FigureResult(id, FigureKind.SWEEP, List.of(), title, claim, xLabel, COLUMNS, rows, v.reproduced(),
                v.detail(), numbers, base);
    }

    /** Verdict: speed and spontaneous variance both rise along the sweep (strictly, or non-decreasing). */
    public static Rule rising(boolean strict) {
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
            return new Verdict(speedRises && varianceRises, detail);
        };
    }

    /** Verdict: at every point FLR1's Pearson r is at least {@code minR} and its log-log r at least {@code minLogR}. */
    public static Rule agreementHolds(double minR, double minLogR) {
        return (rows, numbers) -> {
            double worstR = rows.stream().mapToDouble(r -> r[5]).min().orElse(Double.NaN);
            double worstLogR = rows.stream().mapToDouble(r -> r[6]).min().orElse(Double.NaN);
            numbers.put("min_flr1_pearson_r", worstR);
            numbers.put("min_flr1_loglog_r", worstLogR);
            boolean ok = worstR >= minR && worstLogR >= minLogR;
            String detail = String.format(Locale.ROOT, "lowest FLR1 r over the sweep %.3f (needs >= %.1f), lowest "
                    + "log-log r %.3f (needs >= %.1f)", worstR, minR, worstLogR, minLogR);
            return new Verdict(ok, detail);
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
