package org.plasticity.layered.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.layered.credit.CreditRules;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Loss;

/** End-to-end training: runs are reproducible and feedback alignment aligns (per-rule checks: CreditRuleContractTest). */
class TrainerTest {

    @Test
    void sameSeedSameNumbersAnotherSeedOthers() {
        Dataset data = teacher(300, 11);
        TrainConfig c = small("burstprop", 5);
        TrainResult a = new Trainer(c, TrainingListener.NONE).train("burstprop", data, data);
        TrainResult b = new Trainer(c, TrainingListener.NONE).train("burstprop", data, data);
        TrainResult other = new Trainer(c.withSeed(6), TrainingListener.NONE).train("burstprop", data, data);
        for (int e = 0; e < a.epochs().size(); e++) {
            assertEquals(a.epochs().get(e).trainLoss(), b.epochs().get(e).trainLoss(), 0.0);
            assertEquals(a.epochs().get(e).testAccuracy(), b.epochs().get(e).testAccuracy(), 0.0);
            assertArrayEquals(a.epochs().get(e).updateAngles(), b.epochs().get(e).updateAngles(), 0.0);
        }
        assertTrue(a.last().trainLoss() != other.last().trainLoss());
    }

    @Test
    void feedbackAlignmentForwardWeightsAlignWithTheFeedback() {
        Dataset data = teacher(1000, 3);
        TrainConfig c = small("fa", 1);
        TrainResult r = new Trainer(c, TrainingListener.NONE).train("fa", data, data);
        double before = r.epochs().get(0).weightFeedbackAngles()[1];
        double after = r.last().weightFeedbackAngles()[1];
        double updateBefore = r.epochs().get(0).updateAngles()[0];
        double updateAfter = r.last().updateAngles()[0];
        // independent random matrices of this size are near orthogonal; learning pulls W_2 toward B_2
        assertEquals(90, before, 15, "at initialisation");
        assertTrue(after < 60, "after training W_2 vs B_2 = " + after + " deg");
        assertTrue(updateAfter < updateBefore && updateAfter < 75,
                "hidden update angle to backprop " + updateBefore + " -> " + updateAfter);
        assertTrue(r.last().testAccuracy() > 0.8, "it learns: " + r.last().testAccuracy());
    }

    @Test
    void backpropLearnsTheTeacherTask() {
        Dataset data = teacher(1000, 3);
        TrainResult r = new Trainer(small("bp", 1), TrainingListener.NONE).train("bp", data, data);
        assertTrue(r.last().trainAccuracy() > 0.9, "accuracy " + r.last().trainAccuracy());
        assertEquals(0.0, r.last().updateAngles()[0], 1e-6, "backprop against itself");
        assertTrue(r.last().trainLoss() < r.epochs().get(1).trainLoss());
    }

    private static TrainConfig small(String rule, long seed) {
        double lr = CreditRules.canonical(rule).equals("burstprop") ? 1.0 : 0.1;
        return TrainConfig.builder().seed(seed).hidden(40).hiddenActivation(Activation.SIGMOID)
                .outputActivation(Activation.SOFTMAX).loss(Loss.CROSS_ENTROPY).init(Init.XAVIER_NORMAL).initGain(1.0)
                .epochs(20).batchSize(16).rates(lr, lr).momentum(0.9).weightDecay(0).standardize(true).probe(64)
                .build();
    }

    /** Labels from a random linear teacher: argmax of T x over 4 classes, x ~ N(0, I_20). */
    static Dataset teacher(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int d = 20;
        int k = 4;
        double[] t = new double[k * d];
        for (int i = 0; i < t.length; i++) {
            t[i] = rng.nextGaussian();
        }
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int r = 0; r < n; r++) {
            int best = 0;
            double bestV = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < d; j++) {
                x[r * d + j] = (float) rng.nextGaussian();
            }
            for (int c = 0; c < k; c++) {
                double v = 0;
                for (int j = 0; j < d; j++) {
                    v += t[c * d + j] * x[r * d + j];
                }
                if (v > bestV) {
                    bestV = v;
                    best = c;
                }
            }
            y[r] = best;
        }
        return new Dataset("teacher", x, y, d, k);
    }
}
