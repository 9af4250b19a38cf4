package org.plasticity.layered.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.DataException;
import org.plasticity.Version;
import org.plasticity.layered.data.Xor;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.InputTransform;
import org.plasticity.layered.training.Recipes;
import org.plasticity.layered.training.TrainConfig;
import org.plasticity.layered.training.TrainedNetwork;
import org.plasticity.layered.training.Trainer;
import org.plasticity.layered.training.TrainingListener;
import org.plasticity.numeric.Npy;

/**
 * Checkpoints: a written one reads back bit for bit; numpy opens it and computes the same forward pass; Java reads one
 * that numpy wrote (tools/fixtures/checkpoint_fixtures.py); every kind of bad file is one line naming it.
 */
class CheckpointTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/checkpoint");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path tmp;

    /** Two hidden layers, standardised inputs, a few epochs of backprop on XOR: small, but every part is there. */
    static TrainedNetwork trained() {
        TrainConfig c = Recipes.xor("bp", 3).toBuilder().hidden(6, 5).standardize(true).epochs(30).build();
        return new Trainer(c, TrainingListener.NONE).trainNetwork("bp", Xor.dataset(), Xor.dataset());
    }

    @Test
    void roundTripIsBitIdentical() throws IOException {
        TrainedNetwork t = trained();
        Checkpoint c = Checkpoint.of(t, "xor");
        Path f = tmp.resolve("model.ckpt");
        c.write(f);
        Checkpoint r = Checkpoint.read(f);
        FeedForwardNet a = t.network();
        FeedForwardNet b = r.network();
        assertArrayEquals(new int[] {2, 6, 5, 2}, b.sizes());
        for (int l = 0; l < a.layers(); l++) {
            assertArrayEquals(a.weights[l], b.weights[l], "W" + (l + 1));
            assertArrayEquals(a.biases[l], b.biases[l], "b" + (l + 1));
            assertEquals(a.activation(l + 1), b.activation(l + 1));
        }
        assertEquals(t.input(), r.input());
        assertTrue(r.input().standardize());
        assertEquals(0.5f, r.input().mean()); // XOR's inputs: half zeros, half ones
        assertEquals(0.5f, r.input().std());
        assertEquals("bp", r.rule());
        assertEquals("xor", r.data());
        assertEquals(3, r.seed());
        assertEquals(Version.get(), r.version());
        assertEquals(t.result().last().trainAccuracy(), r.trainAccuracy(), 0.0);
        assertEquals(t.result().last().testAccuracy(), r.testAccuracy(), 0.0);
        assertEquals(c.config(), r.config());
        assertEquals(List.of(6L, 5L), r.config().get("hidden"));
        assertEquals(0.9, r.config().get("momentum"));
        float[] x = {0, 0, 0, 1, 1, 0, 1, 1, 0.25f, 0.75f};
        assertArrayEquals(forward(a, t.input(), x, 5), forward(b, r.input(), x, 5), "the same forward pass");
    }

    @Test
    void writingIsDeterministicAtomicAndReplaces() throws IOException {
        Checkpoint c = Checkpoint.of(trained(), "xor");
        Path f = tmp.resolve("model.ckpt");
        Files.writeString(f, "an older file");
        c.write(f);
        byte[] first = Files.readAllBytes(f);
        c.write(f);
        assertArrayEquals(first, Files.readAllBytes(f), "same content, same bytes");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(f), s.toList(), "no temporary file left");
        }
        Path missing = tmp.resolve("no-such-folder").resolve("model.ckpt");
        assertThrows(IOException.class, () -> c.write(missing));
        assertFalse(Files.exists(missing.getParent()));
    }

    @Test
    void metaJsonHasTheDocumentedFields() throws IOException {
        Path f = tmp.resolve("model.ckpt");
        Checkpoint.of(trained(), "xor").write(f);
        Map<String, byte[]> entries = entries(f);
        assertEquals(List.of("meta.json", "W1.npy", "b1.npy", "W2.npy", "b2.npy", "W3.npy", "b3.npy"),
                new ArrayList<>(entries.keySet()));
        Object parsed = assertDoesNotThrowParse(new String(entries.get("meta.json"), StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) parsed;
        assertEquals(List.of("format", "format_version", "version", "rule", "data", "seed", "sizes",
                "hidden_activation", "output_activation", "input_transform", "config", "final_train_accuracy",
                "final_test_accuracy"), new ArrayList<>(m.keySet()));
        assertEquals("plasticity-checkpoint", m.get("format"));
        assertEquals(1L, m.get("format_version"));
        assertEquals(List.of(2L, 6L, 5L, 2L), m.get("sizes"));
        assertEquals(Map.of("type", "standardize", "mean", 0.5, "std", 0.5), m.get("input_transform"));
        Npy.Array w2 = Npy.read(new java.io.ByteArrayInputStream(entries.get("W2.npy")), "W2");
        assertEquals("<f4", w2.dtype());
        assertArrayEquals(new int[] {5, 6}, w2.shape(), "W_l is n_l x n_(l-1)");
    }

    private static Object assertDoesNotThrowParse(String text) {
        try {
            return Json.parse(text);
        } catch (Json.SyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** numpy's np.load opens the file, and its forward pass (tools: forward.py beside the fixtures) equals ours. */
    @Test
    void numpyLoadsItAndComputesTheSameForwardPass() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        assumeTrue(new ProcessBuilder(PYTHON.toString(), "-c", "import numpy").start().waitFor() == 0, "no numpy");
        TrainedNetwork t = trained();
        Path f = tmp.resolve("model.ckpt");
        Checkpoint.of(t, "xor").write(f);
        float[] x = {0, 0, 0, 1, 1, 0, 1, 1, 0.25f, 0.75f, -1, 2};
        Path in = tmp.resolve("inputs.npy");
        try (OutputStream o = Files.newOutputStream(in)) {
            Npy.write(o, new int[] {6, 2}, x);
        }
        Process p = new ProcessBuilder(PYTHON.toString(), FIXTURES.resolve("forward.py").toString(), f.toString(),
                in.toString(), tmp.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        FeedForwardNet net = t.network();
        Activity act = net.newActivity(6);
        net.forward(t.input().apply(x), 0, 6, act);
        for (int l = 1; l <= net.layers(); l++) {
            Npy.Array got = Npy.read(tmp.resolve("layer" + l + ".npy"));
            assertArrayEquals(new int[] {6, net.size(l)}, got.shape());
            for (int i = 0; i < got.values().length; i++) {
                assertEquals(act.e[l][i], got.values()[i], 1e-5, "layer " + l + " value " + i);
            }
        }
    }

    /** A checkpoint numpy wrote (np.savez, then meta.json added with zipfile) reads, and computes numpy's values. */
    @Test
    void readsACheckpointNumpyWrote() {
        Checkpoint c = Checkpoint.read(FIXTURES.resolve("numpy_written.ckpt"));
        assertArrayEquals(new int[] {16, 5, 3}, c.sizes());
        assertEquals(new InputTransform(true, 0.25f, 0.4f), c.input());
        assertEquals("numpy-fixture", c.version());
        assertTrue(Double.isNaN(c.testAccuracy()), "null accuracy");
        assertEquals(0.5, c.trainAccuracy(), 0.0);
        Npy.Array x = Npy.read(FIXTURES.resolve("numpy_inputs.npy"));
        float[] in = new float[x.values().length];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) x.values()[i];
        }
        FeedForwardNet net = c.network();
        Activity act = net.newActivity(8);
        net.forward(c.input().apply(in), 0, 8, act);
        double[] h = Npy.read(FIXTURES.resolve("numpy_hidden1.npy")).values();
        double[] out = Npy.read(FIXTURES.resolve("numpy_output.npy")).values();
        for (int i = 0; i < h.length; i++) {
            assertEquals(h[i], act.e[1][i], 1e-6, "hidden " + i);
        }
        for (int i = 0; i < out.length; i++) {
            assertEquals(out[i], act.e[2][i], 1e-6, "output " + i);
        }
    }

    @Test
    void everyBadFileIsOneLineNamingIt() throws IOException {
        Path good = tmp.resolve("good.ckpt");
        Checkpoint.of(trained(), "xor").write(good);
        byte[] bytes = Files.readAllBytes(good);
        Map<String, byte[]> ok = entries(good);
        String meta = new String(ok.get("meta.json"), StandardCharsets.UTF_8);

        bad("missing.ckpt", null, "no such file");
        Files.createDirectory(tmp.resolve("folder.ckpt"));
        bad("folder.ckpt", null, "is a folder");
        bad("text.ckpt", f -> write(f, "W1 = [[1, 2]]".getBytes(StandardCharsets.UTF_8)), "not a zip");
        bad("empty.ckpt", f -> write(f, new byte[0]), "not a zip");
        bad("truncated.ckpt", f -> write(f, java.util.Arrays.copyOf(bytes, bytes.length / 2)), "not a zip");
        bad("flipped.ckpt", f -> {
            byte[] b = bytes.clone();
            int at = indexOf(b, "W1.npy".getBytes(StandardCharsets.US_ASCII)) + 40; // inside W1's compressed data
            b[at] ^= 0x5A;
            write(f, b);
        }, "");
        bad("no-meta.ckpt", f -> zip(f, without(ok, "meta.json")), "no meta.json");
        bad("foreign.npz", f -> zip(f, with(ok, "meta.json", meta.replace("\"plasticity-checkpoint\"",
                "\"keras-weights\""))), "format 'keras-weights'");
        bad("newer.ckpt", f -> zip(f, with(ok, "meta.json", meta.replace("\"format_version\": 1",
                "\"format_version\": 3"))), "format_version 3 is newer");
        bad("json.ckpt", f -> zip(f, with(ok, "meta.json", meta.substring(0, meta.length() / 2))), "not valid JSON");
        bad("no-sizes.ckpt", f -> zip(f, with(ok, "meta.json", meta.replace("\"sizes\"", "\"widths\""))),
                "sizes is missing");
        bad("sizes.ckpt", f -> zip(f, with(ok, "meta.json", meta.replace("[2, 6, 5, 2]", "[2, 6, 4, 2]"))),
                "W2.npy has shape (5, 6), but meta.json's sizes need (4, 6)");
        bad("transposed.ckpt", f -> zip(f, with(ok, "W1.npy", npy(new int[] {2, 6}, new float[12]))),
                "W1.npy has shape (2, 6)");
        bad("no-bias.ckpt", f -> zip(f, without(ok, "b2.npy")), "no b2.npy");
        bad("extra.ckpt", f -> zip(f, with(ok, "W4.npy", npy(new int[] {2, 2}, new float[4]))),
                "unexpected entry 'W4.npy'");
        float[] nan = new float[30];
        nan[7] = Float.NaN;
        bad("nan.ckpt", f -> zip(f, with(ok, "W2.npy", npy(new int[] {5, 6}, nan))), "non-finite value");
        bad("f8.ckpt", f -> {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            Npy.write(o, new int[] {6}, new double[6]);
            zip(f, with(ok, "b1.npy", o.toByteArray()));
        }, "dtype <f8");
        bad("activation.ckpt", f -> zip(f, with(ok, "meta.json", meta.replace("\"hidden_activation\": \"sigmoid\"",
                "\"hidden_activation\": \"swish\""))),
                "hidden_activation must be one of sigmoid, tanh, relu, linear, softmax, hard-sigmoid, got \"swish\"");
        bad("disagree.ckpt", f -> zip(f, with(ok, "meta.json", meta.replace("\"seed\": 3,\n    \"hidden\"",
                "\"seed\": 4,\n    \"hidden\""))), "config.seed is 4 but the checkpoint's is 3");
        bad("transform.ckpt", f -> zip(f, with(ok, "meta.json", meta.replace("\"std\": 0.5", "\"std\": -0.5"))),
                "input_transform");
    }

    /** A convolutional checkpoint (format version 2) whose arch, input, sizes or arrays do not fit together. */
    @Test
    void everyBadConvolutionalFileIsOneLineNamingIt() throws IOException {
        Path good = tmp.resolve("conv.ckpt");
        Checkpoint.of(ConvCheckpointTest.trained(), "synthetic").write(good);
        Map<String, byte[]> ok = entries(good);
        String meta = new String(ok.get("meta.json"), StandardCharsets.UTF_8);
        String arch = "\"arch\": \"conv4k3p1:tanh,maxpool2,fc8:tanh\"";
        assertTrue(meta.contains(arch), meta);
        assertTrue(meta.contains("\"input\": [1, 8, 8]"), meta);
        bad("arch-token.ckpt", f -> zip(f, with(ok, "meta.json", meta.replace(arch,
                "\"arch\": \"conv4q3p1:tanh,maxpool2,fc8:tanh\""))), "arch \"conv4q3p1:tanh,maxpool2,fc8:tanh\" is no "
                + "layer list for a 1x8x8 input: unknown layer 'conv4q3p1:tanh'");
        bad("arch-fit.ckpt", f -> zip(f, with(ok, "meta.json", meta.replace(arch,
                "\"arch\": \"conv4k9:tanh,fc8:tanh\""))), "arch \"conv4k9:tanh,fc8:tanh\" is no layer list");
        bad("arch-kernel.ckpt", f -> zip(f, with(ok, "meta.json", meta.replace(arch,
                "\"arch\": \"conv4k5p2:tanh,maxpool2,fc8:tanh\""))),
                "W1.npy has shape (4, 1, 3, 3), but meta.json's arch and input need (4, 1, 5, 5)");
        bad("arch-sizes.ckpt", f -> zip(f, with(ok, "meta.json", meta.replace(arch,
                "\"arch\": \"conv4k3p1:tanh,maxpool2,fc9:tanh\""))), "sizes [64, 256, 8, 3] does not match arch");
        bad("no-arch.ckpt", f -> zip(f, with(ok, "meta.json", meta.replace("\"arch\"", "\"layers\""))),
                "arch is missing");
        bad("no-input.ckpt", f -> zip(f, with(ok, "meta.json", meta.replace("\"input\"", "\"image\""))),
                "input is missing");
        bad("input-size.ckpt", f -> zip(f, with(ok, "meta.json", meta.replace("\"input\": [1, 8, 8]",
                "\"input\": [1, 8, 9]"))), "input [1, 8, 9] holds 72 values, but sizes starts with 64");
        bad("input-shape.ckpt", f -> zip(f, with(ok, "meta.json", meta.replace("\"input\": [1, 8, 8]",
                "\"input\": [1, 64]"))), "input must be [channels, height, width]");
        bad("input-transposed.ckpt", f -> zip(f, with(ok, "meta.json", meta.replace("\"input\": [1, 8, 8]",
                "\"input\": [4, 4, 4]"))), "sizes [64, 256, 8, 3] does not match arch \"conv4k3p1:tanh,maxpool2,"
                + "fc8:tanh\" on a 4x4x4 input, whose layers have [64, 64, 8, 3] units");
        bad("flat-conv.ckpt", f -> zip(f, with(ok, "W1.npy", npy(new int[] {4, 9}, new float[36]))),
                "W1.npy has shape (4, 9)");
        bad("conv-bias.ckpt", f -> zip(f, with(ok, "b1.npy", npy(new int[] {256}, new float[256]))),
                "b1.npy has shape (256,), but meta.json's arch and input need (4,)");
        bad("config-arch.ckpt", f -> zip(f, with(ok, "meta.json", meta.replace("\"arch\": \"conv4k3p1,maxpool2,fc8\"",
                "\"arch\": \"conv4k3p1,fc8\""))), "config.arch is \"conv4k3p1,fc8\" but the checkpoint's arch is");
        bad("config-activation.ckpt", f -> zip(f, with(ok, "meta.json", meta.replace("\"activation\": \"tanh\"",
                "\"activation\": \"relu\""))), "config.activation is \"relu\"");
        bad("v1-conv.ckpt", f -> zip(f, with(ok, "meta.json", meta.replace("\"format_version\": 2",
                "\"format_version\": 1"))), "W1.npy has shape (4, 1, 3, 3), but meta.json's sizes need (256, 64)");
    }

    private interface Maker {
        void make(Path f) throws IOException;
    }

    private void bad(String name, Maker maker, String expected) throws IOException {
        Path f = tmp.resolve(name);
        if (maker != null) {
            maker.make(f);
        }
        DataException e = assertThrows(DataException.class, () -> Checkpoint.read(f), name);
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), name + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private static int indexOf(byte[] b, byte[] what) {
        for (int i = 0; i + what.length <= b.length; i++) {
            if (java.util.Arrays.equals(b, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private static void write(Path f, byte[] b) throws IOException {
        Files.write(f, b);
    }

    static Map<String, byte[]> entries(Path zipFile) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zipFile.toFile())) {
            Enumeration<? extends ZipEntry> all = z.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                try (InputStream in = z.getInputStream(e)) {
                    m.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return m;
    }

    private static Map<String, byte[]> with(Map<String, byte[]> m, String name, String text) {
        return with(m, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, byte[]> with(Map<String, byte[]> m, String name, byte[] b) {
        Map<String, byte[]> c = new LinkedHashMap<>(m);
        c.put(name, b);
        return c;
    }

    private static Map<String, byte[]> without(Map<String, byte[]> m, String name) {
        Map<String, byte[]> c = new LinkedHashMap<>(m);
        c.remove(name);
        return c;
    }

    private static byte[] npy(int[] shape, float[] v) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        Npy.write(o, shape, v);
        return o.toByteArray();
    }

    static void zip(Path f, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
    }

    /** @return the network's outputs for {@code rows} raw inputs, through the transform. */
    static float[] forward(FeedForwardNet net, InputTransform t, float[] x, int rows) {
        Activity act = net.newActivity(rows);
        net.forward(t.apply(x), 0, rows, act);
        return act.e[net.layers()].clone();
    }

    @Test
    void theTrainersNetworkAndTransformAreWhatTheCheckpointHolds() {
        TrainedNetwork t = trained();
        Checkpoint c = Checkpoint.of(t, "xor");
        t.network().weights[0][0] += 1f; // the checkpoint holds a copy
        assertNotEquals(t.network().weights[0][0], c.network().weights[0][0]);
        assertEquals(Activation.SIGMOID, c.network().activation(3), "XOR's recipe: sigmoid output");
    }
}
