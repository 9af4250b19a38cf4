package org.plasticity.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.plasticity.ConfigException;

/**
 * The files a sweep leaves besides its {@link Journal}: the point list and the final table {@code results.csv} (one row per point in point order: index, id, seed, the swept
 * fields, the metrics). The table depends only on the spec, never on timing or thread count.
 */
public final class SweepResults {
    private SweepResults() {}

    /**
     * @return a one-line error naming a sweep file that cannot be read, and why in words (not an exception's class
     *     name)
     */
    static ConfigException unreadable(Path file, IOException e) {
        String why;
        if (Files.isDirectory(file)) {
            why = "is a folder, not a file";
        } else if (e instanceof java.nio.file.NoSuchFileException) {
            why = "no such file";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            why = "permission denied";
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName().replace("Exception", "") : e.getMessage();
        }
        return new ConfigException(file.toString(), "cannot read (" + why + "); the sweep state is damaged");
    }

    /** @return results.csv's text for the given entries (by id), in point order. */
    public static String table(SweepSpec spec, List<String> metrics, Map<String, Journal.Entry> entries) {
        StringBuilder b = new StringBuilder("index,id,seed");
        for (String f : spec.fields()) {
            b.append(',').append(csv(f));
        }
        for (String m : metrics) {
            b.append(',').append(m);
        }
        b.append('\n');
        TreeMap<Integer, SweepPoint> ordered = new TreeMap<>();
        for (SweepPoint p : spec.points()) {
            if (entries.containsKey(p.id())) {
                ordered.put(p.index(), p);
            }
        }
        for (SweepPoint p : ordered.values()) {
            Journal.Entry e = entries.get(p.id());
            b.append(p.index()).append(',').append(p.id()).append(',').append(p.seed());
            Map<String, String> values = p.values();
            for (String f : spec.fields()) {
                String v = values.get(f);
                b.append(',').append(v == null ? "" : csv(unquote(v)));
            }
            for (String m : metrics) {
                Double v = e.metrics().get(m);
                b.append(',').append(v == null || !Double.isFinite(v) ? "" : Double.toString(v));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** @return the points' values in point order (index, id, seed, fields) as CSV: the list written first. */
    public static String pointList(SweepSpec spec) {
        StringBuilder b = new StringBuilder("index,id,seed");
        spec.fields().forEach(f -> b.append(',').append(csv(f)));
        b.append('\n');
        for (SweepPoint p : spec.points()) {
            b.append(p.index()).append(',').append(p.id()).append(',').append(p.seed());
            Map<String, String> values = p.values();
            for (String f : spec.fields()) {
                String v = values.get(f);
                b.append(',').append(v == null ? "" : csv(unquote(v)));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** Writes {@code text} to {@code file} through a temporary file and an atomic rename. */
    public static void writeAtomically(Path file, String text) throws IOException {
        // a unique name: two writers of one file must not share (and delete) each other's temp file
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        Files.writeString(tmp, text, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE);
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** @return a point's value as plain text (strings without their JSON quotes); "" for a missing value. */
    public static String unquoted(String json) {
        return json == null ? "" : unquote(json);
    }

    static String unquote(String json) {
        JsonNode n = FlrPoints.parse(json);
        return n.isTextual() ? n.asText() : n.toString();
    }

    private static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** @return the field values of a numeric field per point index; null where the value is not a number. */
    public static List<Double> numericValues(SweepSpec spec, String field) {
        List<Double> out = new ArrayList<>();
        for (SweepPoint p : spec.points()) {
            String v = p.values().get(field);
            JsonNode n = v == null ? null : FlrPoints.parse(v);
            out.add(n != null && n.isNumber() ? n.asDouble() : null);
        }
        return out;
    }
}
