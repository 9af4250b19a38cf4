/**
 * Statistics of simulated activity: streaming moments ({@link org.plasticity.stats.MomentAccumulator}), mean and
 * covariance with standard errors ({@link org.plasticity.stats.Moments}) and the sampling driver. Imports
 * {@code config}, {@code model}, {@code dynamics} and {@code numeric}.
 */
package org.plasticity.stats;
