package org.plasticity.app.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files a sweep leaves: the point list, the journal of finished points (one JSON line each, appended as they
 * finish) and the final table {@code results.csv} (one row per point in point order: index, id, seed, the swept
 * fields, the metrics). The table depends only on the spec, never on timing or thread count.
 */
public final class SweepResults {
    private SweepResults() {}

    /** A finished point as the journal records it; {@code error} is null when it ran. */
    public record Entry(int index, String id, LinkedHashMap<String, Double> metrics, String error, double seconds) {}

    /** @return the journal line of an entry (no newline). */
    public static String journalLine(Entry e) {
        ObjectNode o = SweepSpecReader.JSON.createObjectNode();
        o.put("index", e.index());
        o.put("id", e.id());
        ObjectNode m = o.putObject("metrics");
        e.metrics().forEach((k, v) -> {
            if (Double.isFinite(v)) {
                m.put(k, v);
            } else {
                m.putNull(k);
            }
        });
        if (e.error() != null) {
            o.put("error", e.error());
        }
        o.put("seconds", e.seconds());
        return o.toString();
    }

    /** @return the entry of a journal line, or null for a line cut short by a crash. */
    public static Entry parseLine(String line) {
        try {
            JsonNode o = SweepSpecReader.JSON.readTree(line);
            if (o == null || !o.has("id") || !o.has("metrics") || !o.has("seconds")) {
                return null;
            }
            LinkedHashMap<String, Double> m = new LinkedHashMap<>();
            o.get("metrics").fields().forEachRemaining(f ->
                    m.put(f.getKey(), f.getValue().isNull() ? Double.NaN : f.getValue().asDouble()));
            return new Entry(o.get("index").asInt(), o.get("id").asText(), m,
                    o.has("error") ? o.get("error").asText() : null, o.get("seconds").asDouble());
        } catch (IOException e) {
            return null;
        }
    }

    /** @return the finished points of a journal by id, skipping a torn last line. */
    public static Map<String, Entry> readJournal(Path journal) throws IOException {
        Map<String, Entry> done = new LinkedHashMap<>();
        if (!Files.exists(journal)) {
            return done;
        }
        for (String line : Files.readAllLines(journal)) {
            Entry e = line.isBlank() ? null : parseLine(line);
            if (e != null) {
                done.put(e.id(), e);
            }
        }
        return done;
    }

    /** @return results.csv's text for the given entries (by id), in point order. */
    public static String table(SweepSpec spec, List<String> metrics, Map<String, Entry> entries) {
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
            Entry e = entries.get(p.id());
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
