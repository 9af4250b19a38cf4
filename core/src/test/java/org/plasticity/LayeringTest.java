package org.plasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way: config -> model -> dynamics -> stats -> (task, rule) -> flr / learn -> experiment, and for layered
 * networks numeric -> network -> credit -> training (with data). A package may
 * use only the packages listed for it here (plus its own); the scan covers imports and fully qualified names.
 */
class LayeringTest {
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("", Set.of()),
            Map.entry("numeric", Set.of()),
            Map.entry("config", Set.of()),
            Map.entry("analysis", Set.of()),
            Map.entry("model", Set.of("config", "numeric")),
            Map.entry("dynamics", Set.of("config", "model", "numeric")),
            Map.entry("stats", Set.of("config", "model", "dynamics", "numeric")),
            Map.entry("task", Set.of("model", "numeric")),
            Map.entry("rule", Set.of("stats")),
            Map.entry("flr", Set.of("numeric")),
            Map.entry("learn", Set.of("config", "model", "dynamics", "stats", "task", "rule", "flr", "numeric")),
            Map.entry("experiment", Set.of("", "config", "model", "dynamics", "stats", "task", "rule", "flr", "learn",
                    "analysis", "numeric")),
            Map.entry("data", Set.of()),
            Map.entry("network", Set.of("numeric")),
            Map.entry("credit", Set.of("network", "numeric")),
            Map.entry("training", Set.of("data", "network", "credit", "numeric", "analysis")),
            Map.entry("reproduce", Set.of("config", "experiment", "analysis", "stats", "learn", "model", "dynamics", "numeric", "flr",
                    "rule", "task")));

    static final Pattern USE = Pattern.compile("org\\.plasticity\\.([a-z]+)\\.[A-Z]|org\\.plasticity\\.([A-Z])");

    @Test
    void packagesUseOnlyPackagesToTheirLeft() throws IOException {
        Path root = Path.of("src", "main", "java", "org", "plasticity");
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : (Iterable<Path>) walk.filter(p -> p.toString().endsWith(".java"))::iterator) {
                files++;
                Path rel = root.relativize(f.getParent());
                String pkg = rel.toString().replace('/', '.');
                assertTrue(ALLOWED.containsKey(pkg), "package " + pkg + " has no layering rule");
                Matcher m = USE.matcher(Files.readString(f));
                while (m.find()) {
                    String used = m.group(1) != null ? m.group(1) : "";
                    if (!used.equals(pkg) && !ALLOWED.get(pkg).contains(used)) {
                        violations.add(f.getFileName() + " (" + pkg + ") uses " + (used.isEmpty() ? "root" : used));
                    }
                }
            }
        }
        assertTrue(files > 20, "the scan found the sources");
        assertEquals(List.of(), violations);
    }

    @Test
    void everyPackageHasPackageInfo() throws IOException {
        Path root = Path.of("src", "main", "java", "org", "plasticity");
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                assertTrue(Files.exists(d.resolve("package-info.java")), "package-info.java in " + d);
            }
        }
    }
}
