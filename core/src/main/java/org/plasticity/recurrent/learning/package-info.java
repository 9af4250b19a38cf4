/**
 * Learning for real: measured initial speed (quasi-static with common random numbers, or concurrent with a small
 * epsilon) and learning time to a threshold overlap (docs/model.md#measured-speed). Imports {@code config}, {@code model},
 * {@code dynamics}, {@code stats}, {@code task}, {@code rule} and {@code numeric}.
 */
package org.plasticity.recurrent.learning;
