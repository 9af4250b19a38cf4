package org.plasticity.neural.method;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.plasticity.numeric.Seeds;

/**
 * Shuffle splits of the stimuli into train and test sets, as scikit-learn's {@code ShuffleSplit} and, with labels,
 * {@code StratifiedShuffleSplit} (Brain-Score: 10 splits, {@code train_size=0.9}, stratified on the object label).
 *
 * <p>Sizes as scikit-learn's for a fractional {@code train_size} with no {@code test_size}: {@code n_train =
 * floor(f n)} and {@code n_test = n - n_train}, which is {@code ceil((1 - f) n)} in exact arithmetic (and never
 * suffers {@code 1 - 0.9} rounding); 640 stimuli at 0.9 give 576 and 64.
 *
 * <p>Randomness: split {@code s} draws from its own stream {@code Seeds.stream(seed, s)}, so every split depends on
 * the seed and its index alone, never on the thread count or on the other splits. The permutations are not
 * scikit-learn's (a different generator), so the splits differ from Brain-Score's {@code random_state=1} ones;
 * results agree within split noise, not bit for bit.
 *
 * <p>Stratified allocation (largest remainder): the labels' classes (in {@link String#compareTo} order) of sizes
 * {@code n_c} get quotas {@code n_test n_c / n}; each class gets the floor of its quota, and the stimuli still to
 * place go one each to the classes with the largest fractional parts, ties in a random order (drawn from the
 * split's stream). A class never gives all its stimuli to the test set: every class keeps at least one training
 * stimulus, and a class of one stimulus is always in training (scikit-learn refuses such a class instead). Within a
 * class, the test stimuli are a uniformly random subset. The per-class counts are therefore as close to proportional
 * as integers allow, and the same in every split up to the tie-breaking.
 */
public final class Splits {
    private Splits() {}

    /**
     * @param stimuli       number of stimuli (at least 2)
     * @param splits        number of splits (at least 1)
     * @param trainFraction fraction of the stimuli in each training set, in (0, 1)
     * @param labels        one label per stimulus for stratified splits, or null
     * @param seed          the root seed
     * @return one {@code {trainIndices, testIndices}} pair per split, each sorted ascending, disjoint, together all
     *         stimuli
     */
    public static List<int[][]> shuffle(int stimuli, int splits, double trainFraction, String[] labels, long seed) {
        if (stimuli < 2 || splits < 1 || !(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("splits need at least 2 stimuli, 1 split and a train fraction in"
                    + " (0, 1); got " + stimuli + ", " + splits + ", " + trainFraction);
        }
        int train = (int) Math.floor(trainFraction * stimuli);
        int test = stimuli - train;
        if (train < 1 || test < 1) {
            throw new IllegalArgumentException("train fraction " + trainFraction + " of " + stimuli
                    + " stimuli leaves " + train + " for training and " + test + " for testing");
        }
        int[][] classes = labels == null ? null : classes(labels, stimuli);
        List<int[][]> out = new ArrayList<>(splits);
        for (int s = 0; s < splits; s++) {
            SplittableRandom rng = Seeds.stream(seed, s);
            boolean[] isTest = labels == null ? plain(stimuli, test, rng) : stratified(classes, stimuli, test, rng);
            out.add(partition(isTest, stimuli - test));
        }
        return out;
    }

    private static boolean[] plain(int stimuli, int test, SplittableRandom rng) {
        int[] order = permutation(identity(stimuli), rng);
        boolean[] isTest = new boolean[stimuli];
        for (int i = 0; i < test; i++) {
            isTest[order[i]] = true;
        }
        return isTest;
    }

    private static boolean[] stratified(int[][] classes, int stimuli, int test, SplittableRandom rng) {
        int[] counts = testCounts(classes, stimuli, test, rng);
        boolean[] isTest = new boolean[stimuli];
        for (int c = 0; c < classes.length; c++) {
            int[] members = permutation(classes[c].clone(), rng);
            for (int i = 0; i < counts[c]; i++) {
                isTest[members[i]] = true;
            }
        }
        return isTest;
    }

    /** Largest-remainder test counts per class, each at most {@code n_c - 1} (see the class comment). */
    static int[] testCounts(int[][] classes, int stimuli, int test, SplittableRandom rng) {
        int k = classes.length;
        int[] counts = new int[k];
        long[] remainder = new long[k];
        int placed = 0;
        int capacity = 0;
        for (int c = 0; c < k; c++) {
            long quota = (long) test * classes[c].length;
            counts[c] = (int) Math.min(quota / stimuli, classes[c].length - 1);
            remainder[c] = quota / stimuli > counts[c] ? -1 : quota % stimuli; // capped classes take no more
            placed += counts[c];
            capacity += classes[c].length - 1;
        }
        if (capacity < test) {
            throw new IllegalArgumentException("cannot keep every class in training: " + test + " test stimuli but"
                    + " only " + capacity + " can leave their classes");
        }
        // Classes by decreasing remainder, ties in a random order; repeat while caps leave stimuli unplaced.
        Integer[] order = new Integer[k];
        int[] shuffled = permutation(identity(k), rng);
        int[] rank = new int[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
            rank[shuffled[i]] = i;
        }
        Arrays.sort(order, (a, b) -> remainder[a] != remainder[b] ? Long.compare(remainder[b], remainder[a])
                : Integer.compare(rank[a], rank[b]));
        while (placed < test) {
            for (int i = 0; i < k && placed < test; i++) {
                int c = order[i];
                if (counts[c] < classes[c].length - 1) {
                    counts[c]++;
                    placed++;
                }
            }
        }
        return counts;
    }

    /** @return the stimuli of each class (classes in label order), each list ascending. */
    static int[][] classes(String[] labels, int stimuli) {
        if (labels.length != stimuli) {
            throw new IllegalArgumentException(labels.length + " labels for " + stimuli + " stimuli");
        }
        TreeMap<String, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < stimuli; i++) {
            if (labels[i] == null) {
                throw new IllegalArgumentException("stimulus " + i + " has no label");
            }
            byLabel.computeIfAbsent(labels[i], l -> new ArrayList<>()).add(i);
        }
        int[][] out = new int[byLabel.size()][];
        int c = 0;
        for (List<Integer> members : byLabel.values()) {
            out[c++] = members.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private static int[][] partition(boolean[] isTest, int train) {
        int[] tr = new int[train];
        int[] te = new int[isTest.length - train];
        int a = 0;
        int b = 0;
        for (int i = 0; i < isTest.length; i++) {
            if (isTest[i]) {
                te[b++] = i;
            } else {
                tr[a++] = i;
            }
        }
        return new int[][] {tr, te};
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Fisher-Yates shuffle of {@code a} in place; returns it. */
    static int[] permutation(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
