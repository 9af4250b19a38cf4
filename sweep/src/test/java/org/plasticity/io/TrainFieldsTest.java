package org.plasticity.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.plasticity.ConfigException;
import org.plasticity.layered.credit.CreditRules;
import org.plasticity.layered.credit.RuleSetting;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Loss;
import org.plasticity.layered.training.Recipes;
import org.plasticity.layered.training.TrainConfig;

/** The layered config's one spelling: what is written reads back equal, and bad keys are named. */
class TrainFieldsTest {
    private static final TrainFields.Problems KEYED = ConfigException::new;
    @TempDir
    Path tmp;

    static java.util.List<String> rules() {
        return CreditRules.ids();
    }

    private TrainConfig roundTrip(TrainConfig c, String rule, String data) throws IOException {
        Path file = tmp.resolve(rule + "-" + data + ".yaml");
        Files.writeString(file, TrainFields.yaml(TrainFields.write(c, rule, data)));
        return TrainFields.config(TrainFields.read(file), c.seed(), KEYED);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void readOfWriteIsTheSameConfig(String rule) throws IOException {
        assertEquals(Recipes.xor(rule, 3), roundTrip(Recipes.xor(rule, 3), rule, "xor"));
        assertEquals(Recipes.images(rule, 4, 500), roundTrip(Recipes.images(rule, 4, 500), rule, "fashion-mnist"));
        TrainConfig.Builder b = Recipes.xor(rule, 7).toBuilder().hidden(5, 3).epochs(17).batchSize(2)
                .rates(0.123456789, 1e-7).momentum(0.5).weightDecay(3e-9).trainLimit(3).testLimit(2)
                .hiddenActivation(Activation.TANH).outputActivation(Activation.SOFTMAX).loss(Loss.CROSS_ENTROPY)
                .init(Init.KAIMING_UNIFORM).initGain(0.7).standardize(true).probe(3);
        for (RuleSetting s : CreditRules.settings()) {
            b.setting(s.key(), s.isFlag() ? !(Boolean) s.defaultValue() : (Double) s.defaultValue() * 0.37);
        }
        TrainConfig changed = b.build();
        assertEquals(changed, roundTrip(changed, rule, "xor"));
    }

    @Test
    void badKeysAndValuesAreNamed() {
        Map<String, JsonNode> f = new LinkedHashMap<>();
        JsonNodeFactory n = JsonNodeFactory.instance;
        f.put("rule", n.textNode("np"));
        f.put("data", n.textNode("xor"));
        f.put("np_sigmaa", n.numberNode(0.1));
        ConfigException e = assertThrows(ConfigException.class, () -> TrainFields.config(f, 1, KEYED));
        assertEquals("np_sigmaa", e.key());
        f.remove("np_sigmaa");
        f.put("np_sigma", n.textNode("big"));
        assertEquals("np_sigma", assertThrows(ConfigException.class, () -> TrainFields.config(f, 1, KEYED)).key());
        f.put("np_sigma", n.numberNode(0.1));
        f.put("output_lr", n.numberNode(-1));
        e = assertThrows(ConfigException.class, () -> TrainFields.config(f, 1, KEYED));
        assertEquals("output_lr", e.key());
        assertTrue(e.getMessage().contains("got -1.0"), e.getMessage());
        f.put("output_lr", n.numberNode(0.5));
        assertEquals(0.1, TrainFields.config(f, 1, KEYED).settings().number("np_sigma"));
    }

    @Test
    void everyRuleSettingIsATrainKey() {
        for (RuleSetting s : CreditRules.settings()) {
            assertTrue(TrainFields.names().contains(s.key()), s.key());
        }
    }
}
