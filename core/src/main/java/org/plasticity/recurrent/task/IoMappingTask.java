package org.plasticity.recurrent.task;

/**
 * Input/output mapping: while the input {@code gamma eta} is on, the network should come to the target {@code xi}
 * (docs/model.md#tasks). Performance is the overlap {@code m = xi . x / N}. The auto-associative task is the special case
 * {@code eta = xi}: the pattern is its own cue.
 *
 * @param index     position in the experiment's task list
 * @param eta       input pattern, +-1 entries
 * @param xi        target pattern, +-1 entries
 * @param gamma     input strength
 * @param alignXi   fraction of xi's entries copied from a stored memory (0: random, 1: a memory)
 * @param alignEta  the same for eta
 */
public record IoMappingTask(int index, double[] eta, double[] xi, double gamma, double alignXi, double alignEta) {

    /** @return the external field {@code gamma eta} the task applies. */
    public double[] field() {
        double[] h = new double[eta.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = gamma * eta[i];
        }
        return h;
    }

    /** @return the overlap {@code xi . x / N} of a state (or mean state) with the target. */
    public double overlap(double[] x) {
        return overlap(x, 0);
    }

    /** @return the overlap with the state stored at {@code x[off .. off + N)}. */
    public double overlap(double[] x, int off) {
        double s = 0;
        for (int i = 0; i < xi.length; i++) {
            s += xi[i] * x[off + i];
        }
        return s / xi.length;
    }
}
