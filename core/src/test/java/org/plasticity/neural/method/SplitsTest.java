package org.plasticity.neural.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Shuffle splits: sizes, disjointness, reproducibility, stratification, uniformity. */
class SplitsTest {

    @Test
    void sizesAsScikitLearnAndEverySplitAPartition() {
        List<int[][]> splits = Splits.shuffle(640, 10, 0.9, null, 1);
        assertEquals(10, splits.size());
        for (int[][] s : splits) {
            assertEquals(576, s[0].length);
            assertEquals(64, s[1].length);
            assertPartition(s, 640);
        }
        // n_test = n - floor(f n): 0.75 of 10 leaves 3 for testing
        assertEquals(3, Splits.shuffle(10, 1, 0.75, null, 1).get(0)[1].length);
        assertThrows(IllegalArgumentException.class, () -> Splits.shuffle(5, 1, 0.1, null, 1)); // no training
        assertThrows(IllegalArgumentException.class, () -> Splits.shuffle(5, 1, 1.0, null, 1));
    }

    @Test
    void reproducibleIndependentOfSplitCountAndThreads() {
        List<int[][]> a = Splits.shuffle(100, 10, 0.9, null, 42);
        List<int[][]> b = Splits.shuffle(100, 3, 0.9, null, 42);
        for (int s = 0; s < 3; s++) {
            assertArrayEquals(a.get(s)[1], b.get(s)[1]);
        }
        // the same from many threads at once
        List<List<int[][]>> parallel = IntStream.range(0, 8).parallel()
                .mapToObj(i -> Splits.shuffle(100, 10, 0.9, null, 42)).toList();
        for (List<int[][]> p : parallel) {
            for (int s = 0; s < 10; s++) {
                assertArrayEquals(a.get(s)[0], p.get(s)[0]);
            }
        }
        assertFalse(Arrays.equals(a.get(0)[1], a.get(1)[1]), "splits differ");
        assertFalse(Arrays.equals(a.get(0)[1], Splits.shuffle(100, 1, 0.9, null, 43).get(0)[1]), "seeds differ");
    }

    @Test
    void everyStimulusEquallyLikelyToBeTested() {
        int n = 20;
        int splits = 4000;
        int[] tested = new int[n];
        for (int[][] s : Splits.shuffle(n, splits, 0.8, null, 7)) {
            for (int i : s[1]) {
                tested[i]++;
            }
        }
        // binomial(4000, 0.2): sd = sqrt(4000 * 0.2 * 0.8) = 25.3; 5 sd
        for (int t : tested) {
            assertEquals(800, t, 5 * 25.3);
        }
    }

    @Test
    void stratifiedKeepsClassProportionsAndEveryClassInTraining() {
        int[] sizes = {300, 200, 100, 37, 2, 1};
        String[] labels = new String[Arrays.stream(sizes).sum()];
        int at = 0;
        for (int c = 0; c < sizes.length; c++) {
            for (int i = 0; i < sizes[c]; i++) {
                labels[at++] = "class" + c;
            }
        }
        // shuffle label order so that classes are interleaved
        List<String> shuffled = Arrays.asList(labels);
        Collections.shuffle(shuffled, new Random(3));
        labels = shuffled.toArray(new String[0]);
        int n = labels.length;
        List<int[][]> splits = Splits.shuffle(n, 20, 0.9, labels, 5);
        int test = n - (int) Math.floor(0.9 * n);
        for (int[][] s : splits) {
            assertPartition(s, n);
            assertEquals(test, s[1].length);
            for (int c = 0; c < sizes.length; c++) {
                String name = "class" + c;
                String[] lab = labels;
                long inTest = Arrays.stream(s[1]).filter(i -> lab[i].equals(name)).count();
                long inTrain = Arrays.stream(s[0]).filter(i -> lab[i].equals(name)).count();
                double quota = (double) test * sizes[c] / n;
                assertTrue(inTest >= Math.floor(quota) && inTest <= Math.ceil(quota) || sizes[c] <= 2,
                        name + ": " + inTest + " tested, quota " + quota);
                assertTrue(inTrain >= 1, name + " has no training stimulus");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Splits.shuffle(3, 1, 0.5, new String[] {"a", "b"}, 1));
    }

    private static void assertPartition(int[][] s, int n) {
        int[] all = new int[n];
        for (int[] part : s) {
            for (int k = 1; k < part.length; k++) {
                assertTrue(part[k - 1] < part[k], "sorted ascending");
            }
            for (int i : part) {
                all[i]++;
            }
        }
        for (int c : all) {
            assertEquals(1, c, "every stimulus in exactly one of train and test");
        }
    }
}
