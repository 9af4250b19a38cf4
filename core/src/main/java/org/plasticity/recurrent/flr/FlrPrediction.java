package org.plasticity.recurrent.flr;

/**
 * Learning speeds predicted from pre-learning activity.
 *
 * @param flr1         FLR1, the general formula
 * @param flr2         FLR2, linear-response form (C squared along the input)
 * @param flr2Variance FLR2, variance form (variances along target and input)
 */
public record FlrPrediction(double flr1, double flr2, double flr2Variance) {}
