package org.plasticity.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plasticity.ConfigException;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.config.SpeedConfig;

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
        assertEquals(FlrConfig.defaults(), ConfigReader.read(Path.of("..", "examples", "flr-io-mapping.yaml")));
        assertEquals(FlrConfig.defaults(), ConfigReader.parse(VALID, "t"));
    }

    @Test
    void setOverridesKeysBeforeTheConfigIsChecked() {
        Path example = Path.of("..", "examples", "flr-io-mapping.yaml");
        FlrConfig c = ConfigReader.read(example, List.of("rule=node-perturbation", "network.beta=0.8",
                "task.count=12"));
        FlrConfig d = FlrConfig.defaults();
        assertEquals("node-perturbation", c.rule());
        assertEquals(0.8, c.network().beta());
        assertEquals(12, c.task().count());
        assertEquals(d.network().n(), c.network().n(), "keys not set keep the file's values");
        assertEquals(d, ConfigReader.read(example, List.of()));
        ConfigException bad = assertThrows(ConfigException.class, () -> ConfigReader.read(example,
                List.of("network.beta")));
        assertEquals("--set", bad.key());
        assertThrows(ConfigException.class, () -> ConfigReader.read(example, List.of("network..beta=1")));
        ConfigException range = assertThrows(ConfigException.class, () -> ConfigReader.read(example,
                List.of("network.beta=-1")));
        assertTrue(range.getMessage().contains("beta"), range.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class, () -> ConfigReader.read(example,
                List.of("network.bta=1")));
        assertTrue(unknown.getMessage().contains("bta"), unknown.getMessage());
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

    private static ConfigException refused(String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigReader.parse(text, "t.yaml"));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e;
    }

    /** Duplicate keys passed silently, the later value winning. */
    @Test
    void duplicateKeysAreRefused() {
        ConfigException top = refused(VALID + "rule: target-error\n");
        assertEquals("rule", top.key());
        assertTrue(top.getMessage().contains("duplicate key"), top.getMessage());
        assertEquals("network.n", refused(VALID.replace("n: 100,", "n: 100, n: 50,")).key());
        assertEquals("network", refused(VALID + "network: {n: 10}\n").key());
    }

    /** A second YAML document was ignored. */
    @Test
    void aSecondDocumentIsRefused() {
        ConfigException e = refused(VALID + "---\nseed: 7\n");
        assertEquals("t.yaml", e.key());
        assertTrue(e.getMessage().contains("second YAML document"), e.getMessage());
        // A leading document marker is one document.
        assertEquals(FlrConfig.defaults(), ConfigReader.parse("---\n" + VALID, "t.yaml"));
    }

    /** YAML 1.1 reads 024 as octal 20; the reader of the file sees 24. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"n: 100|n: 024|network.n", "count: 24|count: 012|task.count",
        "seed: 42|seed: 042|seed", "duration: 1000|duration: 01000.5|simulation.duration"})
    void leadingZeroNumbersAreRefusedAsAmbiguous(String from, String to, String key) {
        ConfigException e = refused(VALID.replace(from, to));
        assertEquals(key, e.key());
        assertTrue(e.getMessage().contains("is ambiguous (octal in YAML 1.1)"), e.getMessage());
    }

    @Test
    void zeroAndDecimalsStillRead() {
        FlrConfig c = ConfigReader.parse(VALID.replace("random_part: 0.0", "random_part: 0")
                .replace("gamma: 0.1", "gamma: 0.10"), "t");
        assertEquals(0.0, c.network().randomPart());
        assertEquals(0.1, c.task().gamma());
    }

    /** .nan and .inf were called malformed numbers. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"beta: 0.6|beta: .nan|network.beta", "gamma: 0.1|gamma: .inf|task.gamma",
        "sigma: 0.2|sigma: -.Inf|network.sigma", "duration: 1000|duration: .NaN|simulation.duration"})
    void nonFiniteNumbersAreCalledNotFinite(String from, String to, String key) {
        ConfigException e = refused(VALID.replace(from, to));
        assertEquals(key, e.key());
        assertTrue(e.getMessage().contains("must be finite"), e.getMessage());
    }

    /** Said "MalformedInput: Input length = 1". */
    @Test
    void nonUtf8FilesNameTheByte(@TempDir Path dir) throws Exception {
        byte[] bytes = "seed: 1\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.yaml"), bytes);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigReader.read(file));
        assertEquals(file + ": not UTF-8 text (byte 8)", e.getMessage());
    }

    /** A 1 MB value took seconds to parse and was echoed whole; 50 MB ran past a minute. */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void largeFilesAreRefusedUnreadAndLongValuesCut(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("huge.yaml");
        try (var out = Files.newOutputStream(huge)) {
            out.write("rule: \"".getBytes(StandardCharsets.US_ASCII));
            byte[] block = "a".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 800; i++) { // 50 MiB
                out.write(block);
            }
            out.write("\"\n".getBytes(StandardCharsets.US_ASCII));
        }
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigReader.read(huge));
        assertTrue(e.getMessage().startsWith(huge + ": is 52428809 bytes; a config file may have at most"),
                e.getMessage());
        String value = "a".repeat(500_000);
        for (String text : List.of("seed: \"" + value + "\"\n", VALID.replace("rule: hebbian", "rule: " + value),
                VALID.replace("type: io-mapping", "type: " + value), VALID + "k".repeat(500) + ": 1\n")) {
            ConfigException cut = refused(text);
            assertTrue(cut.getMessage().length() < 300 && cut.getMessage().contains("..."), cut.getMessage());
        }
    }
}
