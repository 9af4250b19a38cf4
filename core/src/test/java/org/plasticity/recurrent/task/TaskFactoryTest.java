package org.plasticity.recurrent.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.plasticity.recurrent.model.Memories;

class TaskFactoryTest {
    private static final int N = 400;
    private static final int M = 5;
    private static final int COUNT = 12;
    private static final double GAMMA = 0.1;
    private static final Memories MEMORIES = Memories.random(N, M, new SplittableRandom(99));

    private static List<IoMappingTask> tasks(long seed) {
        return TaskFactory.gradedIoMapping(MEMORIES, COUNT, GAMMA, seed);
    }

    /** Largest |p . memory| / N over the stored memories. */
    private static double bestOverlap(double[] p) {
        double best = 0;
        for (int mu = 0; mu < MEMORIES.size(); mu++) {
            double[] m = MEMORIES.pattern(mu);
            double s = 0;
            for (int i = 0; i < N; i++) {
                s += p[i] * m[i];
            }
            best = Math.max(best, Math.abs(s) / N);
        }
        return best;
    }

    @Test
    void countIndicesGammaAndDeterminism() {
        List<IoMappingTask> a = tasks(5);
        List<IoMappingTask> b = tasks(5);
        List<IoMappingTask> c = tasks(6);
        assertEquals(COUNT, a.size());
        boolean anyDifferent = false;
        for (int k = 0; k < COUNT; k++) {
            IoMappingTask t = a.get(k);
            assertEquals(k, t.index());
            assertEquals(GAMMA, t.gamma(), 0.0);
            assertEquals(N, t.xi().length);
            assertEquals(N, t.eta().length);
            assertArrayEquals(t.xi(), b.get(k).xi(), 0.0, "same seed, same xi, task " + k);
            assertArrayEquals(t.eta(), b.get(k).eta(), 0.0, "same seed, same eta, task " + k);
            assertEquals(t.alignXi(), b.get(k).alignXi(), 0.0);
            assertEquals(t.alignEta(), b.get(k).alignEta(), 0.0);
            anyDifferent |= !Arrays.equals(t.xi(), c.get(k).xi());
        }
        assertTrue(anyDifferent, "another seed gives other tasks");
    }

    @Test
    void entriesArePlusMinusOne() {
        for (IoMappingTask t : tasks(5)) {
            for (int i = 0; i < N; i++) {
                assertTrue(t.xi()[i] == 1.0 || t.xi()[i] == -1.0, "xi entry " + t.xi()[i]);
                assertTrue(t.eta()[i] == 1.0 || t.eta()[i] == -1.0, "eta entry " + t.eta()[i]);
            }
        }
    }

    @Test
    void alignmentsAreStratifiedOverTheUnitInterval() {
        List<IoMappingTask> ts = tasks(5);
        for (ToDoubleFunction<IoMappingTask> f : List.<ToDoubleFunction<IoMappingTask>>of(
                IoMappingTask::alignXi, IoMappingTask::alignEta)) {
            double[] a = ts.stream().mapToDouble(f).sorted().toArray();
            for (int k = 0; k < COUNT; k++) {
                assertTrue(a[k] >= (double) k / COUNT && a[k] < (k + 1.0) / COUNT,
                        "one alignment in bin " + k + ": " + a[k]);
            }
        }
        // Shuffled: the alignments are not simply in task order.
        double[] inOrder = ts.stream().mapToDouble(IoMappingTask::alignXi).toArray();
        double[] sorted = inOrder.clone();
        Arrays.sort(sorted);
        assertFalse(Arrays.equals(inOrder, sorted), "alignments are shuffled across tasks");
    }

    /**
     * A task with alignment a copies a fraction ~a of its entries from one memory; the rest are random, so its overlap
     * with that memory is a + O(1/sqrt N) (sd 0.05 at N = 400) and with the other memories O(1/sqrt N).
     * The most aligned task (a >= 11/12) must overlap some memory by more than 0.8 (expected >= 0.92, > 2 sd
     * margin); the least aligned (a < 1/12) by less than 0.4 (expected <= 0.08, max of 5 overlaps ~0.2: 4 sd).
     */
    @Test
    void alignmentControlsOverlapWithMemories() {
        List<IoMappingTask> ts = tasks(5);
        IoMappingTask most = ts.stream().max(Comparator.comparingDouble(IoMappingTask::alignXi)).orElseThrow();
        IoMappingTask least = ts.stream().min(Comparator.comparingDouble(IoMappingTask::alignXi)).orElseThrow();
        assertTrue(bestOverlap(most.xi()) > 0.8, "aligned xi overlap " + bestOverlap(most.xi()));
        assertTrue(bestOverlap(least.xi()) < 0.4, "unaligned xi overlap " + bestOverlap(least.xi()));
        IoMappingTask mostEta = ts.stream().max(Comparator.comparingDouble(IoMappingTask::alignEta)).orElseThrow();
        IoMappingTask leastEta = ts.stream().min(Comparator.comparingDouble(IoMappingTask::alignEta)).orElseThrow();
        assertTrue(bestOverlap(mostEta.eta()) > 0.8, "aligned eta overlap " + bestOverlap(mostEta.eta()));
        assertTrue(bestOverlap(leastEta.eta()) < 0.4, "unaligned eta overlap " + bestOverlap(leastEta.eta()));
    }

    @Test
    void noMemoriesGivesRandomPatterns() {
        Memories none = Memories.random(N, 0, new SplittableRandom(1));
        // Memories.random(n, 0, ...) keeps n; the factory must not fail on an empty memory set.
        List<IoMappingTask> ts = TaskFactory.gradedIoMapping(none, 3, GAMMA, 7);
        assertEquals(3, ts.size());
        for (IoMappingTask t : ts) {
            double s = 0;
            for (int i = 0; i < N; i++) {
                assertTrue(t.xi()[i] == 1.0 || t.xi()[i] == -1.0);
                s += t.xi()[i];
            }
            // A random +-1 pattern: |sum| / N is O(1/sqrt N) = 0.05; 0.3 is 6 sd.
            assertTrue(Math.abs(s) / N < 0.3, "balanced random pattern: " + s / N);
        }
    }

    @Test
    void fieldAndOverlapByHand() {
        double[] eta = {1, -1, 1, 1};
        double[] xi = {-1, 1, 1, -1};
        IoMappingTask t = new IoMappingTask(0, eta, xi, 0.25, 0.5, 0.5);
        // gamma * (+-1) with gamma a power of two: exact.
        assertArrayEquals(new double[] {0.25, -0.25, 0.25, 0.25}, t.field(), 0.0);
        double[] x = {0.5, 0.2, -0.4, 0.8};
        double want = (-0.5 + 0.2 - 0.4 - 0.8) / 4;
        // Four O(1) terms: a few ulp, 1e-15.
        assertEquals(want, t.overlap(x), 1e-15);
        double[] shifted = {9, 9, 0.5, 0.2, -0.4, 0.8, 9};
        assertEquals(want, t.overlap(shifted, 2), 1e-15);
        assertEquals(1.0, t.overlap(xi), 0.0, "the target overlaps itself fully");
        assertEquals(-1.0, t.overlap(new double[] {1, -1, -1, 1}), 0.0);
    }
}
