/**
 * Plasticity core: the numeric kernels, rate-network model, stochastic dynamics, statistics, tasks, learning rules
 * and the fluctuation-learning relation (Kurikawa &amp; Kaneko, arXiv 2409.13597; Nat. Commun. 16, 2025).
 *
 * <p>Data flows one way: {@code config -> model -> dynamics -> stats -> flr / learn -> experiment}. The core has no
 * CLI, plotting or serialisation dependency; those live in the app module.
 */
package org.plasticity;
