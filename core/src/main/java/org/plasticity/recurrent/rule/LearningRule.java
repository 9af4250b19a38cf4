package org.plasticity.recurrent.rule;

import org.plasticity.recurrent.fluctuations.Moments;

/**
 * A Hebb-type plasticity rule {@code dJ/dt = (epsilon / N) F}, with {@code F = f(xi, x) x^T}: a postsynaptic factor
 * {@code f} times presynaptic activity (docs/model.md#learning-rules). Rules of this family differ only in {@code f}.
 */
public interface LearningRule {
    /** @return the rule's config name, e.g. {@code hebbian}. */
    String name();

    /** @return one line for help texts and docs. */
    String description();

    /**
     * Writes the postsynaptic factor {@code f(xi, x)} for the state at {@code x[xOff .. xOff + N)} into {@code out}
     * (length N, modified).
     */
    void post(double[] xi, double[] x, int xOff, double[] out);

    /**
     * @return the stationary mean update {@code <F> = <f(xi, x) x^T>} under input-evoked activity with the given
     *     moments, row-major {@code N x N}; exact for factors linear in x
     */
    double[] meanUpdate(double[] xi, Moments evoked);
}
