package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.app.CliTest.Run;
import org.plasticity.app.extension.SignBackprop;
import org.plasticity.layered.credit.CreditRules;
import org.plasticity.layered.training.CreditRuleContractTest;
import org.plasticity.layered.training.Recipes;

/**
 * A credit rule added as docs/extending.md describes, one class plus one {@code META-INF/services} line (here on the
 * test class path, {@link SignBackprop}), is picked up everywhere without another edit: the registry, the contract
 * tests, the recipes, the command line (name, help, its setting as an option, a run) and train sweeps.
 */
class ExtensionRuleTest {
    private static final String RULE = SignBackprop.TYPE.id();
    @TempDir
    Path tmp;

    @Test
    void theRegistryAndTheContractTestsHaveIt() throws Exception {
        assertTrue(CreditRules.ids().contains(RULE), CreditRules.ids().toString());
        assertEquals(RULE, CreditRules.canonical("sign-backprop"));
        assertTrue(CreditRuleContractTest.rules().contains(RULE));
        assertTrue(CreditRules.settings().contains(SignBackprop.STEP));
        CreditRuleContractTest.finiteDirections(RULE);
        CreditRuleContractTest.solvesXor(RULE);
        CreditRuleContractTest.sameNumbersAtAnyThreadCount(RULE);
    }

    @Test
    void theRecipesUseItsRates() {
        assertEquals(SignBackprop.TYPE.recipe().xorLr(), Recipes.xor(RULE, 1).lr());
        assertEquals(SignBackprop.TYPE.recipe().xorEpochs(), Recipes.xor(RULE, 1).epochs());
        assertEquals(SignBackprop.TYPE.recipe().imagesOutputLr(), Recipes.images(RULE, 1, 10).outputLr());
    }

    @Test
    void theCommandLineListsAndRunsIt() throws IOException {
        for (String command : List.of("train", "compare")) {
            String help = CliTest.run(command, "--help").out();
            assertTrue(help.contains(RULE) && help.contains(SignBackprop.TYPE.help()), help);
            assertTrue(help.contains("--sign-step=S"), help);
        }
        Path out = tmp.resolve("train");
        Run r = CliTest.run("train", "--rule", RULE, "--data", "xor", "--epochs", "20", "--sign-step", "0.02",
                "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        JsonNode rule = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("rules").get(0);
        assertEquals(RULE, rule.get("rule").asText());
        assertEquals(0.02, rule.get("config").get("rule_params").get("sign_step").asDouble());

        Path config = Files.writeString(tmp.resolve("sign.yaml"), "rule: " + RULE + "\ndata: xor\nepochs: 20\n"
                + "sign_step: 0.03\n");
        Path fromFile = tmp.resolve("config");
        r = CliTest.run("compare", "--config", config.toString(), "--out", fromFile.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        rule = new ObjectMapper().readTree(fromFile.resolve("summary.json").toFile()).get("rules").get(0);
        assertEquals(0.03, rule.get("config").get("rule_params").get("sign_step").asDouble());
    }

    @Test
    void aTrainSweepRunsIt() throws IOException {
        Path spec = Files.writeString(tmp.resolve("sweep.yaml"), """
                experiment: train
                seed: 3
                base: {data: xor, epochs: 20}
                grid:
                  rule: [bp, %s]
                  sign_step: [0.01, 0.02]
                """.formatted(RULE));
        Path out = tmp.resolve("sweep");
        Run r = CliTest.run("sweep", "--spec", spec.toString(), "--out", out.toString(), "-q", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(5, rows.size(), String.join("\n", rows));
        assertEquals(2, rows.stream().filter(l -> l.contains("," + RULE + ",")).count(), String.join("\n", rows));
    }
}
