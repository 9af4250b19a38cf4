package org.plasticity.neural.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.InputTransform;
import org.plasticity.layered.training.Recipes;
import org.plasticity.layered.training.TrainConfig;
import org.plasticity.layered.training.Trainer;
import org.plasticity.layered.training.TrainingListener;
import org.plasticity.neural.data.Features;
import org.plasticity.neural.data.StimulusImage;

/**
 * The random model is the network an image run with the same seed starts from, reproducible by seed, fed the images
 * standardised by their own mean and standard deviation.
 */
class RandomModelTest {

    @Test
    void isTheTrainersInitialNetworkForTheSeed() {
        RandomModel m = new RandomModel(5);
        SplittableRandom r = new SplittableRandom(1);
        float[] x = new float[20 * 784];
        int[] y = new int[20];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        Arrays.setAll(y, i -> i % 10);
        Dataset d = new Dataset("fashion-like", x, y, 784, 10);
        // Any rule: the recipes differ in learning rates only. Zero epochs: the network as the run starts.
        TrainConfig c = Recipes.images("fa", 5, 500).toBuilder().epochs(0).build();
        FeedForwardNet start = new Trainer(c, TrainingListener.NONE).trainNetwork("fa", d, d).network();
        FeedForwardNet net = m.network();
        assertArrayEquals(new int[] {784, 500, 10}, net.sizes());
        for (int l = 0; l < 2; l++) {
            assertArrayEquals(start.weights[l], net.weights[l]);
            assertArrayEquals(start.biases[l], net.biases[l]);
            assertEquals(start.activation(l + 1), net.activation(l + 1));
        }
        assertEquals(List.of("hidden1", "output"), m.layers());
        assertEquals(List.of("hidden1", "hidden2", "output"), new RandomModel(5, 64, 32).layers());
    }

    @Test
    void reproducibleBySeedAndStandardisedByTheImagesThemselves() {
        List<StimulusImage> ims = NetworkModelTest.images(40, 28, 8);
        Features a = new RandomModel(11).activations("hidden1", ims);
        Features b = new RandomModel(11).activations("hidden1", ims);
        Features other = new RandomModel(12).activations("hidden1", ims);
        assertArrayEquals(a.values(), b.values());
        assertFalse(Arrays.equals(a.values(), other.values()));
        assertEquals(500, a.units());

        // Independent: the images' pooled mean and standard deviation (two passes in double), then the definitions.
        float[] all = ImageInput.forInputs(ims, 784);
        double mean = 0;
        for (float v : all) {
            mean += v;
        }
        mean /= all.length;
        double var = 0;
        for (float v : all) {
            var += (v - mean) * (v - mean);
        }
        InputTransform t = new InputTransform(true, (float) mean, (float) Math.sqrt(var / all.length));
        FeedForwardNet net = new RandomModel(11).network();
        Features out = new RandomModel(11).activations("output", ims);
        for (int s = 0; s < ims.size(); s += 7) {
            double[][] e = NetworkModelTest.plainForward(net, t, ImageInput.grey(ims.get(s), 28));
            for (int u = 0; u < 500; u += 13) {
                assertEquals(e[1][u], a.value(s, u), 2e-5);
            }
            for (int u = 0; u < 10; u++) {
                assertEquals(e[2][u], out.value(s, u), 2e-5);
            }
        }
    }
}
