package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance run, end to end through the CLI: on examples/flr-io-mapping.yaml (N = 100, 10 memories,
 * beta = 0.6, sigma = 0.2, gamma = 0.1, 24 tasks) FLR1 r &gt;= 0.95, FLR2 r &gt;= 0.9 in one of its forms, and the
 * FLR1 fit slope within 0.85..1.15.
 */
@Tag("slow") // outside the fast tier (mvn -Pfast): the full example at its real scale (about a minute)
class ExampleAcceptanceTest {
    @TempDir
    Path tmp;

    @Test
    void ioMappingExampleMeetsTheTargets() throws IOException {
        Path out = tmp.resolve("io");
        int code = CliTest.run("flr", "--config", Path.of("..", "examples", "flr-io-mapping.yaml").toString(), "--out",
                out.toString(), "-q").code();
        assertEquals(0, code);
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(24, s.get("tasks").size());
        double r1 = s.at("/flr1/pearson_r").asDouble();
        double slope = s.at("/flr1/fit_slope").asDouble();
        double r2 = Math.max(s.at("/flr2/pearson_r").asDouble(), s.at("/flr2_variance_form/pearson_r").asDouble());
        assertTrue(r1 >= 0.95, "FLR1 r = " + r1);
        assertTrue(slope >= 0.85 && slope <= 1.15, "FLR1 fit slope = " + slope);
        assertTrue(r2 >= 0.9, "FLR2 r = " + r2);
        assertTrue(s.at("/learning_time/pearson_r").asDouble() > 0.5, "faster predicted tasks learn sooner");
    }
}
