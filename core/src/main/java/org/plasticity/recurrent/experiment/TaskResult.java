package org.plasticity.recurrent.experiment;

import org.plasticity.recurrent.flr.FlrPrediction;
import org.plasticity.recurrent.learning.LearningTime;
import org.plasticity.recurrent.learning.SpeedMeasurement;

/**
 * What was predicted and measured for one task.
 *
 * @param index          task number
 * @param alignXi        fraction of the target copied from a memory
 * @param alignEta       fraction of the input copied from a memory
 * @param varianceXi     spontaneous variance along the target, {@code xi^T C xi / N}
 * @param varianceEta    spontaneous variance along the input, {@code eta^T C eta / N}
 * @param evokedResponse squared input-evoked response, {@code |xbar_eta|^2 / N}
 * @param overlap        overlap {@code m = xi . xbar_eta / N} before learning
 * @param predicted      the FLR predictions
 * @param measured       the measured initial speed
 * @param learningTime   the learning time (NaN time when not measured or not reached)
 */
public record TaskResult(int index, double alignXi, double alignEta, double varianceXi, double varianceEta,
                         double evokedResponse, double overlap, FlrPrediction predicted, SpeedMeasurement measured,
                         LearningTime learningTime) {}
