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
 * The architecture, checked: shared {@code numeric} and {@code stats} at the bottom; two families that never use each
 * other, each flowing one way (recurrent: config -> model -> dynamics -> fluctuations -> (task, rule) -> flr /
 * learning -> experiment; layered: network -> credit -> training -> checkpoint, with data); neural predictivity
 * (data -> method, and model on top of data and the layered checkpoints); learnability on the neural data readers,
 * and its observability analysis on top of learnability and the recurrent experiment;
 * papers on top of the recurrent family.
 * A package may use only the packages listed for it here (plus its own); the scan covers imports and fully qualified
 * names. The core uses no CLI, plotting or serialisation library; reading users' data files is the exception (CSV
 * through Jackson's CSV module, MATLAB and HDF5 files), since that is what the data packages are for.
 */
class LayeringTest {
    private static final String R = "recurrent.";
    private static final String L = "layered.";
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("", Set.of()),
            Map.entry("numeric", Set.of("")),
            Map.entry("stats", Set.of()),
            Map.entry("recurrent", Set.of()),
            Map.entry(R + "config", Set.of("")),
            Map.entry(R + "model", Set.of("", R + "config", "numeric")),
            Map.entry(R + "dynamics", Set.of(R + "config", R + "model", "numeric")),
            Map.entry(R + "fluctuations", Set.of(R + "config", R + "model", R + "dynamics", "numeric", "stats")),
            Map.entry(R + "task", Set.of("", R + "config", R + "model", "numeric")),
            Map.entry(R + "rule", Set.of("", R + "fluctuations")),
            Map.entry(R + "flr", Set.of("numeric")),
            Map.entry(R + "learning", Set.of(R + "config", R + "model", R + "dynamics", R + "fluctuations", R + "task",
                    R + "rule", R + "flr", "numeric", "stats")),
            Map.entry(R + "experiment", Set.of("", R + "config", R + "model", R + "dynamics", R + "fluctuations",
                    R + "task", R + "rule", R + "flr", R + "learning", "numeric", "stats")),
            Map.entry("layered", Set.of()),
            Map.entry(L + "data", Set.of("")),
            Map.entry(L + "network", Set.of("numeric")),
            Map.entry(L + "credit", Set.of("", L + "network", "numeric")),
            Map.entry(L + "training", Set.of("", L + "data", L + "network", L + "credit", "numeric", "stats")),
            Map.entry(L + "checkpoint", Set.of("", L + "credit", L + "network", L + "training", "numeric")),
            Map.entry("neural", Set.of("", "neural.data", "neural.method")),
            Map.entry("neural.data", Set.of("", "numeric")),
            Map.entry("neural.method", Set.of("", "neural.data", "numeric", "stats")),
            Map.entry("neural.model", Set.of("", "neural.data", L + "checkpoint", L + "network", L + "training",
                    "numeric")),
            Map.entry("learnability", Set.of("", "neural.data", "numeric")),
            Map.entry("learnability.observability", Set.of("", "learnability", R + "config", R + "dynamics",
                    R + "experiment", R + "model", R + "task", "numeric", "stats")),
            Map.entry("papers", Set.of()),
            Map.entry("papers.kurikawa2025", Set.of("", R + "config", R + "experiment", R + "fluctuations", R + "learning",
                    R + "model", R + "dynamics", R + "flr", R + "rule", R + "task", "numeric", "stats")));

    static final Pattern USE = Pattern.compile("org\\.plasticity\\.((?:[a-z][a-z0-9]*\\.)*[a-z][a-z0-9]*)\\.[A-Z]"
            + "|org\\.plasticity\\.([A-Z])");
    static final Pattern LIBRARY = Pattern.compile("^import (static )?(picocli|org\\.jfree"
            + "|com\\.fasterxml(?!\\.jackson\\.(dataformat\\.csv|core\\.JsonToken))|org\\.yaml"
            + "|me\\.tongfei|org\\.apache\\.spark)\\.", Pattern.MULTILINE);

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
                String text = Files.readString(f);
                if (LIBRARY.matcher(text).find()) {
                    violations.add(f.getFileName() + " (" + pkg + ") imports a CLI, plotting or serialisation library");
                }
                Matcher m = USE.matcher(text);
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
