package org.plasticity.recurrent.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.plasticity.Version;
import org.plasticity.numeric.Blas;
import org.plasticity.numeric.Seeds;
import org.plasticity.numeric.SymmetricEigen;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.config.SpeedConfig;
import org.plasticity.recurrent.config.TaskConfig;
import org.plasticity.recurrent.flr.Flr;
import org.plasticity.recurrent.flr.FlrPrediction;
import org.plasticity.recurrent.fluctuations.Moments;
import org.plasticity.recurrent.fluctuations.Sampling;
import org.plasticity.recurrent.learning.ConcurrentSpeed;
import org.plasticity.recurrent.learning.LearningTime;
import org.plasticity.recurrent.learning.MeanUpdates;
import org.plasticity.recurrent.learning.QuasiStaticSpeed;
import org.plasticity.recurrent.learning.SpeedMeasurement;
import org.plasticity.recurrent.model.Memories;
import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.recurrent.rule.LearningRule;
import org.plasticity.recurrent.rule.LearningRules;
import org.plasticity.recurrent.task.IoMappingTask;
import org.plasticity.recurrent.task.TaskTypes;
import org.plasticity.stats.Agreement;
import org.plasticity.stats.Summary;

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
 * split into units fixed by the config, so results are identical at any thread count. Prints nothing: whether the
 * spontaneous state suits the predictions is judged in the result's {@link Regime}, for the caller to report.
 */
public final class FlrExperiment {
    private FlrExperiment() {}

    /** @throws org.plasticity.ConfigException when the run cannot fit this JVM, see {@link Preflight} */
    public static FlrResult run(FlrConfig cfg, int threads, ProgressListener progress) {
        FlrValidator.validate(cfg);
        Preflight.check(cfg, threads);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "plasticity-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            FlrResult result = run(cfg, threads, progress, pool, start);
            progress.regime(cfg, result.regime());
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    private static FlrResult run(FlrConfig cfg, int threads, ProgressListener progress, ExecutorService pool,
                                 long start) {
        RateNetwork network = network(cfg);
        List<List<IoMappingTask>> tasks = tasks(cfg, network);
        long total = 1 + tasks.size();
        AtomicLong done = new AtomicLong();
        Runnable tick = () -> progress.progress(done.incrementAndGet(), total);
        progress.progress(0, total); // the total is known before the spontaneous run, which may take minutes
        Sampling.GroupRunner parallel = new Sampling.GroupRunner() {
            @Override
            public void runAll(List<Runnable> jobs) {
                invokeAll(pool, jobs);
            }

            @Override
            public int parallelism() {
                return Math.max(1, threads);
            }
        };

        Moments spontaneous = spontaneous(cfg, network, parallel);
        tick.run();
        var spont = summary(network, spontaneous, pool);
        Regime regime = Regime.assess(network, spontaneous, spont.couplingTopEigenvalue(), spont.topEigenvalue(),
                spont.topEigenvalueError());

        LearningRule rule = LearningRules.byName(cfg.rule());
        List<TaskResult> results = new ArrayList<>();
        int wave = wave(cfg, threads);
        for (int from = 0; from < tasks.size(); from += wave) {
            List<List<IoMappingTask>> part = tasks.subList(from, Math.min(tasks.size(), from + wave));
            // Every cue of the wave's tasks shares J: their evoked runs form one batch per worker.
            List<Sampling.Input> inputs = new ArrayList<>();
            for (List<IoMappingTask> task : part) {
                inputs.addAll(evokedInputs(cfg.seed(), task));
            }
            List<Moments> evoked = Sampling.moments(network, cfg.simulation(), inputs, parallel);
            List<Future<TaskResult>> futures = new ArrayList<>();
            int cue = 0;
            for (List<IoMappingTask> task : part) {
                List<Moments> own = evoked.subList(cue, cue + task.size());
                cue += task.size();
                futures.add(pool.submit(() -> {
                    TaskResult r = finishTask(cfg, network, spontaneous, rule, task, own);
                    tick.run();
                    return r;
                }));
            }
            for (Future<TaskResult> f : futures) {
                results.add(get(f));
            }
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
                Agreement.of(p1, measured), Agreement.of(p2, measured), Agreement.of(p2v, measured), lt, regime);
    }

    /**
     * The spontaneous run's summary. The top eigenvalues of C, of each trial group's C (for its standard error) and
     * of J (kept from the network's stability check) are found on the pool: at large N these decompositions cost as
     * much as a task.
     */
    private static FlrResult.SpontaneousSummary summary(RateNetwork network, Moments spontaneous,
                                                        ExecutorService pool) {
        int n = network.n();
        double[] c = spontaneous.covariance();
        int groups = spontaneous.groups();
        double[] tops = new double[groups + 2];
        List<Runnable> spectra = new ArrayList<>();
        spectra.add(() -> tops[0] = SymmetricEigen.values(n, c).max());
        spectra.add(() -> tops[1] = network.couplingTopEigenvalue());
        for (int g = 0; g < groups; g++) {
            int group = g;
            spectra.add(() -> tops[2 + group] = SymmetricEigen.values(n, spontaneous.groupCovariance(group)).max());
        }
        invokeAll(pool, spectra);
        double topErr = groups < 2 ? Double.NaN : Summary.standardError(Arrays.copyOfRange(tops, 2, tops.length));
        double meanAct = 0;
        for (double v : spontaneous.mean()) {
            meanAct += v * v;
        }
        return new FlrResult.SpontaneousSummary(spontaneous.meanVariance(), spontaneous.meanVarianceError(),
                tops[0], topErr, tops[1], meanAct / n, spontaneous.samples());
    }

    /** @return the experiment's network: its memories and random part drawn from the config's seed. */
    public static RateNetwork network(FlrConfig cfg) {
        return RateNetwork.build(cfg.network(), Seeds.derive(cfg.seed(), 0));
    }

    /** @return the moments of the experiment's spontaneous activity (no input, no learning). */
    public static Moments spontaneous(FlrConfig cfg, RateNetwork network, Sampling.GroupRunner runner) {
        return Sampling.moments(network, cfg.simulation(), null, Seeds.derive(cfg.seed(), 1), runner);
    }

    /** @return the experiment's tasks for {@code network}, drawn from the config's seed. */
    public static List<List<IoMappingTask>> tasks(FlrConfig cfg, RateNetwork network) {
        long seed = cfg.seed();
        Memories alignTo = cfg.task().alignment() == TaskConfig.Alignment.RANDOM
                ? Memories.random(network.n(), 0, Seeds.stream(seed, 6)) : network.memories();
        return tasks(cfg.task(), alignTo, Seeds.derive(seed, 2));
    }

    /**
     * The experiment's tasks, each as the transitions learned together: one for io-mapping and auto-associative
     * tasks, the K transitions of a cyclic sequence for time-series.
     */
    public static List<List<IoMappingTask>> tasks(TaskConfig task, Memories alignTo, long seed) {
        return TaskTypes.byName(task.type()).tasks(task, alignTo, seed);
    }

    /** One single-transition task: see {@link #runTask(FlrConfig, RateNetwork, Moments, LearningRule, List)}. */
    public static TaskResult runTask(FlrConfig cfg, RateNetwork network, Moments spontaneous, LearningRule rule,
                                     IoMappingTask task) {
        return runTask(cfg, network, spontaneous, rule, List.of(task));
    }

    /**
     * One task of K transitions learned together (K = 1 except for time-series): evoked statistics per cue, the
     * mean update {@code <F> = (1/K) sum_k <F_k>}, the predictions and the measured speed of the mean overlap.
     * <pre>
     *   FLR1: v = (kappa / N^2) (1/K) sum_k xi_k^T C &lt;F&gt; xbar_k
     *   FLR2: v = (1/K^2) sum_k FLR2(xi_k, eta_k)          (the diagonal terms j = k of FLR1 with Hebbian &lt;F&gt;)
     * </pre>
     * Learning time is measured for single transitions only (NaN otherwise).
     */
    public static TaskResult runTask(FlrConfig cfg, RateNetwork network, Moments spontaneous, LearningRule rule,
                                     List<IoMappingTask> transitions) {
        List<Moments> evoked = Sampling.moments(network, cfg.simulation(), evokedInputs(cfg.seed(), transitions),
                Sampling.GroupRunner.SEQUENTIAL);
        return finishTask(cfg, network, spontaneous, rule, transitions, evoked);
    }

    /** A task's evoked runs, one per transition: its input field and seed. */
    private static List<Sampling.Input> evokedInputs(long seed, List<IoMappingTask> transitions) {
        long[] seeds = evokedSeeds(seed, transitions);
        List<Sampling.Input> inputs = new ArrayList<>();
        for (int j = 0; j < seeds.length; j++) {
            inputs.add(new Sampling.Input(transitions.get(j).field(), seeds[j]));
        }
        return inputs;
    }

    /** The seeds of a task's evoked runs, one per transition: what its quasi-static measurement reuses. */
    private static long[] evokedSeeds(long seed, List<IoMappingTask> transitions) {
        long[] seeds = new long[transitions.size()];
        for (int j = 0; j < seeds.length; j++) {
            IoMappingTask t = transitions.get(j);
            seeds[j] = j == 0 ? Seeds.derive(seed, 3, t.index()) : Seeds.derive(seed, 3, t.index(), j);
        }
        return seeds;
    }

    /**
     * How many tasks' evoked moments are held at once: all of them when the heap allows (one batch for every task),
     * fewer at large N. Results do not depend on it.
     */
    private static int wave(FlrConfig cfg, int threads) {
        int count = cfg.task().count();
        int inFlight = Math.min(Math.max(1, threads), count);
        double n = cfg.network().n();
        double g = Math.min(cfg.simulation().trials(), Sampling.MAX_GROUPS);
        // accumulators while simulating (G sums of N x N, and their buffers), then the moments kept (G + 2 N x N)
        double perTask = 8 * n * n * (2 * g + 2) * FlrValidator.transitions(cfg);
        double spare = Runtime.getRuntime().maxMemory() / 2.0 - Preflight.estimate(cfg, threads).bytes();
        double extra = Math.max(0, Math.floor(spare / perTask));
        return (int) Math.min(count, inFlight + extra);
    }

    /** The rest of a task once its evoked moments are known: mean update, predictions, measured speed and time. */
    private static TaskResult finishTask(FlrConfig cfg, RateNetwork network, Moments spontaneous, LearningRule rule,
                                         List<IoMappingTask> transitions, List<Moments> evoked) {
        int n = network.n();
        long seed = cfg.seed();
        int k = transitions.size();
        IoMappingTask first = transitions.get(0);
        long[] seeds = evokedSeeds(seed, transitions);
        double[] meanUpdate = new double[n * n];
        for (int j = 0; j < k; j++) {
            double[] f = MeanUpdates.of(network, cfg.simulation(), transitions.get(j), rule, evoked.get(j), seeds[j])
                    .mean();
            for (int i = 0; i < f.length; i++) {
                meanUpdate[i] += f[i] / k;
            }
        }
        double[] c = spontaneous.covariance();
        double kappa = network.kappa();
        double flr1 = 0;
        double flr2 = 0;
        double flr2v = 0;
        double varXi = 0;
        double varEta = 0;
        double response = 0;
        double overlap = 0;
        for (int j = 0; j < k; j++) {
            IoMappingTask t = transitions.get(j);
            double[] mean = evoked.get(j).mean();
            flr1 += Flr.flr1(kappa, t.xi(), c, meanUpdate, mean) / k;
            flr2 += Flr.flr2(kappa, t.gamma(), t.xi(), t.eta(), c) / ((double) k * k);
            flr2v += Flr.flr2Variance(kappa, t.gamma(), t.xi(), t.eta(), c) / ((double) k * k);
            varXi += spontaneous.varianceAlong(t.xi()) / k;
            varEta += spontaneous.varianceAlong(t.eta()) / k;
            for (double v : mean) {
                response += v * v / n / k;
            }
            overlap += t.overlap(mean) / k;
        }
        // Only the configured method runs: each draws from its own seeded streams, so skipping the other changes
        // no number.
        SpeedMeasurement measured = cfg.speed().method() == SpeedConfig.Method.CONCURRENT
                ? ConcurrentSpeed.measure(network, first, rule, cfg.speed().epsilon(), cfg.simulation().burnIn(),
                        cfg.speed().window(), cfg.speed().learners(), Seeds.derive(seed, 5, first.index()))
                : QuasiStaticSpeed.measure(network, cfg.simulation(), transitions, evoked, meanUpdate, seeds,
                        cfg.speed().perturbation());
        LearningTime time = cfg.learning().enabled() && k == 1
                ? LearningTime.measure(network, first, rule, cfg.learning(), cfg.simulation().burnIn(),
                        Seeds.derive(seed, 4, first.index()))
                : new LearningTime(Double.NaN, Double.NaN);
        return new TaskResult(first.index(), first.alignXi(), first.alignEta(), varXi, varEta, response, overlap,
                new FlrPrediction(flr1, flr2, flr2v), measured, time);
    }

    /** Runs {@code jobs} on {@code pool} and waits for all of them; a job's exception is rethrown. */
    public static void invokeAll(ExecutorService pool, List<Runnable> jobs) {
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
