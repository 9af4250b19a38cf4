/**
 * Stochastic dynamics: Euler–Maruyama integration of batched trials ({@link org.plasticity.recurrent.dynamics.Simulator}) and
 * the read-only {@link org.plasticity.recurrent.dynamics.Recorder} that observes it. Imports {@code config}, {@code model} and
 * {@code numeric}.
 */
package org.plasticity.recurrent.dynamics;
