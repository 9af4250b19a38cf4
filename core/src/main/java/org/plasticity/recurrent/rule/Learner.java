package org.plasticity.recurrent.rule;

/**
 * One learner's per-step plasticity: it sees the state after each Euler step (and the noise that went into it) and,
 * when asked, emits that step's update {@code F} as a sum of rank-one terms. A learner may keep state between steps
 * (traces, a reward baseline); the simulation that calls it (recurrent.learning) owns J and applies
 * {@code dJ = (epsilon dt / N) F}.
 */
public interface Learner {
    /**
     * Advances the learner by one Euler step.
     *
     * @param x      the free state after the step (length N, not modified)
     * @param nudged the nudged phase's state after the step, or null when the rule has no nudged phase
     * @param noise  the step's standard normal draws {@code z} (the state moved by {@code sigma sqrt(dt) z}), shared
     *               by both phases
     * @param emit   whether this step's update is wanted; when false only the learner's state advances
     * @param update receives the update, {@code F = sum_k weight_k post_k pre_k^T}
     */
    void step(double[] x, double[] nudged, double[] noise, boolean emit, Update update);

    /** Receives one rank-one term {@code weight post pre^T} of F; the arrays are only read during the call. */
    @FunctionalInterface
    interface Update {
        void rankOne(double weight, double[] post, double[] pre);
    }

    /** @return the stateless learner of a Hebb-type rule: {@code F = post(xi, x) x^T} on each emitted step. */
    static Learner hebbType(LearningRule rule, double[] xi) {
        double[] f = new double[xi.length];
        return (x, nudged, noise, emit, update) -> {
            if (emit) {
                rule.post(xi, x, 0, f);
                update.rankOne(1.0, f, x);
            }
        };
    }
}
