package org.plasticity.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.plasticity.ConfigException;
import org.plasticity.numeric.Seeds;

/**
 * Reads a sweep spec (YAML or JSON):
 * <pre>
 *   experiment: flr            # flr (fluctuation-learning experiment) or train (layered network)
 *   seed: 11                   # each point's seed derives from this (or --seed) and the point's id
 *   base: examples/x.yaml      # the config every point starts from: a file (relative to the spec) or a mapping
 *   grid:                      # every combination, first field slowest ...
 *     network.beta: [0.3, 0.6, 0.9]
 *     network.memories: [1, 2, 4]
 *   points:                    # ... or an explicit list
 *     - {network.beta: 0.3, network.memories: 2}
 * </pre>
 * Everything is checked before anything runs: unknown fields, empty grids, and every point's config (so a value out
 * of range fails with one line naming the point and the field).
 */
public final class SweepSpecReader {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP = Set.of("experiment", "seed", "base", "grid", "points");
    /** Expanding more points than this is almost surely a mistake in the spec. */
    static final int MAX_POINTS = 1_000_000;

    private SweepSpecReader() {}

    /** Reads, expands and validates the spec at {@code file}. */
    public static SweepSpec read(Path file) {
        return read(file, null);
    }

    /**
     * As {@link #read(Path)}, with the sweep seed {@code seed} instead of the spec's {@code seed} when not null (the
     * command line's {@code --seed}); the points' seeds derive from it as from the spec's, and the spec recorded in
     * the output carries it, so a resume must give the same seed.
     */
    public static SweepSpec read(Path file, Long seed) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "cannot read sweep spec (" + e.getClass().getSimpleName() + ")");
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir, seed);
    }

    /** Parses spec text; {@code baseDir} resolves a {@code base} given as a file name. */
    public static SweepSpec parse(String text, String source, Path baseDir) {
        return parse(text, source, baseDir, null);
    }

    /** As {@link #parse(String, String, Path)}, with {@code seed} (when not null) instead of the spec's seed. */
    public static SweepSpec parse(String text, String source, Path baseDir, Long seedOverride) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, "not valid YAML/JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(source, "a sweep spec must be a mapping (experiment, seed, base, grid or points)");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!TOP.contains(k)) {
                throw new ConfigException(source, "unknown field '" + k + "' (expected experiment, seed, base, grid, "
                        + "points)");
            }
        }
        String experiment = text(root, "experiment", source);
        if (!Experiments.contains(experiment)) {
            throw new ConfigException(source, "experiment: unknown '" + experiment + "', expected one of "
                    + String.join(", ", Experiments.names()));
        }
        JsonNode seedNode = root.get("seed");
        if (seedNode == null && seedOverride != null) {
            seedNode = JSON.getNodeFactory().numberNode(seedOverride);
        }
        if (seedNode == null || !seedNode.canConvertToLong() || !seedNode.isIntegralNumber()) {
            throw new ConfigException(source, "seed: required, an integer (or give --seed)");
        }
        ObjectNode base = base(root.get("base"), source, baseDir);

        LinkedHashMap<String, List<JsonNode>> axes = new LinkedHashMap<>();
        List<LinkedHashMap<String, JsonNode>> rows = new ArrayList<>();
        JsonNode grid = root.get("grid");
        JsonNode list = root.get("points");
        if ((grid == null) == (list == null)) {
            throw new ConfigException(source, "give exactly one of grid (all combinations) or points (a list)");
        }
        if (grid != null) {
            gridRows(grid, source, axes, rows);
        } else {
            listRows(list, source, axes, rows);
        }
        long sweepSeed = seedOverride != null ? seedOverride : seedNode.asLong();
        List<SweepPoint> points = new ArrayList<>();
        for (LinkedHashMap<String, JsonNode> row : rows) {
            LinkedHashMap<String, String> values = new LinkedHashMap<>();
            LinkedHashMap<String, String> identity = new LinkedHashMap<>();
            row.forEach((k, v) -> {
                values.put(k, v.toString());
                identity.put(k, normalized(v).toString());
            });
            long hash = hash(identity);
            String id = String.format("p%012x", hash >>> 16);
            long seed = row.containsKey("seed") && row.get("seed").canConvertToLong() ? row.get("seed").asLong()
                    : Seeds.derive(sweepSeed, hash);
            points.add(new SweepPoint(points.size(), id, seed, values));
        }
        ObjectNode canonical = JSON.createObjectNode();
        canonical.put("experiment", experiment);
        canonical.put("seed", sweepSeed);
        canonical.set("base", base);
        if (grid != null) {
            canonical.set("grid", grid);
        } else {
            canonical.set("points", list);
        }
        SweepSpec spec = new SweepSpec(experiment, sweepSeed, base, List.copyOf(axes.keySet()), List.copyOf(points),
                source, canonical.toString());
        PointExperiment fn = spec.pointExperiment();
        Map<String, SweepPoint> ids = new java.util.HashMap<>();
        for (SweepPoint p : points) {
            SweepPoint first = ids.putIfAbsent(p.id(), p);
            if (first != null) {
                throw new ConfigException(source, "point " + p.index() + " (" + p.describe() + ") repeats another, point "
                        + first.index() + " (" + first.describe() + "): numbers are compared by value");
            }
            fn.validate(p);
        }
        return spec;
    }

    /** Every combination of the grid's values, in the grid's order (the last field varies fastest). */
    private static void gridRows(JsonNode grid, String source, LinkedHashMap<String, List<JsonNode>> axes,
                                 List<LinkedHashMap<String, JsonNode>> rows) {
        if (!grid.isObject() || grid.isEmpty()) {
            throw new ConfigException(source, "grid: must map at least one field to a list of values");
        }
        long count = 1;
        for (Iterator<Map.Entry<String, JsonNode>> it = grid.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode values = e.getValue();
            if (!values.isArray()) {
                values = JSON.createArrayNode().add(values);
            }
            if (values.isEmpty()) {
                throw new ConfigException(source, "grid." + e.getKey() + ": empty list of values");
            }
            List<JsonNode> vs = new ArrayList<>();
            values.forEach(vs::add);
            axes.put(e.getKey(), vs);
            count *= vs.size();
            if (count > MAX_POINTS) {
                throw new ConfigException(source, "grid: more than " + MAX_POINTS + " points");
            }
        }
        expand(axes, new ArrayList<>(axes.keySet()), 0, new LinkedHashMap<>(), rows);
    }

    /** The points as listed; the axes are the union of their fields, in order of first appearance. */
    private static void listRows(JsonNode list, String source, LinkedHashMap<String, List<JsonNode>> axes,
                                 List<LinkedHashMap<String, JsonNode>> rows) {
        if (!list.isArray() || list.isEmpty()) {
            throw new ConfigException(source, "points: must be a non-empty list of mappings");
        }
        int i = 0;
        for (JsonNode p : list) {
            if (!p.isObject()) {
                throw new ConfigException(source, "points[" + i + "]: must be a mapping of fields to values");
            }
            LinkedHashMap<String, JsonNode> row = new LinkedHashMap<>();
            p.fields().forEachRemaining(e -> row.put(e.getKey(), e.getValue()));
            rows.add(row);
            row.keySet().forEach(k -> axes.putIfAbsent(k, new ArrayList<>()));
            i++;
        }
    }

    /**
     * The value with every number that is a whole number written as an integer, so that {@code 1}, {@code 1.0} and
     * {@code 1e0} name the same point; other numbers keep their shortest decimal form, strings and the rest as
     * they are (a quoted "1" is a string, not a number). A point's id hashes this form (whole-valued floats changed their ids when this was introduced;
     * integers and fractions did not).
     */
    static JsonNode normalized(JsonNode v) {
        if (v.isFloatingPointNumber() && Double.isFinite(v.doubleValue())
                && v.doubleValue() == Math.rint(v.doubleValue())) {
            return JSON.getNodeFactory().numberNode(new java.math.BigDecimal(v.doubleValue()).toBigIntegerExact());
        }
        if (v.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode a = JSON.createArrayNode();
            v.forEach(e -> a.add(normalized(e)));
            return a;
        }
        if (v.isObject()) {
            ObjectNode o = JSON.createObjectNode();
            v.fields().forEachRemaining(e -> o.set(e.getKey(), normalized(e.getValue())));
            return o;
        }
        return v;
    }


    private static void expand(LinkedHashMap<String, List<JsonNode>> axes, List<String> names, int depth,
                               LinkedHashMap<String, JsonNode> current, List<LinkedHashMap<String, JsonNode>> out) {
        if (depth == names.size()) {
            out.add(new LinkedHashMap<>(current));
            return;
        }
        String name = names.get(depth);
        for (JsonNode v : axes.get(name)) {
            current.put(name, v);
            expand(axes, names, depth + 1, current, out);
        }
        current.remove(name);
    }

    private static ObjectNode base(JsonNode node, String source, Path baseDir) {
        if (node == null) {
            return JSON.createObjectNode();
        }
        if (node.isObject()) {
            return (ObjectNode) node;
        }
        if (node.isTextual()) {
            Path p = baseDir == null ? Path.of(node.asText()) : baseDir.resolve(node.asText());
            try {
                JsonNode b = YAML.readTree(Files.readString(p));
                if (b != null && b.isObject()) {
                    return (ObjectNode) b;
                }
                throw new ConfigException(source, "base: " + p + " is not a mapping");
            } catch (IOException e) {
                throw new ConfigException(source, "base: cannot read " + p + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        throw new ConfigException(source, "base: must be a mapping or a config file name");
    }

    private static String text(JsonNode root, String key, String source) {
        JsonNode v = root.get(key);
        if (v == null || !v.isTextual()) {
            throw new ConfigException(source, key + ": required, a name");
        }
        return v.asText();
    }

    /** FNV-1a over the point's field=value text, then a SplitMix finaliser: stable across runs and machines. */
    static long hash(LinkedHashMap<String, String> values) {
        long h = 0xcbf29ce484222325L;
        for (Map.Entry<String, String> e : values.entrySet()) {
            for (byte b : (e.getKey() + "=" + e.getValue() + ";").getBytes(StandardCharsets.UTF_8)) {
                h ^= b & 0xff;
                h *= 0x100000001b3L;
            }
        }
        return Seeds.derive(h);
    }
}
