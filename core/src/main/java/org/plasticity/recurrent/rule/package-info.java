/**
 * Learning rules of the Hebb-type family {@code F = f(xi, x) x^T} behind one interface, and their registry.
 * Imports {@code stats}.
 */
package org.plasticity.recurrent.rule;
