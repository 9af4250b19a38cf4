package org.plasticity.layered.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.InputTransform;
import org.plasticity.layered.network.Loss;

/**
 * What {@link Trainer#trainNetwork} hands back is what the run measured: the same records as {@link Trainer#train},
 * a network whose accuracy on the raw test inputs (through the handed-back transform) is the reported one, the
 * training inputs' own mean and standard deviation, and the seeded initial network {@link Trainer#network(int, int)}.
 */
class TrainedNetworkTest {

    private static TrainConfig config(boolean standardize, int epochs) {
        return TrainConfig.builder().seed(4).hidden(12).hiddenActivation(Activation.TANH)
                .outputActivation(Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY)
                .init(Init.XAVIER_NORMAL).initGain(1.0).epochs(epochs).batchSize(16)
                .rates(0.1, 0.1).momentum(0.9).weightDecay(0).standardize(standardize).probe(32).build();
    }

    @Test
    void theNetworkScoresWhatTheRunReported() {
        Dataset train = shifted(TrainerTest.teacher(400, 8));
        Dataset test = shifted(TrainerTest.teacher(300, 9));
        for (boolean standardize : new boolean[] {true, false}) {
            TrainConfig c = config(standardize, 3);
            TrainedNetwork t = new Trainer(c, TrainingListener.NONE).trainNetwork("fa", train, test);
            TrainResult plain = new Trainer(c, TrainingListener.NONE).train("fa", train, test);
            for (int e = 0; e < plain.epochs().size(); e++) {
                assertEquals(plain.epochs().get(e).testAccuracy(), t.result().epochs().get(e).testAccuracy(), 0.0);
                assertEquals(plain.epochs().get(e).trainLoss(), t.result().epochs().get(e).trainLoss(), 0.0);
            }
            FeedForwardNet net = t.network();
            Activity act = net.newActivity(test.size());
            net.forward(t.input().apply(test.inputs()), 0, test.size(), act);
            double accuracy = (double) FeedForwardNet.correct(act, test.labels(), 0) / test.size();
            assertEquals(t.result().last().testAccuracy(), accuracy, 0.0, "standardize " + standardize);
            if (!standardize) {
                assertSame(InputTransform.NONE, t.input());
                continue;
            }
            double s = 0;
            for (float v : train.inputs()) {
                s += v;
            }
            double mean = s / train.inputs().length;
            double ss = 0;
            for (float v : train.inputs()) {
                ss += (v - mean) * (v - mean);
            }
            double std = Math.sqrt(ss / train.inputs().length); // two-pass, unlike the trainer's one pass
            assertEquals(mean, t.input().mean(), 1e-6);
            assertEquals(std, t.input().std(), 1e-6);
        }
    }

    @Test
    void zeroEpochsHandBackTheSeededInitialNetwork() {
        Dataset d = TrainerTest.teacher(50, 2);
        Trainer trainer = new Trainer(config(true, 0), TrainingListener.NONE);
        FeedForwardNet start = trainer.trainNetwork("bp", d, d).network();
        FeedForwardNet drawn = trainer.network(d.features(), d.classes());
        for (int l = 0; l < start.layers(); l++) {
            assertArrayEquals(drawn.weights[l], start.weights[l]);
            assertArrayEquals(drawn.biases[l], start.biases[l]);
            assertArrayEquals(trainer.network(d).weights[l], start.weights[l]);
        }
    }

    /** The teacher's inputs moved off zero mean and unit spread, so that standardising does something. */
    private static Dataset shifted(Dataset d) {
        float[] x = d.inputs().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] = 3f + 0.5f * x[i];
        }
        return new Dataset(d.name(), x, d.labels(), d.features(), d.classes());
    }
}
