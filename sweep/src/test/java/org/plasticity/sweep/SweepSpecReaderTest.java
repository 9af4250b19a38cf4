package org.plasticity.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.plasticity.ConfigException;

/** Sweep specs: expansion, stable ids and seeds, and one-line errors before anything runs. */
class SweepSpecReaderTest {
    static final String BASE = """
            experiment: flr
            seed: 3
            base:
              network: {n: 30, memories: 3, beta: 0.5, sigma: 0.2, dt: 0.05}
              simulation: {burn_in: 30, duration: 80, trials: 4, sample_every: 5}
              task: {type: io-mapping, gamma: 0.1, count: 4}
              rule: hebbian
              speed: {method: quasi-static}
              learning: {enabled: false}
            """;

    static SweepSpec parse(String text) {
        return SweepSpecReader.parse(text, "spec.yaml", Path.of("."));
    }

    @Test
    void gridExpandsEveryCombinationFirstFieldSlowest() {
        SweepSpec s = parse(BASE + "grid:\n  network.beta: [0.3, 0.5, 0.7]\n  network.memories: [1, 2]\n");
        assertEquals(List.of("network.beta", "network.memories"), s.fields());
        assertEquals(6, s.points().size());
        assertEquals("0.3", s.points().get(0).values().get("network.beta"));
        assertEquals("2", s.points().get(1).values().get("network.memories"));
        assertEquals("0.5", s.points().get(2).values().get("network.beta"));
        Set<String> ids = new HashSet<>();
        Set<Long> seeds = new HashSet<>();
        s.points().forEach(p -> {
            ids.add(p.id());
            seeds.add(p.seed());
        });
        assertEquals(6, ids.size(), "distinct ids");
        assertEquals(6, seeds.size(), "distinct seeds");
    }

    @Test
    void idsAndSeedsDependOnThePointNotItsPosition() {
        SweepSpec a = parse(BASE + "grid:\n  network.beta: [0.3, 0.5]\n");
        SweepSpec b = parse(BASE + "grid:\n  network.beta: [0.1, 0.5]\n");
        assertEquals(a.points().get(1).id(), b.points().get(1).id());
        assertEquals(a.points().get(1).seed(), b.points().get(1).seed());
        assertNotEquals(a.points().get(0).id(), b.points().get(0).id());
        SweepSpec other = parse(BASE.replace("seed: 3", "seed: 4") + "grid:\n  network.beta: [0.3, 0.5]\n");
        assertEquals(a.points().get(1).id(), other.points().get(1).id(), "the id names the values");
        assertNotEquals(a.points().get(1).seed(), other.points().get(1).seed(), "the seed follows the sweep seed");
        SweepSpec seeded = parse(BASE + "grid:\n  seed: [11, 12]\n");
        assertEquals(11, seeded.points().get(0).seed(), "a swept seed is used as is");
    }

    @Test
    void listOfPoints() {
        SweepSpec s = parse(BASE + "points:\n  - {network.beta: 0.3}\n  - {network.beta: 0.6, task.gamma: 0.2}\n");
        assertEquals(2, s.points().size());
        assertEquals(List.of("network.beta", "task.gamma"), s.fields());
    }

    @Test
    void badSpecsFailWithOneLineNamingTheProblem() {
        assertError("unknown field 'gird'", BASE + "gird:\n  network.beta: [0.3]\n");
        assertError("grid.network.beta: empty list", BASE + "grid:\n  network.beta: []\n");
        assertError("exactly one of grid", BASE);
        assertError("network.betta", BASE + "grid:\n  network.betta: [0.3]\n");
        assertError("network.beta", BASE + "grid:\n  network.beta: [0.3, -1.0]\n");
        assertError("point 1", BASE + "grid:\n  network.beta: [0.3, -1.0]\n");
        assertError("experiment: unknown 'flrr'", BASE.replace("experiment: flr", "experiment: flrr")
                + "grid:\n  network.beta: [0.3]\n");
        assertError("seed: required", BASE.replace("seed: 3", "seed: x") + "grid:\n  network.beta: [0.3]\n");
        assertError("repeats another", BASE + "points:\n  - {network.beta: 0.3}\n  - {network.beta: 0.3}\n");
        String train = "experiment: train\nseed: 1\nbase: {data: xor}\n";
        assertError("rule: required", train + "grid:\n  lr: [0.1]\n");
        assertError("unknown rule 'hebb'", train + "grid:\n  rule: [bp, hebb]\n");
        assertError("lrr: unknown field", train + "grid:\n  rule: [bp]\n  lrr: [0.1]\n");
        assertError("lr: must be a number", train + "grid:\n  rule: [bp]\n  lr: [fast]\n");
        assertError("epochs", train + "grid:\n  rule: [bp]\n  epochs: [-2]\n");
    }

    private static void assertError(String expected, String spec) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(spec), spec);
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "'" + expected + "' in: " + e.getMessage());
    }
}
