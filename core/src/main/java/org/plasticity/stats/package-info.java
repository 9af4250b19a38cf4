/**
 * Statistics shared by both families: summaries with standard errors, agreement between predicted and measured
 * values (Pearson and Spearman correlations, slopes), bootstrap confidence intervals, least squares and angles
 * between vectors. Imports no other Plasticity package.
 */
package org.plasticity.stats;
