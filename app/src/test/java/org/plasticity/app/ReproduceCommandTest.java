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
import org.plasticity.papers.kurikawa2025.Reproduction;

class ReproduceCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesReportSummaryAndOneFigurePerId() throws IOException {
        Path out = tmp.resolve("paper");
        CliTest.Run r = CliTest.run("reproduce", "--scale", "smoke", "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("smoke", s.get("scale").asText());
        assertEquals(Reproduction.ids().size(), s.get("figures").size());
        assertEquals(8, s.get("figures").size(), "geometry, agreement, alignment, learning-time, learnability, gain, memories, input");
        for (JsonNode f : s.get("figures")) {
            String id = f.get("id").asText();
            for (String key : List.of("id", "claim", "verdict", "numbers", "rows", "config")) {
                assertTrue(f.has(key), id + " has " + key);
            }
            assertTrue(List.of("reproduced", "not-reproduced").contains(f.get("verdict").asText()));
            assertTrue(Files.size(out.resolve("fig-" + id + ".png")) > 5000);
            assertTrue(Files.exists(out.resolve("fig-" + id + ".json")));
        }
        String html = Files.readString(out.resolve("report.html"));
        assertEquals(8, html.split("src=\"data:image/png;base64,", -1).length - 1, "every figure embedded");
        assertFalse(html.contains("http://") || html.contains("https://"), "no external assets");
        assertTrue(r.out().contains("report:"));
    }

    /** Sweeps are deterministic per seed at any thread count. */
    @Test
    void figuresDoNotDependOnThreadCount() throws IOException {
        ObjectMapper m = new ObjectMapper();
        JsonNode[] s = new JsonNode[2];
        for (int t = 1; t <= 2; t++) {
            Path out = tmp.resolve("t" + t);
            assertEquals(0, CliTest.run("reproduce", "--scale", "smoke", "--figure", "geometry,gain,learnability,learning-time",
                    "--threads", String.valueOf(t), "--out", out.toString(), "-q").code());
            s[t - 1] = m.readTree(out.resolve("summary.json").toFile()).get("figures");
        }
        assertEquals(s[0], s[1]);
    }

    @Test
    void badFigureOrScaleIsOneLineExit2() {
        CliTest.Run a = CliTest.run("reproduce", "--figure", "nope", "--out", tmp.resolve("x").toString());
        assertEquals(2, a.code());
        assertTrue(a.err().startsWith("error: --figure:"), a.err());
        CliTest.Run b = CliTest.run("reproduce", "--scale", "huge", "--out", tmp.resolve("x").toString());
        assertEquals(2, b.code());
        assertTrue(b.err().startsWith("error: --scale:"), b.err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }
}
