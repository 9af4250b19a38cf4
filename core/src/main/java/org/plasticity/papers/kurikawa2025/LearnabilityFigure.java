package org.plasticity.papers.kurikawa2025;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.plasticity.numeric.Seeds;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.experiment.FlrExperiment;
import org.plasticity.recurrent.experiment.ProgressListener;
import org.plasticity.recurrent.experiment.TaskResult;
import org.plasticity.recurrent.flr.Flr;
import org.plasticity.recurrent.fluctuations.Moments;
import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.recurrent.rule.LearningRule;
import org.plasticity.recurrent.rule.LearningRules;
import org.plasticity.recurrent.task.IoMappingTask;
import org.plasticity.recurrent.task.TaskFactory;

/**
 * A learnability map: rank many candidate input/output pairs by the speed FLR2 predicts from spontaneous activity
 * alone (one simulation for all candidates, no learning), then learn the top and the bottom of the ranking to check
 * it. Verdict: every pair from the top learns faster than every pair from the bottom.
 */
final class LearnabilityFigure implements Figure {
    @Override
    public String id() {
        return "learnability";
    }

    @Override
    public FigureKind kind() {
        return FigureKind.SCATTER;
    }

    @Override
    public int points(Scale scale) {
        return 2;
    }

    @Override
    public FigureResult run(Scale scale, long seed, int threads, ProgressListener progress) {
        try {
            return run(base(scale, seed), scale == Scale.SMOKE ? 40 : 200, scale == Scale.FULL ? 8 : 4, threads,
                    progress);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static FigureResult run(FlrConfig base, int candidates, int verify, int threads, ProgressListener progress)
            throws Exception {
        long seed = base.seed();
        RateNetwork network = FlrExperiment.network(base);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            Moments spontaneous = FlrExperiment.spontaneous(base, network,
                    jobs -> FlrExperiment.invokeAll(pool, jobs));
            List<IoMappingTask> pool0 = TaskFactory.gradedIoMapping(network.memories(), candidates,
                    base.task().gamma(), Seeds.derive(seed, 8));
            double[] c = spontaneous.covariance();
            double kappa = network.kappa();
            List<double[]> ranked = new ArrayList<>();
            for (IoMappingTask t : pool0) {
                ranked.add(new double[] {t.index(), Flr.flr2(kappa, t.gamma(), t.xi(), t.eta(), c)});
            }
            ranked.sort(Comparator.comparingDouble((double[] a) -> a[1]).reversed());
            progress.progress(1, 2);
            LearningRule rule = LearningRules.byName(base.rule());
            List<Future<TaskResult>> top = new ArrayList<>();
            List<Future<TaskResult>> bottom = new ArrayList<>();
            for (int k = 0; k < verify; k++) {
                IoMappingTask hi = pool0.get((int) ranked.get(k)[0]);
                IoMappingTask lo = pool0.get((int) ranked.get(ranked.size() - 1 - k)[0]);
                top.add(pool.submit(() -> FlrExperiment.runTask(base, network, spontaneous, rule, hi)));
                bottom.add(pool.submit(() -> FlrExperiment.runTask(base, network, spontaneous, rule, lo)));
            }
            List<double[]> rows = new ArrayList<>();
            double minTop = Double.POSITIVE_INFINITY;
            double maxBottom = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < verify; k++) {
                TaskResult t = top.get(k).get();
                TaskResult b = bottom.get(k).get();
                rows.add(new double[] {0, t.predicted().flr2(), t.measured().speed()});
                rows.add(new double[] {1, b.predicted().flr2(), b.measured().speed()});
                minTop = Math.min(minTop, t.measured().speed());
                maxBottom = Math.max(maxBottom, b.measured().speed());
            }
            progress.progress(2, 2);
            Map<String, Double> numbers = new LinkedHashMap<>();
            numbers.put("candidates", (double) candidates);
            numbers.put("verified_each_end", (double) verify);
            numbers.put("slowest_top_measured", minTop);
            numbers.put("fastest_bottom_measured", maxBottom);
            numbers.put("separation_ratio", minTop / maxBottom);
            boolean ok = minTop > maxBottom;
            String detail = String.format(Locale.ROOT, "of %d candidates ranked by FLR2 before learning, the slowest "
                    + "of the top %d learns %.2fx faster than the fastest of the bottom %d", candidates, verify,
                    minTop / maxBottom, verify);
            String claim = "The formulae reveal which input/output relationships are easier to learn (Kurikawa & "
                    + "Kaneko, arXiv 2409.13597 listing abstract): a ranking made before any learning must hold when "
                    + "the pairs are learned.";
            return new FigureResult("learnability", FigureKind.SCATTER, List.of("top of the ranking",
                    "bottom of the ranking"),
                    "Learnability map: ranked before learning, verified by learning", claim,
                    "predicted speed (FLR2, from spontaneous C only)", List.of("series", "predicted_flr2",
                        "measured_speed"), rows, ok, detail, numbers, base);
        } finally {
            pool.shutdownNow();
        }
    }
}
