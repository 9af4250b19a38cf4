package org.plasticity.layered.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.Architecture;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Shape;
import org.plasticity.layered.training.Recipes;
import org.plasticity.layered.training.TrainConfig;
import org.plasticity.layered.training.TrainedNetwork;
import org.plasticity.layered.training.Trainer;
import org.plasticity.layered.training.TrainingListener;
import org.plasticity.numeric.Npy;

/**
 * Checkpoints of convolutional networks (format version 2): they read back bit for bit and compute the same forward
 * pass; the arch they store rebuilds the same layers; numpy opens them and, with its own convolution and pooling,
 * computes our activities.
 */
class ConvCheckpointTest {
    static final String ARCH = "conv4k3p1,maxpool2,fc8";
    static final int SIDE = 8;

    @TempDir
    Path tmp;

    /** @return random 1 x 8 x 8 images in [0, 1] with 3 random labels. */
    static Dataset images(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 48;
        float[] x = new float[n * SIDE * SIDE];
        int[] y = new int[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(3);
        }
        return new Dataset("synthetic", x, y, SIDE * SIDE, 3);
    }

    /** Two epochs of backprop on {@link #ARCH} with tanh units (not the recipe's sigmoid: an override to keep). */
    static TrainedNetwork trained() {
        TrainConfig c = Recipes.images("bp", 4, 8).toBuilder().arch(ARCH).hiddenActivation(Activation.TANH)
                .epochs(2).batchSize(8).build();
        return new Trainer(c, TrainingListener.NONE).trainNetwork("bp", images(1), images(2));
    }

    @Test
    void roundTripIsBitIdenticalAndDeterministic() throws IOException {
        TrainedNetwork t = trained();
        Checkpoint c = Checkpoint.of(t, "synthetic");
        Path f = tmp.resolve("conv.ckpt");
        c.write(f);
        Checkpoint r = Checkpoint.read(f);
        FeedForwardNet a = t.network();
        FeedForwardNet b = r.network();
        assertEquals(a.input(), b.input());
        assertEquals(3, b.layers());
        for (int l = 1; l <= a.layers(); l++) {
            assertEquals(a.layer(l), b.layer(l), "layer " + l);
            assertArrayEquals(a.weights[l - 1], b.weights[l - 1], "W" + l);
            assertArrayEquals(a.biases[l - 1], b.biases[l - 1], "b" + l);
        }
        assertEquals(Activation.TANH, b.activation(1));
        assertEquals(c.config(), r.config());
        assertEquals(ARCH, r.config().get("arch"));
        assertEquals(t.result().last().testAccuracy(), r.testAccuracy(), 0.0);
        float[] x = images(3).inputs();
        assertArrayEquals(CheckpointTest.forward(a, t.input(), x, 48), CheckpointTest.forward(b, r.input(), x, 48),
                "the same forward pass");
        byte[] first = Files.readAllBytes(f);
        c.write(f);
        assertArrayEquals(first, Files.readAllBytes(f), "same content, same bytes");
        Path again = tmp.resolve("again.ckpt");
        r.write(again);
        assertArrayEquals(first, Files.readAllBytes(again), "what was read writes the same bytes");
    }

    @Test
    void metaJsonHoldsArchAndInputAndArraysTheirNaturalShapes() throws IOException {
        Path f = tmp.resolve("conv.ckpt");
        Checkpoint.of(trained(), "synthetic").write(f);
        Map<String, byte[]> entries = CheckpointTest.entries(f);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) parse(new String(entries.get("meta.json"),
                StandardCharsets.UTF_8));
        assertEquals(List.of("format", "format_version", "version", "rule", "data", "seed", "sizes", "arch", "input",
                "hidden_activation", "output_activation", "input_transform", "config", "final_train_accuracy",
                "final_test_accuracy"), new ArrayList<>(m.keySet()));
        assertEquals(2L, m.get("format_version"));
        assertEquals("conv4k3p1:tanh,maxpool2,fc8:tanh", m.get("arch"));
        assertEquals(List.of(1L, 8L, 8L), m.get("input"));
        assertEquals(List.of(64L, 256L, 8L, 3L), m.get("sizes"), "units of a_l: 4 x 8 x 8 before pooling");
        assertEquals("tanh", m.get("hidden_activation"));
        int[][] shapes = {{4, 1, 3, 3}, {4}, {8, 64}, {8}, {3, 8}, {3}};
        String[] names = {"W1", "b1", "W2", "b2", "W3", "b3"};
        for (int i = 0; i < names.length; i++) {
            Npy.Array a = Npy.read(new ByteArrayInputStream(entries.get(names[i] + ".npy")), names[i]);
            assertArrayEquals(shapes[i], a.shape(), names[i]);
            assertEquals("<f4", a.dtype());
        }
    }

    /** The stored list rebuilds the same layers as the one it was made from, for every kind of token. */
    @Test
    void theStoredArchRebuildsTheSameLayers() {
        String[][] cases = {
            {"lenet", "conv6k5p2:relu,maxpool2,conv16k5:relu,maxpool2,conv120k5:relu,fc84:linear", "1"},
            {"payeur-cifar", "conv64k5s2:sigmoid,conv128k5s2:sigmoid,conv256k3:sigmoid,fc1024:sigmoid", "3"},
            {"conv4k3s2p1:linear,avgpool3s1,fc5,maxpool1", "conv4k3s2p1:linear,avgpool3s1,fc5:relu,maxpool1", "1"},
        };
        for (String[] k : cases) {
            Architecture.Named named = Architecture.named(k[0]);
            Activation hidden = named == null ? Activation.RELU : named.activation();
            Shape in = Integer.parseInt(k[2]) == 1 ? new Shape(1, 28, 28) : new Shape(3, 32, 32);
            FeedForwardNet net = new FeedForwardNet(in, Architecture.parse(k[0]).layers(in, 10, hidden,
                    Activation.SOFTMAX), Init.XAVIER_NORMAL, 1, new SplittableRandom(1));
            String spec = LayerList.spec(net);
            assertEquals(k[1], spec, k[0]);
            // read back with another default for the hidden units: the spelled-out tokens decide
            FeedForwardNet back = FeedForwardNet.of(in, Architecture.parse(spec).layers(in, 10, Activation.TANH,
                    Activation.SOFTMAX), net.weights, net.biases);
            for (int l = 1; l <= net.layers(); l++) {
                assertEquals(net.layer(l), back.layer(l), k[0] + " layer " + l);
            }
        }
    }

    /** numpy opens a conv checkpoint as PyTorch's layout and, convolving by the definition, gets our x_l. */
    @Test
    void numpyLoadsItAndComputesTheSameForwardPass() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        assumeTrue(new ProcessBuilder(python.toString(), "-c", "import numpy").start().waitFor() == 0, "no numpy");
        TrainedNetwork t = trained();
        Path f = tmp.resolve("conv.ckpt");
        Checkpoint.of(t, "synthetic").write(f);
        int rows = 5;
        float[] x = java.util.Arrays.copyOf(images(5).inputs(), rows * SIDE * SIDE);
        Path in = tmp.resolve("inputs.npy");
        try (OutputStream o = Files.newOutputStream(in)) {
            Npy.write(o, new int[] {rows, SIDE * SIDE}, x);
        }
        Process p = new ProcessBuilder(python.toString(), CheckpointTest.FIXTURES.resolve("forward.py").toString(),
                f.toString(), in.toString(), tmp.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        FeedForwardNet net = t.network();
        Activity act = net.newActivity(rows);
        net.forward(t.input().apply(x), 0, rows, act);
        for (int l = 1; l <= net.layers(); l++) {
            Npy.Array got = Npy.read(tmp.resolve("layer" + l + ".npy"));
            int units = net.layer(l).output().size();
            assertArrayEquals(new int[] {rows, units}, got.shape(), "layer " + l);
            for (int i = 0; i < got.values().length; i++) {
                assertEquals(act.x[l][i], got.values()[i], 1e-5, "layer " + l + " value " + i);
            }
        }
    }

    private static Object parse(String text) {
        try {
            return Json.parse(text);
        } catch (Json.SyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
