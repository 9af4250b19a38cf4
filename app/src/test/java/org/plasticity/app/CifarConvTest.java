package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.layered.data.Cifar10Format;

/**
 * The CIFAR-10 command of the docs on files in the real binary format (synthetic images, since the data set cannot
 * be installed here): {@code compare --rules bp,fa,np,burstprop --arch payeur-cifar --data cifar10 --data-dir DIR}
 * reads the six batch files, builds Payeur et al.'s network on 3 x 32 x 32 inputs and trains every rule.
 */
class CifarConvTest {
    @TempDir
    Path tmp;

    /** {@code records} images: a label byte, then the red, green and blue planes; class k brightens row band k. */
    private static byte[] batch(int records, SplittableRandom rng) {
        byte[] b = new byte[records * Cifar10Format.RECORD];
        for (int r = 0; r < records; r++) {
            int label = rng.nextInt(Cifar10Format.CLASSES);
            int at = r * Cifar10Format.RECORD;
            b[at] = (byte) label;
            for (int j = 0; j < Cifar10Format.FEATURES; j++) {
                int row = j % 1024 / 32;
                int v = rng.nextInt(96) + (row / 3 == label ? 150 : 0);
                b[at + 1 + j] = (byte) v;
            }
        }
        return b;
    }

    @Test
    void payeurNetworkTrainsEveryRuleOnCifarFiles() throws IOException {
        Path dir = tmp.resolve("cifar-10-batches-bin");
        Files.createDirectories(dir);
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 1; i <= 5; i++) {
            Files.write(dir.resolve("data_batch_" + i + ".bin"), batch(24, rng));
        }
        Files.write(dir.resolve("test_batch.bin"), batch(30, rng));
        Path out = tmp.resolve("cifar");
        CliTest.Run r = CliTest.run("compare", "--rules", "bp,fa,np,burstprop", "--arch", "payeur-cifar",
                "--data", "cifar10", "--data-dir", dir.toString(), "--epochs", "1", "--out", out.toString(),
                "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        List<String> rules = new ArrayList<>();
        for (JsonNode rule : summary.get("rules")) {
            rules.add(rule.get("rule").asText());
            JsonNode sizes = rule.get("config").get("layers");
            // 3 x 32 x 32 in; 64 x 14 x 14, 128 x 5 x 5, 256 x 3 x 3 maps; 1024 units; 10 classes
            assertEquals("[3072,12544,3200,2304,1024,10]", sizes.toString(), rule.get("rule").asText());
            assertEquals("conv64k5s2,conv128k5s2,conv256k3,fc1024", rule.get("config").get("arch").asText());
            double acc = rule.get("final_test_accuracy").asDouble();
            assertTrue(acc >= 0 && acc <= 1, "test accuracy " + acc);
        }
        assertEquals(List.of("bp", "fa", "np", "burstprop"), rules);
        assertEquals(120, summary.get("data").get("train_examples").asInt());
        assertEquals(3072, summary.get("data").get("features").asInt());
    }
}
