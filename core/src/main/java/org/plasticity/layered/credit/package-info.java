/**
 * Credit-assignment rules for layered networks, one class each behind {@link org.plasticity.layered.credit.CreditRule}:
 * backprop, feedback alignment, direct feedback alignment, the sign-symmetry family (uniform, batchwise-random and
 * fixed-random magnitudes), node perturbation, burst-dependent plasticity and segregated dendrites.
 * Each writes descent directions shaped like the network's parameters.
 */
package org.plasticity.layered.credit;
