package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The regime of the spontaneous state (docs/model.md#regime) as {@code flr} reports it: stderr and summary.json. */
class RegimeCliTest {
    /**
     * The example's network with beta 0.8 and 5 memories, where seed 11 draws beta lambda_max(J) = 1.053: past
     * criticality. Shorter runs and fewer tasks than the example, for speed.
     */
    static final String SUPERCRITICAL = """
            seed: 11
            network: {n: 100, memories: 5, beta: 0.8, sigma: 0.2, dt: 0.05, random_part: 0.0}
            simulation: {burn_in: 200, duration: 200, trials: 8, sample_every: 5}
            task: {type: io-mapping, gamma: 0.1, count: 3}
            rule: hebbian
            speed: {method: quasi-static}
            learning: {enabled: false}
            """;

    @TempDir
    Path tmp;

    private JsonNode run(String config, String name, List<String> errLines) throws IOException {
        Path cfg = Files.writeString(tmp.resolve(name + ".yaml"), config);
        Path out = tmp.resolve(name);
        CliTest.Run r = CliTest.run("flr", "--config", cfg.toString(), "--out", out.toString(), "--threads", "2",
                "-q");
        assertEquals(0, r.code(), r.err());
        errLines.addAll(r.err().lines().filter(l -> !l.isBlank()).toList());
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("regime");
    }

    @Test
    void belowCriticalityIsOkAndSilent() throws IOException {
        List<String> err = new java.util.ArrayList<>();
        JsonNode regime = run(CliTest.SMALL, "below", err);
        assertEquals("ok", regime.get("status").asText(), regime.toString());
        assertEquals(0, regime.get("reasons").size());
        assertTrue(regime.get("linear_gain").asDouble() < 0.9, regime.toString());
        assertFalse(err.stream().anyMatch(l -> l.contains("regime")), err.toString());
    }

    @Test
    void pastCriticalityIsFlaggedOnStderrAndInSummary() throws IOException {
        List<String> err = new java.util.ArrayList<>();
        JsonNode regime = run(SUPERCRITICAL, "above", err);
        assertEquals("supercritical", regime.get("status").asText(), regime.toString());
        assertEquals("supercritical", regime.get("reasons").get(0).asText());
        assertEquals(1.053, regime.get("linear_gain").asDouble(), 5e-4);
        for (String key : List.of("mean_state_gain", "top_eigenvalue_relative_se", "between_trial_share",
                "opposed_overlap", "thresholds")) {
            assertTrue(regime.has(key), "regime has " + key);
        }
        List<String> warnings = err.stream().filter(l -> l.startsWith("warning: regime supercritical")).toList();
        assertEquals(1, warnings.size(), err.toString());
        String w = warnings.get(0);
        assertTrue(w.contains("beta*lambda_max(J) = 1.053 >= 1.0"), w);
        assertTrue(w.contains("linear response assumed by FLR1/FLR2 does not hold; predictions may disagree"), w);
    }
}
