package org.plasticity.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.plasticity.Version;
import org.plasticity.analysis.Agreement;
import org.plasticity.config.FlrConfig;
import org.plasticity.config.SpeedConfig;
import org.plasticity.flr.Flr;
import org.plasticity.flr.FlrPrediction;
import org.plasticity.learn.ConcurrentSpeed;
import org.plasticity.learn.LearningTime;
import org.plasticity.learn.QuasiStaticSpeed;
import org.plasticity.learn.SpeedMeasurement;
import org.plasticity.config.TaskConfig;
import org.plasticity.model.Memories;
import org.plasticity.model.RateNetwork;
import org.plasticity.numeric.Blas;
import org.plasticity.numeric.Seeds;
import org.plasticity.numeric.SymmetricEigen;
import org.plasticity.rule.LearningRule;
import org.plasticity.rule.LearningRules;
import org.plasticity.stats.Moments;
import org.plasticity.stats.Sampling;
import org.plasticity.task.IoMappingTask;
import org.plasticity.task.TaskFactory;

/**
 * The fluctuation-learning experiment on input/output mapping: from spontaneous activity before learning, predict
 * each task's learning speed (FLR1, FLR2), then learn and measure.
 * <ol>
 *   <li>Build the network with its memories; simulate spontaneous activity (gamma = 0): mean and covariance C.</li>
 *   <li>For each task: simulate input-evoked activity, form the rule's mean update &lt;F&gt;, predict, measure the
 *   initial speed (quasi-static or concurrent), and the learning time.</li>
 *   <li>Compare predictions with measurements across tasks.</li>
 * </ol>
 * Every random stream is derived from the seed and what it is for (network, spontaneous run, task k), and work is
 * split into units fixed by the config, so results are identical at any thread count. Prints nothing.
 */
public final class FlrExperiment {
    private FlrExperiment() {}

    public static FlrResult run(FlrConfig cfg, int threads, ProgressListener progress) {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "plasticity-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            return run(cfg, threads, progress, pool, start);
        } finally {
            pool.shutdownNow();
        }
    }

    private static FlrResult run(FlrConfig cfg, int threads, ProgressListener progress, ExecutorService pool,
                                 long start) {
        long seed = cfg.seed();
        RateNetwork network = RateNetwork.build(cfg.network(), Seeds.derive(seed, 0));
        int n = network.n();
        int groups = Sampling.groups(cfg.simulation().trials()).length;
        long total = groups + cfg.task().count();
        AtomicLong done = new AtomicLong();
        Runnable tick = () -> progress.progress(done.incrementAndGet(), total);

        Moments spontaneous = Sampling.moments(network, cfg.simulation(), null, Seeds.derive(seed, 1),
                jobs -> invokeAll(pool, jobs.stream().map(j -> (Runnable) () -> {
                    j.run();
                    tick.run();
                }).toList()));
        double[] c = spontaneous.covariance();
        SymmetricEigen covEig = SymmetricEigen.of(n, c);
        double topErr = spontaneous.standardError(g -> SymmetricEigen.of(n, g).max());
        double couplingTop = SymmetricEigen.of(n, network.coupling()).max();
        double meanAct = 0;
        for (double v : spontaneous.mean()) {
            meanAct += v * v;
        }
        var spont = new FlrResult.SpontaneousSummary(spontaneous.meanVariance(), spontaneous.meanVarianceError(),
                covEig.max(), topErr, couplingTop, meanAct / n, spontaneous.samples());

        Memories alignTo = cfg.task().alignment() == TaskConfig.Alignment.RANDOM
                ? Memories.random(n, 0, Seeds.stream(seed, 6)) : network.memories();
        List<IoMappingTask> tasks = TaskFactory.graded(cfg.task().type(), alignTo, cfg.task().count(),
                cfg.task().gamma(), Seeds.derive(seed, 2));
        LearningRule rule = LearningRules.byName(cfg.rule());
        List<Future<TaskResult>> futures = new ArrayList<>();
        for (IoMappingTask task : tasks) {
            futures.add(pool.submit(() -> {
                TaskResult r = runTask(cfg, network, spontaneous, rule, task);
                tick.run();
                return r;
            }));
        }
        List<TaskResult> results = new ArrayList<>();
        for (Future<TaskResult> f : futures) {
            results.add(get(f));
        }

        int k = results.size();
        double[] measured = new double[k];
        double[] p1 = new double[k];
        double[] p2 = new double[k];
        double[] p2v = new double[k];
        List<double[]> timed = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            TaskResult r = results.get(i);
            measured[i] = r.measured().speed();
            p1[i] = r.predicted().flr1();
            p2[i] = r.predicted().flr2();
            p2v[i] = r.predicted().flr2Variance();
            if (Double.isFinite(r.learningTime().time())) {
                timed.add(new double[] {r.predicted().flr1(), 1.0 / r.learningTime().time()});
            }
        }
        Agreement lt = timed.size() < 3 ? null : Agreement.of(
                timed.stream().mapToDouble(a -> a[0]).toArray(), timed.stream().mapToDouble(a -> a[1]).toArray());
        double wall = (System.nanoTime() - start) / 1e9;
        return new FlrResult(Version.get(), Blas.backend(), cfg, threads, wall, spont, results,
                Agreement.of(p1, measured), Agreement.of(p2, measured), Agreement.of(p2v, measured), lt);
    }

    /** One task: evoked statistics, prediction from spontaneous C, measured speed and learning time. */
    public static TaskResult runTask(FlrConfig cfg, RateNetwork network, Moments spontaneous, LearningRule rule,
                              IoMappingTask task) {
        int n = network.n();
        long seed = cfg.seed();
        long evokedSeed = Seeds.derive(seed, 3, task.index());
        Moments evoked = Sampling.moments(network, cfg.simulation(), task.field(), evokedSeed,
                Sampling.GroupRunner.SEQUENTIAL);
        double[] meanUpdate = rule.meanUpdate(task.xi(), evoked);
        double[] c = spontaneous.covariance();
        FlrPrediction prediction = Flr.predict(network.kappa(), task.gamma(), task.xi(), task.eta(), c, meanUpdate,
                evoked.mean());
        SpeedMeasurement quasi = QuasiStaticSpeed.measure(network, cfg.simulation(), task, evoked, meanUpdate,
                evokedSeed, cfg.speed().perturbation());
        SpeedMeasurement measured = quasi;
        if (cfg.speed().method() == SpeedConfig.Method.CONCURRENT) {
            measured = ConcurrentSpeed.measure(network, task, rule, cfg.speed().epsilon(), cfg.simulation().burnIn(),
                    cfg.speed().window(), cfg.speed().learners(), Seeds.derive(seed, 5, task.index()));
        }
        LearningTime time = cfg.learning().enabled()
                ? LearningTime.measure(network, task, rule, cfg.learning(), cfg.simulation().burnIn(),
                        Seeds.derive(seed, 4, task.index()))
                : new LearningTime(Double.NaN, Double.NaN);
        double response = 0;
        for (double v : evoked.mean()) {
            response += v * v;
        }
        return new TaskResult(task.index(), task.alignXi(), task.alignEta(), spontaneous.varianceAlong(task.xi()),
                spontaneous.varianceAlong(task.eta()), response / n, task.overlap(evoked.mean()), prediction,
                measured, time);
    }

    private static void invokeAll(ExecutorService pool, List<Runnable> jobs) {
        List<Future<?>> fs = new ArrayList<>();
        for (Runnable j : jobs) {
            fs.add(pool.submit(j));
        }
        for (Future<?> f : fs) {
            get(f);
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }
}
