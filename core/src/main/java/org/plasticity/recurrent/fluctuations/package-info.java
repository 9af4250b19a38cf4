/**
 * Spontaneous fluctuations of the rate network: streaming moments of simulated activity
 * ({@link org.plasticity.recurrent.fluctuations.MomentAccumulator}), mean and covariance with standard errors across
 * trials ({@link org.plasticity.recurrent.fluctuations.Moments}) and the sampling driver
 * ({@link org.plasticity.recurrent.fluctuations.Sampling}). These are the inputs of FLR1 and FLR2.
 */
package org.plasticity.recurrent.fluctuations;
