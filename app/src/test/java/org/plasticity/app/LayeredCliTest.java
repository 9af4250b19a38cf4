package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.app.CliTest.Run;

/** {@code train} and {@code compare}: the files and summary keys they promise, and one-line errors for bad input. */
class LayeredCliTest {
    static final List<String> RULE_KEYS = List.of("rule", "final_train_accuracy", "final_test_accuracy", "epochs",
            "wall_seconds", "weight_feedback_angles", "update_angles");

    @TempDir
    Path tmp;

    @Test
    void compareOnXorWritesEveryRuleAndEveryRuleSolvesIt() throws IOException {
        Path out = tmp.resolve("xor");
        Run r = CliTest.run("compare", "--rules", "bp,fa,dfa,np,burstprop,segdend", "--data", "xor", "--out",
                out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("summary.json", "epochs.csv", "results.md", "learning-curves.png", "alignment.png",
                "report.html")) {
            assertTrue(Files.size(out.resolve(f)) > 100, f);
        }
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("compare", s.get("command").asText());
        assertEquals(6, s.get("rules").size());
        for (JsonNode rule : s.get("rules")) {
            for (String k : RULE_KEYS) {
                assertTrue(rule.has(k), rule.get("rule") + " lacks " + k);
            }
            assertEquals(1.0, rule.get("final_test_accuracy").asDouble(), 0.0, rule.get("rule").asText());
            assertEquals(2, rule.get("update_angles").size(), "one angle per layer");
        }
        assertTrue(r.out().contains("| burstprop | xor |"), r.out());
        long rows = Files.readAllLines(out.resolve("epochs.csv")).size();
        assertEquals(1 + 5 * 2001 + 5001, rows, "a header, then epochs 0..E for each rule");
    }

    @Test
    void aSweepOverRulesAndLearningRates() throws IOException {
        Path out = tmp.resolve("sweep");
        Run r = CliTest.run("sweep", "--spec", Path.of("..", "sweeps", "rules-lr.yaml").toString(), "--out",
                out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(21, rows.size());
        assertTrue(rows.get(0).startsWith("index,id,seed,rule,lr,final_train_accuracy,final_test_accuracy"));
        assertTrue(rows.stream().anyMatch(l -> l.contains(",burstprop,3.0,1.0,1.0,")), "burstprop at lr 3 solves it");
        assertTrue(Files.size(out.resolve("final_test_accuracy-vs-lr.png")) > 5000, "one line per rule");
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws IOException {
        ObjectNode[] s = new ObjectNode[2];
        for (int t = 1; t <= 2; t++) {
            Path out = tmp.resolve("t" + t);
            Run r = CliTest.run("compare", "--rules", "fa,burstprop,np", "--data", "xor", "--epochs", "300",
                    "--threads", Integer.toString(t), "--out", out.toString(), "-q");
            assertEquals(0, r.code(), r.err());
            s[t - 1] = (ObjectNode) new ObjectMapper().readTree(out.resolve("summary.json").toFile());
            for (JsonNode rule : s[t - 1].get("rules")) {
                ((ObjectNode) rule).remove("wall_seconds");
            }
        }
        assertEquals(s[0].get("rules"), s[1].get("rules"));
        assertEquals(Files.readAllLines(tmp.resolve("t1/epochs.csv")).size(),
                Files.readAllLines(tmp.resolve("t2/epochs.csv")).size());
    }

    @Test
    void badInputGetsOneLineAndNoResultFolder() throws IOException {
        assertOneLineError("--rule", "train", "--rule", "hebb", "--data", "xor");
        assertOneLineError("--rules", "compare", "--rules", "bp,nope", "--data", "xor");
        assertOneLineError("--data", "train", "--rule", "bp", "--data", "imagenet");
        assertOneLineError("--layers", "train", "--rule", "bp", "--data", "xor", "--layers", "3,8,2");
        assertOneLineError("sigmoid hidden units", "train", "--rule", "burstprop", "--data", "xor",
                "--activation", "relu");
        assertOneLineError("--epochs", "train", "--rule", "bp", "--data", "xor", "--epochs", "-1");
        assertOneLineError("--data-dir", "train", "--rule", "bp", "--data", "cifar10");

        Path dir = Files.createDirectories(tmp.resolve("idx"));
        byte[] images = new byte[16 + 2 * 4];
        images[2] = 8;
        images[3] = 3;
        images[7] = 2; // 2 images of 28 x 28
        images[11] = 28;
        images[15] = 28;
        Files.write(dir.resolve("train-images-idx3-ubyte"), java.util.Arrays.copyOf(images, 20)); // truncated
        Files.write(dir.resolve("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 2, 1, 0});
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), images);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 2, 1, 0});
        String err = assertOneLineError("train-images-idx3-ubyte", "train", "--rule", "bp", "--data", "mnist",
                "--data-dir", dir.toString());
        assertTrue(err.contains("truncated"), err);
    }

    private String assertOneLineError(String expected, String... args) throws IOException {
        Path out = tmp.resolve("never");
        String[] all = java.util.Arrays.copyOf(args, args.length + 3);
        all[args.length] = "--out";
        all[args.length + 1] = out.toString();
        all[args.length + 2] = "-q";
        Run r = CliTest.run(all);
        assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        assertFalse(err.contains("Exception"), err);
        assertTrue(err.contains(expected), "'" + expected + "' in: " + err);
        assertFalse(Files.exists(out), "no result folder for a failed run");
        return err;
    }
}
