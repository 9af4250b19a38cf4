package org.plasticity.recurrent.task;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.numeric.Seeds;
import org.plasticity.recurrent.model.Memories;

/**
 * Tasks with graded alignment to the embedded memories (docs/model.md#graded-alignment): each entry of the target xi is copied
 * from a stored memory p^a with probability {@code a_xi}, otherwise drawn at random; likewise eta from a memory p^b
 * with probability {@code a_eta}. The alignments are spread evenly over [0, 1] (a shuffled grid) so that every task
 * family spans random to fully aligned tasks.
 */
public final class TaskFactory {
    private TaskFactory() {}

    /**
     * Time-series generation as cyclic sequences: sequence {@code k} has {@code length} patterns, each graded with the
     * same alignment, and its transitions are the tasks "cue xi^j, target xi^(j+1 mod K)", learned together.
     *
     * @return {@code count} sequences, each as its list of transitions
     */
    public static List<List<IoMappingTask>> gradedSequences(Memories memories, int count, int length, double gamma,
                                                           long seed) {
        int n = memories.n();
        double[] grid = grid(count, Seeds.stream(seed, -1));
        List<List<IoMappingTask>> sequences = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            SplittableRandom rng = Seeds.stream(seed, k);
            double[][] p = new double[length][];
            for (int j = 0; j < length; j++) {
                p[j] = pattern(memories, n, grid[k], rng);
            }
            List<IoMappingTask> transitions = new ArrayList<>(length);
            for (int j = 0; j < length; j++) {
                transitions.add(new IoMappingTask(k, p[j], p[(j + 1) % length], gamma, grid[k], grid[k]));
            }
            sequences.add(transitions);
        }
        return sequences;
    }

    /** @return {@code count} auto-associative tasks (eta = xi), the target graded as in io-mapping. */
    public static List<IoMappingTask> gradedAutoAssociative(Memories memories, int count, double gamma, long seed) {
        List<IoMappingTask> tasks = new ArrayList<>(count);
        for (IoMappingTask t : gradedIoMapping(memories, count, gamma, seed)) {
            tasks.add(new IoMappingTask(t.index(), t.xi(), t.xi(), gamma, t.alignXi(), t.alignXi()));
        }
        return tasks;
    }

    /** @return {@code count} tasks, task {@code k} drawn from the stream {@code (seed, k)}. */
    public static List<IoMappingTask> gradedIoMapping(Memories memories, int count, double gamma, long seed) {
        int n = memories.n();
        double[] gridXi = grid(count, Seeds.stream(seed, -1));
        double[] gridEta = grid(count, Seeds.stream(seed, -2));
        List<IoMappingTask> tasks = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            SplittableRandom rng = Seeds.stream(seed, k);
            double[] xi = pattern(memories, n, gridXi[k], rng);
            double[] eta = pattern(memories, n, gridEta[k], rng);
            tasks.add(new IoMappingTask(k, eta, xi, gamma, gridXi[k], gridEta[k]));
        }
        return tasks;
    }

    /** Stratified alignments: one value in each of {@code count} equal bins of [0, 1], in shuffled order. */
    private static double[] grid(int count, SplittableRandom rng) {
        double[] g = new double[count];
        for (int k = 0; k < count; k++) {
            g[k] = (k + rng.nextDouble()) / count;
        }
        for (int k = count - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            double t = g[k];
            g[k] = g[j];
            g[j] = t;
        }
        return g;
    }

    private static double[] pattern(Memories memories, int n, double align, SplittableRandom rng) {
        double[] source = memories.size() == 0 ? null : memories.pattern(rng.nextInt(memories.size()));
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            boolean copy = source != null && rng.nextDouble() < align;
            p[i] = copy ? source[i] : (rng.nextBoolean() ? 1.0 : -1.0);
        }
        return p;
    }
}
