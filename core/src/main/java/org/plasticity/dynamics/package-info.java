/**
 * Stochastic dynamics: Euler–Maruyama integration of batched trials ({@link org.plasticity.dynamics.Simulator}) and
 * the read-only {@link org.plasticity.dynamics.Recorder} that observes it. Imports {@code config}, {@code model} and
 * {@code numeric}.
 */
package org.plasticity.dynamics;
