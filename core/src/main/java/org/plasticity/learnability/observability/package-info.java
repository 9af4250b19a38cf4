/**
 * How well learnability works on recordings (issue 14, part 3; docs/learnability.md#observability): on a simulated
 * network whose learning speeds are measured by the flr experiment, the rank correlation between learnability's FLR2
 * from a recording of K of its N units over n samples and the measured speeds. It sits on top of
 * {@code learnability} and the recurrent experiment, so that {@code learnability} itself knows nothing of simulated
 * networks.
 */
package org.plasticity.learnability.observability;
