package org.plasticity.recurrent.rule;

/**
 * What a learner may need to know about the network it learns in: the constants of the Euler step
 * {@code x <- x + (dt/tau)(phi(beta (J x + h)) - x) + sigma sqrt(dt) z} (docs/model.md#dynamics).
 *
 * @param n     units N
 * @param beta  gain
 * @param sigma noise amplitude
 * @param dt    Euler step
 * @param tau   neural time constant
 */
public record LearnerContext(int n, double beta, double sigma, double dt, double tau) {}
