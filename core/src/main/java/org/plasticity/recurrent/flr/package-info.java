/**
 * The fluctuation-learning relations FLR1 and FLR2 (Kurikawa &amp; Kaneko, arXiv 2409.13597; Nat. Commun. 16, 2025;
 * reconstructed in docs/model.md#flr1 to #derivation): pure functions of pre-learning statistics and a task. Imports
 * {@code numeric}.
 */
package org.plasticity.recurrent.flr;
