package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM started without {@code --add-modules=jdk.incubator.vector} (a Spark executor, a plain {@code java -jar})
 * runs the plain-Java kernels and gets the very same numbers as the vectorised run.
 */
class WithoutVectorModuleTest {
    @TempDir
    Path tmp;

    @Test
    void sameNumbersWithoutTheIncubatorModule() throws Exception {
        Path cfg = Files.writeString(tmp.resolve("c.yaml"), CliTest.SMALL);
        Path vec = tmp.resolve("vector");
        assertEquals(0, CliTest.run("flr", "--config", cfg.toString(), "--out", vec.toString(), "-q").code());

        Path plain = tmp.resolve("plain");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.plasticity.app.Main",
                "flr", "--config", cfg.toString(), "--out", plain.toString(), "-q")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("log.txt")));

        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(vec.resolve("summary.json").toFile());
        JsonNode b = json.readTree(plain.resolve("summary.json").toFile());
        for (JsonNode n : new JsonNode[] {a, b}) {
            ((ObjectNode) n).remove("wall_seconds");
            ((ObjectNode) n).remove("threads");
        }
        assertEquals(a.get("tasks"), b.get("tasks"));
        assertEquals(a.get("flr1"), b.get("flr1"));
        assertEquals(Files.readString(vec.resolve("tasks.csv")), Files.readString(plain.resolve("tasks.csv")));
    }
}
