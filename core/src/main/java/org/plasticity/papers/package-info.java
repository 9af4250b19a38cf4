/**
 * Reproductions of published figures, one package per paper named after its first author and year (the way
 * simulator projects keep examples from papers): each figure runs the family's experiments and ends in a verdict
 * computed from its numbers.
 */
package org.plasticity.papers;
