/**
 * Reproduction of the fluctuation-learning paper's figures (Kurikawa &amp; Kaneko, arXiv 2409.13597; docs/figures.md
 * and 9A): sweeps over config fields, each ending in a verdict computed from its numbers. Imports {@code config},
 * {@code experiment}, {@code analysis} and {@code stats}.
 */
package org.plasticity.papers.kurikawa2025;
