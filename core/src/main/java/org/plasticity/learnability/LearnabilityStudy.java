package org.plasticity.learnability;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.plasticity.ConfigException;
import org.plasticity.DataException;
import org.plasticity.numeric.Seeds;

/**
 * Learnability from a recording (docs/learnability.md): estimate the covariance C of the recorded activity, score
 * each target/input pair by both forms of FLR2 ({@link PairScores}), and put a percentile interval on every score by
 * the moving-block bootstrap ({@link BlockBootstrap}): each resample is centred by its own mean, the covariance is
 * estimated again with the same estimator, and the pairs are scored again. Resample b draws its blocks from its own
 * stream {@code Seeds.stream(seed, b)}, so the intervals do not depend on the thread count.
 */
public final class LearnabilityStudy {
    /** Bootstrap resamples when not given. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** Coverage of the intervals when not given. */
    public static final double DEFAULT_LEVEL = 0.95;
    /** Fewest resamples that still put order statistics beyond the 2.5 % tails. */
    public static final int MIN_RESAMPLES = 40;

    private LearnabilityStudy() {}

    /**
     * How to score.
     *
     * @param resamples bootstrap resamples; 0 for no intervals
     * @param block block length in samples, or null for {@link BlockBootstrap#defaultBlock}
     * @param level coverage of the intervals, in (0, 1)
     * @param seed the bootstrap's seed
     * @param normalise rescale every direction to length sqrt(N) before scoring
     */
    public record Options(int resamples, Integer block, double level, long seed, boolean normalise) {
        /** @throws ConfigException naming the option at fault */
        public Options {
            ConfigException.require(resamples == 0 || resamples >= MIN_RESAMPLES && resamples <= 1_000_000,
                    "--bootstrap", "must be 0 (no intervals) or in " + MIN_RESAMPLES + "..1000000, got " + resamples);
            ConfigException.require(block == null || block >= 1, "--block", "must be at least 1 sample, got " + block);
            ConfigException.require(level > 0 && level < 1, "--level", "must be in (0, 1), got " + level);
        }

        /** @return the defaults: 1000 resamples, automatic block, 95 %, the given seed, directions as given. */
        public static Options defaults(long seed) {
            return new Options(DEFAULT_RESAMPLES, null, DEFAULT_LEVEL, seed, false);
        }
    }

    /** Told when a unit of work (the full estimate, one resample) finishes; called from worker threads. */
    @FunctionalInterface
    public interface Progress {
        /** @param done units finished so far, of {@code total} */
        void progress(long done, long total);

        /** Ignores progress. */
        Progress NONE = (done, total) -> { };
    }

    /**
     * Refuses what cannot be scored, before any work: a recording too small for the estimator, a block longer than
     * the recording, inputs that do not pair with the targets.
     *
     * @param inputs null for none
     */
    public static void check(Recording r, CovarianceEstimator estimator, Directions targets, Directions inputs,
                             Options o) {
        estimator.check(r.samples(), r.neurons(), r.source());
        if (targets.neurons() != r.neurons() || inputs != null && inputs.neurons() != r.neurons()) {
            throw new IllegalArgumentException("directions of another length than the recording's neurons");
        }
        if (inputs != null && inputs.count() != targets.count() && inputs.count() != 1 && targets.count() != 1) {
            throw new DataException(inputs.source(), "holds " + inputs.count() + " inputs but " + targets.source()
                    + " holds " + targets.count() + " targets: give as many (row k pairs with row k), or one to pair"
                    + " with each");
        }
        ConfigException.require(o.block() == null || o.block() <= r.samples(), "--block", "is " + o.block()
                + " samples, longer than the recording (" + r.samples() + " samples)");
    }

    /**
     * Scores every pair and bootstraps the intervals.
     *
     * @param inputs null to score the targets' variance alone
     * @param threads worker threads for the resamples (the results do not depend on it)
     */
    public static LearnabilityResult run(Recording r, CovarianceEstimator estimator, Directions targets,
                                         Directions inputs, Options o, int threads, Progress progress) {
        check(r, estimator, targets, inputs, o);
        Directions t = o.normalise() ? targets.normalised() : targets;
        Directions in = inputs == null ? null : o.normalise() ? inputs.normalised() : inputs;
        int pairs = in == null ? t.count() : Math.max(t.count(), in.count());
        double[] xi = t.expanded(pairs);
        double[] eta = in == null ? null : in.expanded(pairs);
        int n = r.samples();
        int neurons = r.neurons();
        long total = 1L + o.resamples();
        progress.progress(0, total);
        double[] centred = r.centred();
        CovarianceEstimator.Estimate full = estimator.estimate(centred, n, neurons);
        PairScores estimate = PairScores.compute(full.covariance(), neurons, xi, eta, pairs);
        AtomicLong done = new AtomicLong(1);
        progress.progress(1, total);
        double tau = BlockBootstrap.autocorrelationTime(centred, n, neurons);
        int block = o.block() != null ? o.block() : BlockBootstrap.defaultBlock(n, tau);

        // replicates[score][b * pairs + k]; a resample whose scores are not all finite is dropped as a whole
        double[][] replicates = new double[PairScores.COUNT][o.resamples() * pairs];
        boolean[] bad = new boolean[o.resamples()];
        Workers.forEach(o.resamples(), threads, "plasticity-bootstrap", b -> {
            int[] idx = BlockBootstrap.resample(n, block, Seeds.stream(o.seed(), b));
            PairScores s;
            try {
                double[] c = estimator.estimate(r.centredRows(idx), n, neurons).covariance();
                s = PairScores.compute(c, neurons, xi, eta, pairs);
            } catch (ArithmeticException e) {
                bad[b] = true; // an eigen-decomposition that did not converge on a degenerate resample
                progress.progress(done.incrementAndGet(), total);
                return;
            }
            for (int j = 0; j < PairScores.COUNT; j++) {
                double[] v = s.get(j);
                System.arraycopy(v, 0, replicates[j], b * pairs, pairs);
                boolean defined = in != null || j == 2;
                for (int k = 0; k < pairs && defined; k++) {
                    bad[b] |= !Double.isFinite(v[k]);
                }
            }
            progress.progress(done.incrementAndGet(), total);
        });
        int dropped = 0;
        for (boolean x : bad) {
            dropped += x ? 1 : 0;
        }
        PairScores low = emptyScores(pairs);
        PairScores high = emptyScores(pairs);
        if (o.resamples() > 0) {
            double[] column = new double[o.resamples() - dropped];
            for (int j = 0; j < PairScores.COUNT; j++) {
                if (in == null && j != 2) {
                    continue;
                }
                for (int k = 0; k < pairs; k++) {
                    int m = 0;
                    for (int b = 0; b < o.resamples(); b++) {
                        if (!bad[b]) {
                            column[m++] = replicates[j][b * pairs + k];
                        }
                    }
                    double[] ci = BlockBootstrap.percentile(column, o.level());
                    low.get(j)[k] = ci[0];
                    high.get(j)[k] = ci[1];
                }
            }
        }
        return new LearnabilityResult(estimator.name(), full.details(), n, neurons, in != null, estimate, low, high,
                o.resamples(), dropped, block, o.block() == null, tau, o.level(), o.seed(), o.normalise(),
                ranking(in != null ? estimate.flr2() : estimate.targetVariance()));
    }

    /** @return pair indices by score, highest first; ties in index order. */
    static int[] ranking(double[] score) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private static PairScores emptyScores(int pairs) {
        double[][] a = new double[PairScores.COUNT][pairs];
        for (double[] x : a) {
            Arrays.fill(x, Double.NaN);
        }
        return new PairScores(a[2], a[3], a[0], a[1]);
    }

}
