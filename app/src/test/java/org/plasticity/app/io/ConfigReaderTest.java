package org.plasticity.app.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plasticity.config.ConfigException;
import org.plasticity.config.FlrConfig;
import org.plasticity.config.SpeedConfig;

class ConfigReaderTest {
    static final String VALID = """
            seed: 42
            network: {n: 100, memories: 10, beta: 0.6, sigma: 0.2, dt: 0.05, random_part: 0.0}
            simulation: {burn_in: 200, duration: 1000, trials: 20, sample_every: 5}
            task: {type: io-mapping, gamma: 0.1, count: 24}
            rule: hebbian
            speed: {method: quasi-static}
            """;

    @Test
    void theExampleIsTheDemoDefaults() {
        assertEquals(FlrConfig.defaults(), ConfigReader.read(Path.of("..", "examples", "io-mapping.yaml")));
        assertEquals(FlrConfig.defaults(), ConfigReader.parse(VALID, "t"));
    }

    @Test
    void jsonIsReadToo() {
        String json = """
                {"seed": 1, "network": {"n": 10, "memories": 2, "beta": 0.5, "sigma": 0.3, "dt": 0.05},
                 "simulation": {"burn_in": 10, "duration": 20, "trials": 2, "sample_every": 1, "precision": "float"},
                 "task": {"type": "io-mapping", "gamma": 0.2, "count": 3}, "rule": "target-error",
                 "speed": {"method": "concurrent", "window": 50, "learners": 4},
                 "learning": {"enabled": false}}
                """;
        FlrConfig c = ConfigReader.parse(json, "t");
        assertEquals(10, c.network().n());
        assertEquals(SpeedConfig.Method.CONCURRENT, c.speed().method());
        assertEquals(4, c.speed().learners());
        assertEquals("target-error", c.rule());
        assertEquals(false, c.learning().enabled());
        assertEquals(0.0, c.network().randomPart());
    }

    /** Each mistake is reported with its dotted key, in one line. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "seed: 42|seed: x|seed",
        "  n: 100,|  n: 1,|network.n",
        "beta: 0.6|beta: 0|network.beta",
        "beta: 0.6|beta: -1|network.beta",
        "sigma: 0.2|sigma: -0.1|network.sigma",
        "dt: 0.05|dt: 5|network.dt",
        "memories: 10|memories: 200|network.memories",
        "trials: 20|trials: 1|simulation.trials",
        "duration: 1000|duration: 0|simulation.duration",
        "gamma: 0.1|gamma: 0|task.gamma",
        "type: io-mapping|type: xor|task.type",
        "rule: hebbian|rule: backprop|rule",
        "method: quasi-static|method: fast|speed.method",
        "method: quasi-static|method: quasi-static, bogus: 1|speed.bogus",
        "seed: 42|seed: 42\\nextra: 1|extra",
        "n: 100|n: 100.5|network.n",
        "beta: 0.6|beta: high|network.beta",
        "rule: hebbian|rule: [hebbian]|rule",
        "simulation: {burn_in: 200, duration: 1000, trials: 20, sample_every: 5}|simulation: 3|simulation",
    })
    void mistakesNameTheKey(String from, String to, String key) {
        String text = VALID.replace(from, to.replace("\\n", "\n"));
        assertTrue(!text.equals(VALID), "the test edits the config");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigReader.parse(text, "t"));
        assertEquals(key, e.key());
        assertTrue(e.getMessage().startsWith(key + ":"), e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "seed: 42\\n|seed",
        "rule: hebbian\\n|rule",
        ", gamma: 0.1|task.gamma",
        "speed: {method: quasi-static}\\n|speed",
    })
    void missingRequiredKeysAreNamed(String removed, String key) {
        String text = VALID.replace(removed.replace("\\n", "\n"), "");
        assertTrue(!text.equals(VALID), "the test edits the config");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigReader.parse(text, "t"));
        assertEquals(key, e.key());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void unreadableAndMalformedFilesAreNamed() {
        ConfigException missing = assertThrows(ConfigException.class, () -> ConfigReader.read(Path.of("no/such.yaml")));
        assertTrue(missing.getMessage().contains("no/such.yaml") && missing.getMessage().contains("no such file"));
        ConfigException broken = assertThrows(ConfigException.class, () -> ConfigReader.parse("a: [1, 2", "bad.yaml"));
        assertTrue(broken.getMessage().startsWith("bad.yaml: not valid YAML/JSON"), broken.getMessage());
        assertEquals(1, broken.getMessage().lines().count());
    }
}
