/**
 * Learning rules behind one interface, and their registry: the Hebb-type family {@code F = f(xi, x) x^T} (Hebbian,
 * target-error, random feedback) and rules that need a second phase (contrastive Hebbian) or per-learner state (node
 * perturbation), which they describe through {@code Learner}. Imports {@code fluctuations}.
 */
package org.plasticity.recurrent.rule;
