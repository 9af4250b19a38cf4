package org.plasticity.learnability.observability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.plasticity.ConfigException;
import org.plasticity.learnability.BlockBootstrap;
import org.plasticity.learnability.CovarianceEstimator;
import org.plasticity.learnability.PairScores;
import org.plasticity.learnability.Recording;
import org.plasticity.learnability.Workers;
import org.plasticity.numeric.Seeds;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.dynamics.Simulator;
import org.plasticity.recurrent.experiment.FlrExperiment;
import org.plasticity.recurrent.experiment.FlrResult;
import org.plasticity.recurrent.experiment.ProgressListener;
import org.plasticity.recurrent.experiment.Regime;
import org.plasticity.recurrent.experiment.TaskResult;
import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.recurrent.task.IoMappingTask;
import org.plasticity.stats.Agreement;

/**
 * How well learnability's FLR2 from a recording ranks the learning speeds of a network when only K of its N units
 * are recorded for n samples (docs/learnability.md#observability). Once: the flr experiment of the config (its
 * measured speeds, and its own FLR2 from the full spontaneous covariance). Then for each repeat r: one spontaneous
 * run of the same network (no input, no learning; its own seed) of the longest n samples, sampled as the experiment
 * samples, and one random order of the N units; for every K and n, the recording of the first K units of that order
 * over the first n samples is scored by {@link PairScores} with the tasks' targets and inputs restricted to those
 * units, and the Spearman correlation with the measured speeds is kept. Subsets are nested in K and recordings in n
 * within a repeat, so a table row or column compares like with like; repeats are independent.
 *
 * <p>Repeat r draws its recording from {@code Seeds.stream(Seeds.derive(seed, RECORDING_TAG), r)} (the simulator's
 * trial r) and its order of units from {@code Seeds.stream(seed, SUBSET_TAG, r)}, so the result does not depend on
 * the thread count.
 */
public final class Observability {
    /** Seed tag of the recordings; the experiment uses tags 0 to 6. */
    public static final long RECORDING_TAG = 100;
    /** Seed tag of the unit orders. */
    public static final long SUBSET_TAG = 101;
    /** The most values one recording may hold (samples x units), 160 MB of doubles per worker. */
    public static final long MAX_VALUES = 20_000_000L;

    private Observability() {}

    /**
     * What to measure.
     *
     * @param neurons observed-unit counts K, each in 2..N, distinct
     * @param samples recording lengths n in samples, each at least 2, distinct
     * @param repeats independent recordings (and unit orders), at least 2 for a spread
     * @param estimator the covariance estimator of learnability
     */
    public record Options(int[] neurons, int[] samples, int repeats, CovarianceEstimator estimator) {
        /** Sorts the counts ascending; the checks against N are {@link #check}'s. */
        public Options {
            neurons = neurons.clone();
            samples = samples.clone();
            Arrays.sort(neurons);
            Arrays.sort(samples);
        }
    }

    /** Defaults for the observed-unit counts: 5, 10, 25, 50 and 100 % of N (at least 2, distinct). */
    public static int[] defaultNeurons(int n) {
        return Arrays.stream(new double[] {0.05, 0.1, 0.25, 0.5, 1.0})
                .mapToInt(f -> Math.max(2, (int) Math.round(f * n))).filter(k -> k <= n).distinct().toArray();
    }

    /**
     * Refuses impossible options before any work: K outside 2..N, fewer than 2 samples, repeated values, fewer than
     * 2 repeats, a recording too large to hold, or one the estimator cannot take.
     *
     * @throws ConfigException naming the option at fault
     */
    public static void check(FlrConfig cfg, Options o) {
        int n = cfg.network().n();
        ConfigException.require(o.neurons().length > 0, "--neurons", "is empty: give at least one count");
        ConfigException.require(o.samples().length > 0, "--samples", "is empty: give at least one length");
        for (int k : o.neurons()) {
            ConfigException.require(k >= 2 && k <= n, "--neurons", "must each be between 2 (a rank needs a "
                    + "covariance of at least 2 units) and the network's " + n + " units, got " + k);
        }
        for (int s : o.samples()) {
            ConfigException.require(s >= 2, "--samples", "must each be at least 2 (a covariance needs 2 samples), got "
                    + s);
        }
        ConfigException.require(Arrays.stream(o.neurons()).distinct().count() == o.neurons().length, "--neurons",
                "holds a value twice: " + Arrays.toString(o.neurons()));
        ConfigException.require(Arrays.stream(o.samples()).distinct().count() == o.samples().length, "--samples",
                "holds a value twice: " + Arrays.toString(o.samples()));
        ConfigException.require(o.repeats() >= 2 && o.repeats() <= 100_000, "--repeats",
                "must be in 2..100000 (a spread needs 2), got " + o.repeats());
        int longest = o.samples()[o.samples().length - 1];
        ConfigException.require((long) longest * n <= MAX_VALUES, "--samples", "the longest recording, " + longest
                + " samples x " + n + " units, holds more than " + MAX_VALUES + " values");
        ConfigException.require(cfg.task().count() >= 3, "task.count", "must be at least 3 for a rank correlation,"
                + " got " + cfg.task().count());
        for (int k : o.neurons()) {
            o.estimator().check(o.samples()[0], k, "a recording of " + o.samples()[0] + " samples");
        }
    }

    /**
     * Runs the experiment (without learning time, which this analysis does not use; the speeds do not change), then
     * the repeats.
     *
     * @param threads workers for the experiment and the repeats (the result does not depend on it)
     * @param progress told of the experiment's units (spontaneous run and tasks), then of each repeat
     */
    public static ObservabilityResult run(FlrConfig config, Options o, int threads, ProgressListener progress) {
        FlrConfig cfg = config.withLearning(config.learning().withEnabled(false));
        check(cfg, o);
        long experimentUnits = 1L + cfg.task().count();
        long total = experimentUnits + o.repeats();
        progress.progress(0, total);
        FlrResult exp = FlrExperiment.run(cfg, threads, new ProgressListener() {
            @Override
            public void progress(long done, long ignored) {
                progress.progress(Math.min(done, experimentUnits), total);
            }

            @Override
            public void regime(FlrConfig c, Regime regime) {
                progress.regime(c, regime);
            }
        });
        RateNetwork network = FlrExperiment.network(cfg);
        Pairs pairs = Pairs.of(FlrExperiment.tasks(cfg, network), network.n());
        int tasks = exp.tasks().size();
        double[] measured = new double[tasks];
        double[] flr2 = new double[tasks];
        double[] flr2v = new double[tasks];
        for (int t = 0; t < tasks; t++) {
            TaskResult r = exp.tasks().get(t);
            measured[t] = r.measured().speed();
            flr2[t] = r.predicted().flr2();
            flr2v[t] = r.predicted().flr2Variance();
        }
        int kc = o.neurons().length;
        int sc = o.samples().length;
        double[][][] rho = new double[kc][sc][o.repeats()];
        double[][][] rhoV = new double[kc][sc][o.repeats()];
        double[][][] rhoE = new double[kc][sc][o.repeats()];
        double[] tau = new double[o.repeats()];
        AtomicLong done = new AtomicLong(experimentUnits);
        Workers.forEach(o.repeats(), threads, "plasticity-observability", r -> {
            double[] rec = record(cfg, network, o.samples()[sc - 1], r);
            int n = network.n();
            int longest = o.samples()[sc - 1];
            tau[r] = BlockBootstrap.autocorrelationTime(Recording.of("simulated recording", longest, n, rec)
                    .centred(), longest, n);
            int[] order = order(n, Seeds.stream(cfg.seed(), SUBSET_TAG, r));
            for (int k = 0; k < kc; k++) {
                int[] units = Arrays.copyOf(order, o.neurons()[k]);
                for (int s = 0; s < sc; s++) {
                    double[][] score = pairs.score(rec, n, units, o.samples()[s], o.estimator());
                    rho[k][s][r] = Agreement.spearman(score[0], measured);
                    rhoV[k][s][r] = Agreement.spearman(score[1], measured);
                    rhoE[k][s][r] = Agreement.spearman(score[0], flr2);
                }
            }
            progress.progress(done.incrementAndGet(), total);
        });
        double interval = cfg.simulation().sampleEvery() * cfg.network().dt();
        return new ObservabilityResult(cfg, network.n(), o.neurons(), o.samples(), o.repeats(), o.estimator().name(),
                interval, tau, measured, flr2, Agreement.spearman(flr2, measured),
                Agreement.spearman(flr2v, measured), rho, rhoV, rhoE);
    }

    /**
     * Repeat r's recording: trial r of one spontaneous run of {@code samples} samples after the experiment's burn-in,
     * sampled every {@code sample_every} steps, as {@code samples x N} row-major.
     */
    static double[] record(FlrConfig cfg, RateNetwork network, int samples, int r) {
        int n = network.n();
        SimulationConfig sim = cfg.simulation();
        int every = sim.sampleEvery();
        SimulationConfig one = sim.withDuration((double) samples * every * network.config().dt());
        double[] values = new double[samples * n];
        int[] next = new int[1];
        new Simulator(network, one).run(null, Seeds.derive(cfg.seed(), RECORDING_TAG), r, 1,
                (first, trials, units, states) -> {
                    if (next[0] < samples) {
                        System.arraycopy(states, 0, values, next[0]++ * n, n);
                    }
                });
        if (next[0] != samples) {
            throw new IllegalStateException("recorded " + next[0] + " samples, wanted " + samples);
        }
        return values;
    }

    /** @return a uniformly random order of 0..n-1 (Fisher-Yates). */
    static int[] order(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * The tasks' transitions as target/input pairs, and how a task's FLR2 gathers them: as the experiment does,
     * {@code (1/m^2) sum_j FLR2(xi_j, eta_j)} over a task's m transitions (m = 1 except for time-series).
     */
    record Pairs(int[] taskOf, int[] transitions, double[] xi, double[] eta, int tasks) {
        static Pairs of(List<List<IoMappingTask>> tasks, int n) {
            List<IoMappingTask> flat = new ArrayList<>();
            List<Integer> owner = new ArrayList<>();
            int[] m = new int[tasks.size()];
            for (int t = 0; t < tasks.size(); t++) {
                m[t] = tasks.get(t).size();
                for (IoMappingTask x : tasks.get(t)) {
                    flat.add(x);
                    owner.add(t);
                }
            }
            double[] xi = new double[flat.size() * n];
            double[] eta = new double[flat.size() * n];
            for (int p = 0; p < flat.size(); p++) {
                System.arraycopy(flat.get(p).xi(), 0, xi, p * n, n);
                System.arraycopy(flat.get(p).eta(), 0, eta, p * n, n);
            }
            return new Pairs(owner.stream().mapToInt(Integer::intValue).toArray(), m, xi, eta, tasks.size());
        }

        /**
         * @param rec the full recording, {@code longest x n}
         * @return per task, {@code [0]} FLR2 and {@code [1]} its variance form from the first {@code samples}
         *     samples of {@code units}, the directions restricted to them
         */
        double[][] score(double[] rec, int n, int[] units, int samples, CovarianceEstimator estimator) {
            int k = units.length;
            double[] sub = new double[samples * k];
            for (int t = 0; t < samples; t++) {
                for (int i = 0; i < k; i++) {
                    sub[t * k + i] = rec[t * n + units[i]];
                }
            }
            double[] c = estimator.estimate(Recording.of("simulated recording", samples, k, sub).centred(), samples,
                    k).covariance();
            int count = taskOf.length;
            double[] x = new double[count * k];
            double[] e = new double[count * k];
            for (int p = 0; p < count; p++) {
                for (int i = 0; i < k; i++) {
                    x[p * k + i] = xi[p * n + units[i]];
                    e[p * k + i] = eta[p * n + units[i]];
                }
            }
            PairScores ps = PairScores.compute(c, k, x, e, count);
            double[][] out = new double[2][tasks];
            for (int p = 0; p < count; p++) {
                double m2 = (double) transitions[taskOf[p]] * transitions[taskOf[p]];
                out[0][taskOf[p]] += ps.flr2()[p] / m2;
                out[1][taskOf[p]] += ps.flr2VarianceForm()[p] / m2;
            }
            return out;
        }
    }

}
