/**
 * Minibatch training of layered networks with any {@link org.plasticity.layered.credit.CreditRule}: seeded shuffling, SGD
 * with momentum and weight decay, per-epoch accuracy and loss, and the alignment diagnostics (angle between forward
 * and feedback weights, angle between a rule's update and backprop's).
 */
package org.plasticity.layered.training;
