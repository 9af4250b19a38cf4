package org.plasticity.learnability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.plasticity.ConfigException;
import org.plasticity.numeric.Seeds;

/**
 * The BCI analysis of docs/learnability.md#bci: from the intuitive block's activity outside freeze periods, the
 * target variance {@code tr(W C W^T) / N} of every decoder's readout W (the intuitive one, the session's perturbed one,
 * and families of within- and outside-manifold perturbations, {@link BciDecoders}) under the sample, Ledoit-Wolf and
 * factor-analysis covariances with moving-block bootstrap intervals; how well each score separates the families; and
 * what the perturbed block shows, in windows of trials.
 */
public final class BciStudy {
    /** Perturbations of each family when not given. */
    public static final int DEFAULT_PER_FAMILY = 50;
    /** Windows of the perturbed block's learning curve when not given. */
    public static final int DEFAULT_WINDOWS = 8;

    private BciStudy() {}

    /**
     * How to run.
     *
     * @param perFamily within- and outside-manifold perturbations drawn of each family
     * @param windows windows of consecutive trials the perturbed block is cut into
     * @param scoring resamples, block, level and seed, as for {@link LearnabilityStudy}; the seed also draws the
     *     permutations
     */
    public record Options(int perFamily, int windows, LearnabilityStudy.Options scoring) {
        /** @throws ConfigException naming the option at fault */
        public Options {
            ConfigException.require(perFamily >= 2 && perFamily <= 10_000, "--perturbations",
                    "must be in 2..10000, got " + perFamily);
            ConfigException.require(windows >= 2 && windows <= 1000, "--windows", "must be in 2..1000, got " + windows);
        }
    }

    /** @return the estimators scored: sample, Ledoit-Wolf, and factor analysis with the session's factors. */
    public static List<CovarianceEstimator> estimators(BciSession s) {
        return List.of(new SampleCovariance(), new LedoitWolf(), new FactorAnalysis(s.factors()));
    }

    /** Refuses, before any work, what cannot be run on {@code s}. */
    public static Recording check(BciSession s, Options o) {
        Recording r = activity(s);
        for (CovarianceEstimator e : estimators(s)) {
            e.check(r.samples(), r.neurons(), r.source());
        }
        ConfigException.require(o.scoring().block() == null || o.scoring().block() <= r.samples(), "--block", "is "
                + o.scoring().block() + " samples, longer than the intuitive block's activity (" + r.samples() + ")");
        ConfigException.require(s.perturbed().trialStarts().length >= o.windows(), "--windows", "is " + o.windows()
                + " but the perturbed block holds " + s.perturbed().trialStarts().length + " trials");
        return r;
    }

    /** @return the intuitive block's counts outside freeze periods, as a recording (constant units refused). */
    static Recording activity(BciSession s) {
        BciSession.Block b = s.intuitive();
        int[] rows = b.activeIndices();
        int n = s.units();
        double[] x = new double[rows.length * n];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(b.spikes(), rows[r] * n, x, r * n, n);
        }
        return Recording.of(s.source() + " (D.blocks(1).spikes outside freeze periods)", rows.length, n, x);
    }

    /** @return the decoders in output order: intuitive, perturbed, within 0.., outside 0... */
    static List<BciResult.Decoder> decoders(BciSession s, BciDecoders d, int perFamily, long seed) {
        List<BciResult.Decoder> out = new ArrayList<>();
        out.add(decoder("intuitive", 0, null, s.intuitive().m2(), d));
        out.add(decoder("perturbed", 0, d.factorPermutation(), s.perturbed().m2(), d));
        List<int[]> within = BciDecoders.permutations(s.factors(), perFamily, seed, 1);
        for (int k = 0; k < perFamily; k++) {
            out.add(decoder("within", k, within.get(k), d.withinManifold(within.get(k)), d));
        }
        List<int[]> outside = BciDecoders.permutations(s.units(), perFamily, seed, 2);
        for (int k = 0; k < perFamily; k++) {
            out.add(decoder("outside", k, outside.get(k), d.outsideManifold(outside.get(k)), d));
        }
        return out;
    }

    private static BciResult.Decoder decoder(String family, int index, int[] perm, double[] w, BciDecoders d) {
        double sq = 0;
        for (double v : w) {
            sq += v * v;
        }
        return new BciResult.Decoder(family, index, perm, w, Math.sqrt(sq), d.outsideFraction(w));
    }

    /** Runs the analysis; {@code progress} counts the full estimate and each resample. */
    public static BciResult run(BciSession s, Options o, int threads, LearnabilityStudy.Progress progress) {
        Recording rec = check(s, o);
        LearnabilityStudy.Options so = o.scoring();
        BciDecoders built = new BciDecoders(s);
        List<BciResult.Decoder> decs = decoders(s, built, o.perFamily(), so.seed());
        int units = s.units();
        double[] rows = new double[decs.size() * 2 * units];
        for (int d = 0; d < decs.size(); d++) {
            System.arraycopy(decs.get(d).readout(), 0, rows, d * 2 * units, 2 * units);
        }
        List<CovarianceEstimator> ests = estimators(s);
        int n = rec.samples();
        long total = 1L + so.resamples();
        progress.progress(0, total);
        double[] centred = rec.centred();
        double[][] scores = new double[ests.size()][];
        for (int e = 0; e < ests.size(); e++) {
            scores[e] = variances(ests.get(e).estimate(centred, n, units).covariance(), units, rows);
        }
        progress.progress(1, total);
        double tau = BlockBootstrap.autocorrelationTime(centred, n, units);
        int block = so.block() != null ? so.block() : BlockBootstrap.defaultBlock(n, tau);
        double[][][] reps = new double[so.resamples()][][];
        AtomicLong done = new AtomicLong(1);
        Workers.forEach(so.resamples(), threads, "plasticity-bci", b -> {
            int[] idx = BlockBootstrap.resample(n, block, Seeds.stream(so.seed(), b));
            double[] x = rec.centredRows(idx);
            double[][] v = new double[ests.size()][];
            try {
                for (int e = 0; e < ests.size(); e++) {
                    v[e] = variances(ests.get(e).estimate(x, n, units).covariance(), units, rows);
                }
                reps[b] = Arrays.stream(v).allMatch(a -> Arrays.stream(a).allMatch(Double::isFinite)) ? v : null;
            } catch (ArithmeticException ex) {
                reps[b] = null; // a degenerate resample
            }
            progress.progress(done.incrementAndGet(), total);
        });
        double[][] low = new double[ests.size()][decs.size()];
        double[][] high = new double[ests.size()][decs.size()];
        int dropped = (int) Arrays.stream(reps).filter(r -> r == null).count();
        for (int e = 0; e < ests.size(); e++) {
            for (int d = 0; d < decs.size(); d++) {
                double[] col = new double[so.resamples() - dropped];
                int m = 0;
                for (double[][] r : reps) {
                    if (r != null) {
                        col[m++] = r[e][d];
                    }
                }
                double[] ci = so.resamples() > 0 ? BlockBootstrap.percentile(col, so.level())
                        : new double[] {Double.NaN, Double.NaN};
                low[e][d] = ci[0];
                high[e][d] = ci[1];
            }
        }
        double[] manifold = variances(sessionSharedCovariance(s), units, rows);
        List<String> names = ests.stream().map(CovarianceEstimator::name).toList();
        List<BciResult.Separation> sep = new ArrayList<>();
        for (int e = 0; e < ests.size(); e++) {
            sep.add(separation(names.get(e), decs, scores[e]));
        }
        sep.add(separation("session-manifold", decs, manifold));
        // The same scores per squared readout length: what is left when the readouts' sizes are taken out (an
        // outside-manifold permutation keeps the intuitive readout's length, a within-manifold one changes it).
        for (int e = 0; e < ests.size(); e++) {
            sep.add(separation(names.get(e) + "/norm2", decs, perNorm(scores[e], decs, units)));
        }
        BciLearning learning = new BciLearning(s);
        return new BciResult(s.source(), units, s.factors(), s.intuitive().steps(), n, decs, names, scores, low, high,
                manifold, sep, learning.baseline(), learning.curve(o.windows()), decs.get(1).permutation(),
                new double[] {learning.reproduction(s.intuitive()), learning.reproduction(s.perturbed())},
                readoutMismatch(s, built), so.resamples(), dropped, block, tau, so.level(), so.seed());
    }

    /** @return {@code tr(W C W^T) / N} for each decoder: the sum of the target variances of its two rows. */
    static double[] variances(double[] c, int units, double[] rows) {
        int count = rows.length / units;
        PairScores p = PairScores.compute(c, units, rows, null, count);
        double[] out = new double[count / 2];
        for (int d = 0; d < out.length; d++) {
            out[d] = p.targetVariance()[2 * d] + p.targetVariance()[2 * d + 1];
        }
        return out;
    }

    /** @return {@code score * N / ||W||_F^2}: the variance along the readout per unit squared length. */
    static double[] perNorm(double[] score, List<BciResult.Decoder> decs, int units) {
        double[] out = new double[score.length];
        for (int d = 0; d < score.length; d++) {
            out[d] = score[d] * units / (decs.get(d).norm() * decs.get(d).norm());
        }
        return out;
    }

    /** The session's shared covariance of the counts: diag(sd) L L^T diag(sd) (L fitted on z-scored counts). */
    static double[] sessionSharedCovariance(BciSession s) {
        int n = s.units();
        int k = s.factors();
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = 0;
                for (int a = 0; a < k; a++) {
                    v += s.loadings()[i * k + a] * s.loadings()[j * k + a];
                }
                c[i * n + j] = v * s.spikeCountStd()[i] * s.spikeCountStd()[j];
            }
        }
        return c;
    }

    private static double readoutMismatch(BciSession s, BciDecoders d) {
        double[] gn = d.countReadout(d.intuitiveFactorReadout());
        double[] m2 = s.intuitive().m2();
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < m2.length; i++) {
            diff = Math.max(diff, Math.abs(gn[i] - m2[i]));
            scale = Math.max(scale, Math.abs(m2[i]));
        }
        return diff / scale;
    }

    /** AUC of within over outside (Mann-Whitney, ties half), medians, and where the two session decoders fall. */
    static BciResult.Separation separation(String name, List<BciResult.Decoder> decs, double[] score) {
        List<Double> within = new ArrayList<>();
        List<Double> outside = new ArrayList<>();
        for (int d = 0; d < decs.size(); d++) {
            String f = decs.get(d).family();
            if (f.equals("within")) {
                within.add(score[d]);
            } else if (f.equals("outside")) {
                outside.add(score[d]);
            }
        }
        double wins = 0;
        for (double w : within) {
            for (double v : outside) {
                wins += w > v ? 1 : w == v ? 0.5 : 0;
            }
        }
        double below = within.stream().filter(w -> w < score[1]).count();
        return new BciResult.Separation(name, wins / ((double) within.size() * outside.size()), median(within),
                median(outside), score[0], score[1], below / within.size());
    }

    private static double median(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return BlockBootstrap.quantile(s, 0.5);
    }

}
