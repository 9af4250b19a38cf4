package org.plasticity.sweep;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.plasticity.ConfigException;

/**
 * The sweep journal, {@code journal.jsonl}: one JSON line per finished point, appended and forced to disk as each
 * point finishes, in finishing order. It is what makes a sweep crash-safe: a resumed sweep reads it back, strictly,
 * and runs only the points it lacks. A line cut short by a crash can only be the last one; it is dropped with a note
 * and its point runs again.
 */
public final class Journal implements AutoCloseable {
    private final FileChannel channel;

    private Journal(FileChannel channel) {
        this.channel = channel;
    }

    /** @return the journal at {@code file} opened for appending (created if missing). */
    public static Journal append(Path file) throws IOException {
        return new Journal(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    }

    /** Appends {@code e} as one line and forces it to disk before returning. */
    public synchronized void write(Entry e) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap((line(e) + "\n").getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Rewrites the journal at {@code file} to hold exactly {@code entries}, atomically (drops a torn last line). */
    public static void rewrite(Path file, Iterable<Entry> entries) throws IOException {
        StringBuilder clean = new StringBuilder();
        entries.forEach(e -> clean.append(line(e)).append('\n'));
        SweepResults.writeAtomically(file, clean.toString());
    }

    /** A finished point as the journal records it; {@code error} is null when it ran. */
    public record Entry(int index, String id, LinkedHashMap<String, Double> metrics, String error, double seconds) {}

    /** @return the journal line of an entry (no newline). */
    public static String line(Entry e) {
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

    private static final java.util.Set<String> JOURNAL_FIELDS = java.util.Set.of("index", "id", "metrics", "error",
            "seconds");

    /** @return the entry of a journal line, or null for a line cut short by a crash. */
    public static Entry parseLine(String line) {
        try {
            JsonNode o = SweepSpecReader.JSON.readTree(line);
            if (o == null || !o.has("index") || !o.has("id") || !o.has("metrics") || !o.has("seconds")) {
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

    /**
     * Reads the journal of a sweep being resumed: the finished points of {@code spec} by id. A line counts only if it
     * is a point of the spec (its index and the id its values hash to) with exactly the experiment's metrics; the
     * last line may be cut short by a crash, and is then dropped (its point runs again) with a note. Anything else
     * is damage that resuming would hide.
     *
     * @param notes told, in one line, about a torn last line that is dropped
     * @throws ConfigException naming the file, the line and what is wrong with it
     */
    public static Map<String, Entry> read(Path journal, SweepSpec spec, List<String> metrics,
                                          Consumer<String> notes) throws IOException {
        Map<String, Entry> done = new LinkedHashMap<>();
        if (!Files.exists(journal)) {
            return done;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(journal))).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(journal.toString(), "not UTF-8 text; the sweep state is damaged");
        } catch (IOException e) {
            throw SweepResults.unreadable(journal, e);
        }
        String[] lines = text.split("\n", -1);
        // text ends with a newline when every line was written whole: the last element is then empty
        int count = lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        Map<Integer, Integer> lineOfIndex = new java.util.HashMap<>();
        for (int i = 0; i < count; i++) {
            Entry e;
            try {
                e = strictEntry(lines[i], spec, metrics);
            } catch (IllegalArgumentException bad) {
                if (i == count - 1 && count == lines.length) {
                    notes.accept("note: " + journal + ": line " + (i + 1) + " was cut short (a crash while writing "
                            + "it); dropping it, its point runs again");
                    break;
                }
                throw new ConfigException(journal.toString(), "line " + (i + 1) + ": " + bad.getMessage()
                        + "; the sweep state is damaged");
            }
            Integer first = lineOfIndex.putIfAbsent(e.index(), i + 1);
            if (first != null) {
                throw new ConfigException(journal.toString(), "line " + (i + 1) + ": point " + e.index()
                        + " is already recorded on line " + first + "; the sweep state is damaged");
            }
            done.put(e.id(), e);
        }
        return done;
    }

    /** @return the entry of a journal line that records a point of {@code spec}; else why not, as an exception. */
    private static Entry strictEntry(String line, SweepSpec spec, List<String> metrics) {
        JsonNode o;
        try {
            o = SweepSpecReader.JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!JOURNAL_FIELDS.contains(k)) {
                throw new IllegalArgumentException("unknown field '" + k + "'");
            }
        }
        JsonNode index = o.get("index");
        if (index == null || !index.isIntegralNumber() || !index.canConvertToInt()) {
            throw new IllegalArgumentException("'index' missing or not an integer");
        }
        int i = index.intValue();
        if (i < 0 || i >= spec.points().size()) {
            throw new IllegalArgumentException("index " + i + " is not a point of the spec (0 to "
                    + (spec.points().size() - 1) + ")");
        }
        SweepPoint p = spec.points().get(i);
        JsonNode id = o.get("id");
        if (id == null || !id.isTextual()) {
            throw new IllegalArgumentException("'id' missing or not a string");
        }
        if (!id.asText().equals(p.id())) {
            throw new IllegalArgumentException("id " + id.asText() + " is not point " + i + "'s id " + p.id() + " ("
                    + p.describe() + ")");
        }
        JsonNode m = o.get("metrics");
        if (m == null || !m.isObject()) {
            throw new IllegalArgumentException("'metrics' missing or not a mapping");
        }
        List<String> names = new ArrayList<>();
        m.fieldNames().forEachRemaining(names::add);
        if (names.size() != metrics.size() || !new java.util.HashSet<>(names).equals(new java.util.HashSet<>(metrics))) {
            throw new IllegalArgumentException("metrics " + names + " are not this experiment's " + metrics);
        }
        LinkedHashMap<String, Double> values = new LinkedHashMap<>();
        for (String name : metrics) {
            JsonNode v = m.get(name);
            if (!v.isNull() && !v.isNumber()) {
                throw new IllegalArgumentException("metric " + name + " is " + v + ", not a number or null");
            }
            values.put(name, v.isNull() ? Double.NaN : v.doubleValue());
        }
        JsonNode error = o.get("error");
        if (error != null && !error.isTextual()) {
            throw new IllegalArgumentException("'error' is not a string");
        }
        JsonNode seconds = o.get("seconds");
        if (seconds == null || !seconds.isNumber() || !(seconds.doubleValue() >= 0)) {
            throw new IllegalArgumentException("'seconds' missing or not a number >= 0");
        }
        return new Entry(i, p.id(), values, error == null ? null : error.asText(), seconds.doubleValue());
    }
}
