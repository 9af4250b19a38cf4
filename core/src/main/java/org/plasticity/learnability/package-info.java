/**
 * Learnability from recordings: estimate the covariance of recorded spontaneous activity (sample, Ledoit-Wolf
 * shrinkage, or the shared part of a factor-analysis model), score candidate target and input directions with the two
 * forms of FLR2 reconstructed in {@code docs/model.md#flr2} (or the target variance alone), and put percentile
 * intervals on every score by a moving-block bootstrap over time. See {@code docs/learnability.md}.
 */
package org.plasticity.learnability;
