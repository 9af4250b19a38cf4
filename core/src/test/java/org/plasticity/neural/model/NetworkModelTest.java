package org.plasticity.neural.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.ConfigException;
import org.plasticity.DataException;
import org.plasticity.layered.checkpoint.Checkpoint;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.data.Xor;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.InputTransform;
import org.plasticity.layered.training.Recipes;
import org.plasticity.layered.training.TrainConfig;
import org.plasticity.layered.training.Trainer;
import org.plasticity.layered.training.TrainingListener;
import org.plasticity.neural.data.Features;
import org.plasticity.neural.data.StimulusImage;

/** A trained network's layers, loaded from its checkpoint, equal a plain re-computation of the forward pass. */
class NetworkModelTest {
    @TempDir
    Path tmp;

    /** Trains briefly on random inputs of {@code inputs} values in [0, 1] and saves the network. */
    static Path checkpoint(Path dir, int inputs, int... hidden) throws IOException {
        SplittableRandom r = new SplittableRandom(inputs);
        int n = 64;
        float[] x = new float[n * inputs];
        int[] y = new int[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(10);
        }
        Dataset d = new Dataset("synthetic", x, y, inputs, 10);
        TrainConfig c = Recipes.images("dfa", 9, hidden[0]).toBuilder().hidden(hidden).epochs(2).build();
        Path f = dir.resolve("net" + inputs + ".ckpt");
        Checkpoint.of(new Trainer(c, TrainingListener.NONE).trainNetwork("dfa", d, d), "synthetic").write(f);
        return f;
    }

    static List<StimulusImage> images(int count, int side, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<StimulusImage> list = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int[] rgb = new int[side * side];
            for (int i = 0; i < rgb.length; i++) {
                rgb[i] = r.nextInt(1 << 24);
            }
            list.add(new StimulusImage(String.format("im%04d.png", k), side, side, rgb));
        }
        return list;
    }

    /** e_1 .. e_L of one input vector, in double precision, straight from the definitions. */
    static double[][] plainForward(FeedForwardNet net, InputTransform t, float[] raw) {
        double[][] e = new double[net.layers() + 1][];
        e[0] = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            e[0][i] = t.standardize() ? (raw[i] - t.mean()) / t.std() : raw[i];
        }
        for (int l = 1; l <= net.layers(); l++) {
            int nIn = net.size(l - 1);
            double[] a = new double[net.size(l)];
            for (int j = 0; j < a.length; j++) {
                double s = net.biases[l - 1][j];
                for (int k = 0; k < nIn; k++) {
                    s += net.weights[l - 1][j * nIn + k] * e[l - 1][k];
                }
                a[j] = s;
            }
            e[l] = apply(net.activation(l).id(), a);
        }
        return e;
    }

    private static double[] apply(String f, double[] a) {
        double[] e = new double[a.length];
        double sum = 0;
        for (double v : a) {
            sum += Math.exp(v);
        }
        for (int j = 0; j < a.length; j++) {
            e[j] = switch (f) {
                case "sigmoid" -> 1 / (1 + Math.exp(-a[j]));
                case "softmax" -> Math.exp(a[j]) / sum;
                default -> throw new AssertionError(f);
            };
        }
        return e;
    }

    @Test
    void everyLayerEqualsAPlainForwardPass() throws IOException {
        Path f = checkpoint(tmp, 784, 30, 20);
        NetworkModel m = NetworkModel.open(f);
        Checkpoint c = Checkpoint.read(f);
        assertEquals(List.of("hidden1", "hidden2", "output"), m.layers());
        assertEquals(f.toString(), m.name());
        List<StimulusImage> ims = images(NetworkModel.BATCH + 44, 56, 3); // more than one batch
        for (int l = 1; l <= 3; l++) {
            String layer = m.layers().get(l - 1);
            Features got = m.activations(layer, ims);
            assertEquals(layer, got.layer());
            assertEquals(ims.size(), got.stimuli());
            assertEquals(c.sizes()[l], got.units());
            for (int s = 0; s < ims.size(); s += 37) {
                double[][] e = plainForward(c.network(), c.input(), ImageInput.grey(ims.get(s), 28));
                for (int u = 0; u < got.units(); u++) {
                    assertEquals(e[l][u], got.value(s, u), 1e-5, layer + " stimulus " + s + " unit " + u);
                }
            }
        }
        ConfigException e = assertThrows(ConfigException.class, () -> m.activations("hidden3", ims));
        assertTrue(e.getMessage().contains("layers: hidden1, hidden2, output"), e.getMessage());
    }

    @Test
    void colourNetworksGetChannelMajorColourInputs() throws IOException {
        Path f = checkpoint(tmp, 3 * 4 * 4, 7);
        NetworkModel m = NetworkModel.open(f);
        Checkpoint c = Checkpoint.read(f);
        List<StimulusImage> ims = images(5, 8, 4);
        Features got = m.activations("hidden1", ims);
        for (int s = 0; s < ims.size(); s++) {
            double[][] e = plainForward(c.network(), c.input(), ImageInput.colour(ims.get(s), 4));
            for (int u = 0; u < 7; u++) {
                assertEquals(e[1][u], got.value(s, u), 1e-5);
            }
        }
    }

    /**
     * A convolutional checkpoint's layer is what the next layer reads: hidden1 of conv4k3p1,maxpool2,fc8 on 8 x 8
     * images is the 4 x 4 x 4 max-pooled maps, here recomputed from the definitions in double precision.
     */
    @Test
    void aConvolutionalLayerGivesItsPooledMaps() throws IOException {
        int side = 8;
        SplittableRandom r = new SplittableRandom(8);
        float[] x = new float[40 * side * side];
        int[] y = new int[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextInt(10);
        }
        Dataset d = new Dataset("synthetic", x, y, side * side, 10);
        TrainConfig c = Recipes.images("bp", 2, 8).toBuilder().arch("conv4k3p1,maxpool2,fc8").epochs(1).build();
        Path f = tmp.resolve("conv.ckpt");
        Checkpoint.of(new Trainer(c, TrainingListener.NONE).trainNetwork("bp", d, d), "synthetic").write(f);
        NetworkModel m = NetworkModel.open(f);
        FeedForwardNet net = Checkpoint.read(f).network();
        InputTransform t = Checkpoint.read(f).input();
        assertEquals(List.of("hidden1", "hidden2", "output"), m.layers());
        List<StimulusImage> ims = images(6, 16, 5);
        Features got = m.activations("hidden1", ims);
        assertEquals(4 * 4 * 4, got.units());
        assertEquals(8, m.activations("hidden2", ims).units());
        assertEquals(10, m.activations("output", ims).units());
        for (int s = 0; s < ims.size(); s++) {
            float[] raw = ImageInput.grey(ims.get(s), side);
            double[] in = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                in[i] = (raw[i] - t.mean()) / t.std();
            }
            for (int o = 0; o < 4; o++) {
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < 4; j++) {
                        double best = Double.NEGATIVE_INFINITY;
                        for (int u = 0; u < 2; u++) {
                            for (int v = 0; v < 2; v++) {
                                best = Math.max(best, convUnit(net, in, side, o, 2 * i + u, 2 * j + v));
                            }
                        }
                        assertEquals(1 / (1 + Math.exp(-best)), got.value(s, (o * 4 + i) * 4 + j), 1e-5,
                                "stimulus " + s + " map " + o + " at " + i + "," + j);
                    }
                }
            }
        }
    }

    /** a[o, i, j] of a 3 x 3 convolution with padding 1 of one grey {@code side x side} image. */
    private static double convUnit(FeedForwardNet net, double[] in, int side, int o, int i, int j) {
        double a = net.biases[0][o];
        for (int u = 0; u < 3; u++) {
            for (int v = 0; v < 3; v++) {
                int yy = i + u - 1;
                int xx = j + v - 1;
                if (yy >= 0 && yy < side && xx >= 0 && xx < side) {
                    a += net.weights[0][o * 9 + u * 3 + v] * in[yy * side + xx];
                }
            }
        }
        return a;
    }

    @Test
    void aNetworkThatTakesNoImagesIsRefused() throws IOException {
        Path f = tmp.resolve("xor.ckpt");
        TrainConfig c = Recipes.xor("bp", 1).toBuilder().epochs(1).build();
        Checkpoint.of(new Trainer(c, TrainingListener.NONE).trainNetwork("bp", Xor.dataset(), Xor.dataset()), "xor")
                .write(f);
        DataException e = assertThrows(DataException.class, () -> NetworkModel.open(f));
        assertTrue(e.getMessage().startsWith(f + ": the network takes 2 inputs"), e.getMessage());
    }
}
