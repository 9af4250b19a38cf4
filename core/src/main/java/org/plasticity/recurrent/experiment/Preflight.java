package org.plasticity.recurrent.experiment;

import java.util.Locale;
import org.plasticity.ConfigException;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.config.SpeedConfig;
import org.plasticity.recurrent.fluctuations.Sampling;

/**
 * Memory and time an FLR experiment will need, estimated from its sizes before anything is allocated, so that a
 * run too large for this JVM (or for any reasonable wait) is refused at once with the key to change, rather than
 * failing with OutOfMemoryError after minutes of work. The estimates count the large arrays and the matrix products;
 * they are meant to be within a small factor, not exact.
 */
public final class Preflight {
    /** Largest length of a Java array (a little below {@code Integer.MAX_VALUE} on common JVMs). */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** An optimistic rate of one worker (flops per second): the time estimate errs on the short side. */
    static final double FLOPS_PER_THREAD = 1e10;
    /** Longest estimated run accepted: beyond this a size is almost surely a typo. */
    static final double MAX_SECONDS = 30 * 24 * 3600.0;

    /**
     * What a run needs.
     *
     * @param bytes   estimated peak heap
     * @param seconds estimated wall time at an optimistic rate
     */
    public record Estimate(double bytes, double seconds) {}

    private Preflight() {}

    /** @return the estimate for {@code cfg} on {@code threads} workers. */
    public static Estimate estimate(FlrConfig cfg, int threads) {
        return new Estimate(memory(cfg, threads).total(), seconds(cfg, threads));
    }

    /**
     * Refuses a run that cannot fit in this JVM's heap, whose arrays exceed Java's array length, or that would take
     * longer than {@link #MAX_SECONDS}.
     *
     * @throws ConfigException naming the key whose size dominates
     */
    public static Estimate check(FlrConfig cfg, int threads) {
        return check(cfg, threads, Runtime.getRuntime().maxMemory());
    }

    /** {@link #check(FlrConfig, int)} against a given heap limit (for tests). */
    static Estimate check(FlrConfig cfg, int threads, long maxHeap) {
        Memory m = memory(cfg, threads);
        if (m.total() > maxHeap) {
            String key = m.dominantKey();
            throw new ConfigException(key, value(cfg, key) + String.format(Locale.ROOT,
                    " needs about %.2g bytes of memory (this JVM may use %s; more with -Xmx in PLASTICITY_JAVA_OPTS)",
                    m.total(), gib(maxHeap)));
        }
        long n = cfg.network().n();
        if (n * n > MAX_ARRAY) {
            throw new ConfigException("network.n", "must be at most " + (long) Math.sqrt(MAX_ARRAY)
                    + " (the N x N coupling is one Java array), got " + n);
        }
        if (groupTrials(cfg) * n > MAX_ARRAY) {
            throw new ConfigException("simulation.trials", cfg.simulation().trials() + " trials of "
                    + n + " units exceed one Java array per trial group");
        }
        double seconds = seconds(cfg, threads);
        if (seconds > MAX_SECONDS) {
            String key = slowestKey(cfg);
            throw new ConfigException(key, value(cfg, key) + String.format(Locale.ROOT,
                    " makes this run take about %.2g days even at %.0g flop/s per thread; reduce it",
                    seconds / 86400, FLOPS_PER_THREAD));
        }
        return new Estimate(m.total(), seconds);
    }

    /** Peak heap in doubles, by the size that drives each part. */
    private record Memory(double byN, double byTrials, double byCount, double byLearners, String learnersKey) {
        double total() {
            return 8 * (byN + byTrials + byCount + byLearners);
        }

        String dominantKey() {
            double max = Math.max(Math.max(byN, byTrials), Math.max(byCount, byLearners));
            return max == byN ? "network.n" : max == byTrials ? "simulation.trials"
                    : max == byCount ? "task.count" : learnersKey;
        }
    }

    private static Memory memory(FlrConfig cfg, int threads) {
        double n = cfg.network().n();
        double g = Math.min(cfg.simulation().trials(), Sampling.MAX_GROUPS);
        int k = FlrValidator.transitions(cfg);
        double inFlight = Math.min(Math.max(1, threads), cfg.task().count());
        // J and its copies, the spontaneous accumulators (one N x N sum per group), its moments (group covariances,
        // covariance, second moment) and eigen work; per task in flight: K evoked moments, one sampling's
        // accumulators, the mean update, the rule's update, the perturbed and the learners' couplings.
        double byN = n * n * (1 + 2 * g + 5 + inFlight * (k * (g + 2) + g + 6));
        // State, products, noise, snapshot and trial sums of each trial group being simulated; trial means.
        double groupsAtOnce = Math.max(Math.min(Math.max(1, threads), g), inFlight);
        double byTrials = n * (groupsAtOnce * 5 * groupTrials(cfg) + (1 + inFlight * k) * cfg.simulation().trials());
        // Each task's patterns, fields and results.
        double byCount = (double) cfg.task().count() * k * (4 * n + 32);
        // Overlap traces of every learner of a task in flight.
        double dt = cfg.network().dt();
        double learning = !cfg.learning().enabled() ? 0
                : (double) cfg.learning().trials() * SimulationConfig.steps(cfg.learning().maxTime(), dt);
        double concurrent = cfg.speed().method() != SpeedConfig.Method.CONCURRENT ? 0
                : 2.0 * cfg.speed().learners() * SimulationConfig.steps(cfg.speed().window(), dt);
        return new Memory(byN, byTrials, byCount, inFlight * Math.max(learning, concurrent),
                concurrent > learning ? "speed.learners" : "learning.trials");
    }

    private static double seconds(FlrConfig cfg, int threads) {
        double n = cfg.network().n();
        double dt = cfg.network().dt();
        double burn = SimulationConfig.steps(cfg.simulation().burnIn(), dt);
        double sim = burn + SimulationConfig.steps(cfg.simulation().duration(), dt);
        int k = FlrValidator.transitions(cfg);
        double count = cfg.task().count();
        // One GEMM of the trial batch per step: spontaneous, then per transition evoked and perturbed.
        double flops = 2 * n * n * cfg.simulation().trials() * sim * (1 + 2.0 * k * count);
        // Learners: a matrix-vector product and a rank-one update per step.
        if (cfg.learning().enabled() && k == 1) {
            flops += 4 * n * n * count * cfg.learning().trials()
                    * (burn + SimulationConfig.steps(cfg.learning().maxTime(), dt));
        }
        if (cfg.speed().method() == SpeedConfig.Method.CONCURRENT) {
            flops += 8 * n * n * count * cfg.speed().learners()
                    * (burn + SimulationConfig.steps(cfg.speed().window(), dt));
        }
        return flops / (FLOPS_PER_THREAD * Math.max(1, Math.min(threads, cfg.task().count())));
    }

    /** The size furthest above its default: the one to reduce. */
    private static String slowestKey(FlrConfig cfg) {
        FlrConfig d = FlrConfig.defaults();
        String[] keys = {"network.n", "simulation.trials", "simulation.duration", "simulation.burn_in", "task.count"};
        double[] ratios = {
            Math.pow((double) cfg.network().n() / d.network().n(), 2),
            (double) cfg.simulation().trials() / d.simulation().trials(),
            cfg.simulation().duration() / cfg.network().dt() / (d.simulation().duration() / d.network().dt()),
            cfg.simulation().burnIn() / cfg.network().dt() / (d.simulation().burnIn() / d.network().dt()),
            (double) cfg.task().count() / d.task().count()};
        int worst = 0;
        for (int i = 1; i < keys.length; i++) {
            if (ratios[i] > ratios[worst]) {
                worst = i;
            }
        }
        return keys[worst];
    }

    private static String value(FlrConfig cfg, String key) {
        return switch (key) {
            case "network.n" -> "" + cfg.network().n();
            case "simulation.trials" -> "" + cfg.simulation().trials();
            case "simulation.duration" -> "" + cfg.simulation().duration();
            case "simulation.burn_in" -> "" + cfg.simulation().burnIn();
            case "task.count" -> "" + cfg.task().count();
            case "speed.learners" -> "" + cfg.speed().learners();
            default -> "" + cfg.learning().trials();
        };
    }

    private static long groupTrials(FlrConfig cfg) {
        int trials = cfg.simulation().trials();
        int g = Math.min(trials, Sampling.MAX_GROUPS);
        return (trials + g - 1) / g;
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
