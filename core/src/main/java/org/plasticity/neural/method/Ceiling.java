package org.plasticity.neural.method;

import java.util.SplittableRandom;
import org.plasticity.neural.data.Responses;
import org.plasticity.numeric.Seeds;

/**
 * The split-half ceiling: how well the neurons predict themselves, Brain-Score's {@code InternalConsistency}
 * adapted to stimuli with different numbers of recorded repeats.
 *
 * <p>In each split, every stimulus's repeat slots are put in a random order (stream {@code Seeds.stream(seed, split,
 * stimulus)}: independent of the other stimuli and splits). For each neuron, its valid (non-NaN) repeats of the
 * stimulus, in that order, are split in two halves, the first {@code ceil(v/2)} repeats and the other {@code
 * floor(v/2)} (an odd count puts the extra repeat in the first half), and each half is averaged. A stimulus with
 * fewer than 2 valid repeats for the neuron is left out of that neuron's correlation. Then, per neuron, the Pearson r
 * across stimuli between the two half means, corrected by Spearman-Brown for halves of the data, {@code r_SB = 2 r /
 * (1 + r)}; per split, the median over neurons; the ceiling is the mean over splits, with {@code se = std(ddof=0) /
 * sqrt(splits)}. When every neuron has the same valid repeats (as in the V4 session), all neurons share the halves,
 * as in Brain-Score.
 *
 * <p>Brain-Score splits the repetition indices themselves (the same halves for every stimulus, {@code
 * ShuffleSplit(train_size=0.5)}, so an odd count puts the extra repetition in the second half) and averages each half
 * over whichever of its repetitions were recorded; with a different number of repeats per stimulus that can leave a
 * half empty or unbalanced, which splitting each stimulus's own valid repeats avoids. Spearman-Brown with {@code n =
 * 2} assumes equal halves; with an odd count the halves differ by one repeat, a small bias Brain-Score shares.
 */
public final class Ceiling {
    /** Brain-Score's number of split-half splits. */
    public static final int DEFAULT_SPLITS = 10;

    private Ceiling() {}

    /**
     * @param r      responses with repeats ({@link Responses#hasRepeats()}, at least 2 repeat slots)
     * @param splits number of random halvings (at least 1)
     * @param seed   the root seed
     * @return the ceiling, its standard error and the per-split and per-neuron values
     */
    public static CeilingResult splitHalf(Responses r, int splits, long seed) {
        if (!r.hasRepeats() || r.repeats() < 2) {
            throw new IllegalArgumentException(r.source() + ": a split-half ceiling needs responses with repeats");
        }
        if (splits < 1) {
            throw new IllegalArgumentException("a ceiling needs at least one split, got " + splits);
        }
        int neurons = r.neurons();
        int stimuli = r.stimuli();
        double[][] corrected = new double[splits][neurons];
        double[] perSplit = new double[splits];
        double[] a = new double[stimuli];
        double[] b = new double[stimuli];
        for (int s = 0; s < splits; s++) {
            int[][] order = new int[stimuli][];
            for (int st = 0; st < stimuli; st++) {
                order[st] = order(r.repeats(), Seeds.stream(seed, s, st));
            }
            for (int n = 0; n < neurons; n++) {
                int m = halfMeans(r, n, order, a, b);
                double rr = Pearson.of(a, 0, 1, b, 0, 1, m);
                corrected[s][n] = 2 * rr / (1 + rr);
            }
            perSplit[s] = Summary.median(corrected[s]);
        }
        return new CeilingResult(Summary.mean(perSplit), Summary.standardError(perSplit), perSplit,
                Summary.columnMeans(corrected, neurons));
    }

    /** @return a uniformly random order of the repeat slots. */
    private static int[] order(int repeats, SplittableRandom rng) {
        int[] o = new int[repeats];
        for (int i = 0; i < repeats; i++) {
            o[i] = i;
        }
        return Splits.permutation(o, rng);
    }

    /**
     * Writes neuron n's two half means of each stimulus with at least 2 valid repeats to {@code a[m]}, {@code b[m]}.
     *
     * @return m, the number of such stimuli
     */
    private static int halfMeans(Responses r, int n, int[][] order, double[] a, double[] b) {
        int m = 0;
        double[] valid = new double[r.repeats()];
        for (int st = 0; st < r.stimuli(); st++) {
            int v = 0;
            for (int slot : order[st]) {
                double x = r.value(n, st, slot);
                if (!Double.isNaN(x)) {
                    valid[v++] = x;
                }
            }
            if (v < 2) {
                continue;
            }
            int h = (v + 1) / 2;
            double first = 0;
            double second = 0;
            for (int i = 0; i < v; i++) {
                if (i < h) {
                    first += valid[i];
                } else {
                    second += valid[i];
                }
            }
            a[m] = first / h;
            b[m] = second / (v - h);
            m++;
        }
        return m;
    }
}
