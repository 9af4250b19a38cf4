package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.ConfigException;
import org.plasticity.io.TrainFields;
import org.plasticity.layered.checkpoint.Checkpoint;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.data.IdxFormat;
import org.plasticity.layered.data.Xor;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.training.TrainConfig;

/**
 * {@code train --save}: the saved network scores on the test set exactly what the run reported, its config reads
 * back as the run's config, and a path that cannot be used is refused before training, leaving nothing behind.
 */
class TrainSaveTest {
    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static double accuracy(Checkpoint c, Dataset test) {
        FeedForwardNet net = c.network();
        Activity act = net.newActivity(test.size());
        net.forward(c.input().apply(test.inputs()), 0, test.size(), act);
        return (double) FeedForwardNet.correct(act, test.labels(), 0) / test.size();
    }

    private static JsonNode rule(Path out) throws IOException {
        return JSON.readTree(out.resolve("summary.json").toFile()).get("rules").get(0);
    }

    @Test
    void xorSavedInsideOutWithTheResults() throws IOException {
        Path out = tmp.resolve("run");
        Path save = out.resolve("models").resolve("bp.ckpt");
        CliTest.Run r = CliTest.run("train", "--rule", "bp", "--data", "xor", "--epochs", "300", "--seed", "4",
                "--out", out.toString(), "--save", save.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("checkpoint in " + save), r.out());
        Checkpoint c = Checkpoint.read(save);
        JsonNode summary = rule(out);
        assertEquals(summary.get("final_test_accuracy").asDouble(), accuracy(c, Xor.dataset()), 0.0);
        assertEquals(summary.get("final_test_accuracy").asDouble(), c.testAccuracy(), 0.0);
        assertEquals(summary.get("final_train_accuracy").asDouble(), c.trainAccuracy(), 0.0);
        assertEquals("bp", c.rule());
        assertEquals("xor", c.data());
        assertEquals(4, c.seed());
        assertArrayEquals(new int[] {2, 8, 2}, c.sizes());

        // The config is the run's, in the train config spelling: read back by TrainFields it is the same config.
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        c.config().forEach((k, v) -> keys.put(k, JSON.valueToTree(v)));
        TrainFields.Problems fail = (k, m) -> new ConfigException(k, m);
        TrainConfig saved = TrainFields.config(keys, c.seed(), fail);
        Map<String, JsonNode> given = new LinkedHashMap<>();
        given.put("rule", JSON.valueToTree("bp"));
        given.put("data", JSON.valueToTree("xor"));
        given.put("epochs", JSON.valueToTree(300));
        TrainConfig run = TrainFields.config(given, 4, fail);
        assertEquals(run, saved);
        List<String> names = new ArrayList<>();
        TrainFields.write(run, "bp", "xor").fieldNames().forEachRemaining(names::add);
        assertEquals(names, new ArrayList<>(c.config().keySet()), "the keys and order of a train config");
    }

    @Test
    void fashionMnistSubsetSavedElsewhere() throws IOException {
        assumeTrue("1".equals(System.getenv("PLASTICITY_REQUIRE_DATA")) || Files.isDirectory(FASHION),
                "Fashion-MNIST not installed (./setup installs it)");
        Path out = tmp.resolve("run");
        Path models = Files.createDirectory(tmp.resolve("models"));
        Path save = models.resolve("fa.ckpt");
        CliTest.Run r = CliTest.run("train", "--rule", "fa", "--data", "fashion-mnist", "--epochs", "1",
                "--train-limit", "600", "--test-limit", "400", "--hidden", "32", "--out", out.toString(), "--save",
                save.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        Checkpoint c = Checkpoint.read(save);
        Dataset test = IdxFormat.readDirectory(FASHION, false, "fashion-mnist/test").head(400);
        double reported = rule(out).get("final_test_accuracy").asDouble();
        assertEquals(reported, accuracy(c, test), 0.0);
        assertTrue(reported > 0.15, "above chance (0.1): " + reported);
        assertTrue(c.input().standardize());
        assertEquals("fashion-mnist", c.data());
        assertArrayEquals(new int[] {784, 32, 10}, c.sizes());
        try (Stream<Path> s = Files.list(models)) {
            assertEquals(List.of(save), s.toList(), "only the checkpoint, no temporary file");
        }
    }

    /** A convolutional network saved by train --arch reads back to the reported accuracy and the run's config. */
    @Test
    void convolutionalFashionMnistSubsetSaved() throws IOException {
        assumeTrue("1".equals(System.getenv("PLASTICITY_REQUIRE_DATA")) || Files.isDirectory(FASHION),
                "Fashion-MNIST not installed (./setup installs it)");
        Path out = tmp.resolve("run");
        Path save = out.resolve("bp.ckpt");
        String arch = "conv4k5s2,maxpool2,fc16";
        CliTest.Run r = CliTest.run("train", "--rule", "bp", "--data", "fashion-mnist", "--arch", arch, "--activation",
                "relu", "--epochs", "2", "--train-limit", "600", "--test-limit", "400", "--seed", "3", "--out", out.toString(), "--save",
                save.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        Checkpoint c = Checkpoint.read(save);
        Dataset test = IdxFormat.readDirectory(FASHION, false, "fashion-mnist/test").head(400);
        double reported = rule(out).get("final_test_accuracy").asDouble();
        assertEquals(reported, accuracy(c, test), 0.0);
        assertEquals(reported, c.testAccuracy(), 0.0);
        assertTrue(reported > 0.15, "above chance (0.1): " + reported);
        FeedForwardNet net = c.network();
        assertTrue(net.convolutional());
        assertArrayEquals(new int[] {784, 4 * 12 * 12, 16, 10}, c.sizes());
        assertEquals(arch, c.config().get("arch"));
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        c.config().forEach((k, v) -> keys.put(k, JSON.valueToTree(v)));
        TrainFields.Problems fail = (k, m) -> new ConfigException(k, m);
        TrainConfig saved = TrainFields.config(keys, c.seed(), fail);
        assertEquals(arch, saved.arch(), "the config reruns the same architecture");
        List<String> names = new ArrayList<>();
        TrainFields.write(saved, "bp", "fashion-mnist").fieldNames().forEachRemaining(names::add);
        assertEquals(names, new ArrayList<>(c.config().keySet()), "the keys and order of a train config");
    }

    @Test
    void unusablePathsAreRefusedBeforeTraining() throws IOException {
        Path out = tmp.resolve("run");
        Path missing = tmp.resolve("no-such-folder").resolve("m.ckpt");
        refused(out, missing, "--save: the folder " + missing.getParent() + " does not exist");
        assertFalse(Files.exists(missing.getParent()));
        refused(out, out, "is the --out folder");
        Path existing = Files.writeString(tmp.resolve("old.ckpt"), "keep me");
        refused(out, existing, "already exists; pass --force");
        assertEquals("keep me", Files.readString(existing));
        refused(out, tmp, "is the --out folder or holds it");

        CliTest.Run r = CliTest.run("train", "--rule", "bp", "--data", "xor", "--epochs", "20", "--out",
                out.toString(), "--save", existing.toString(), "--force", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals("bp", Checkpoint.read(existing).rule(), "--force replaces it");
    }

    private void refused(Path out, Path save, String message) throws IOException {
        CliTest.Run r = CliTest.run("train", "--rule", "bp", "--data", "xor", "--epochs", "20", "--out",
                out.toString(), "--save", save.toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}
