package org.plasticity.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.plasticity.ConfigException;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.config.LearningConfig;
import org.plasticity.recurrent.config.NetworkConfig;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.config.SpeedConfig;
import org.plasticity.recurrent.config.TaskConfig;
import org.plasticity.recurrent.experiment.FlrValidator;
import org.plasticity.recurrent.task.TaskTypes;

/**
 * Reads an {@code flr} experiment config from YAML or JSON (JSON is YAML, so one parser reads both). Keys named in
 * the user contract are required; the others have the defaults documented on each config record. Unknown keys,
 * missing keys and values of the wrong type are rejected with a one-line {@link ConfigException} naming the key.
 */
public final class ConfigReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigReader() {}

    /** Largest config file read: real configs are a few hundred bytes, and YAML parsing time grows with size. */
    public static final int MAX_BYTES = 1 << 20;

    /** Reads and validates the config file at {@code path}. */
    public static FlrConfig read(Path path) {
        return parse(readText(path), path.toString());
    }

    /**
     * Reads the config file at {@code path} with {@code KEY=VALUE} overrides applied before validation, each key
     * dotted as in the file ({@code rule}, {@code network.beta}, {@code task.count}) and each value read as YAML
     * (so {@code 0.8} is a number, {@code true} a flag, {@code node-perturbation} a name).
     *
     * @throws ConfigException naming {@code --set} for an override without {@code =} or with an empty key
     */
    public static FlrConfig read(Path path, List<String> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return read(path);
        }
        JsonNode root = tree(readText(path), path.toString());
        if (root == null || !root.isObject()) {
            throw new ConfigException(path.toString(), "must be a mapping of keys to values");
        }
        for (String o : overrides) {
            int eq = o.indexOf('=');
            String key = eq < 0 ? "" : o.substring(0, eq).trim();
            if (eq < 0 || key.isEmpty() || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
                throw new ConfigException("--set", "expected KEY=VALUE with a dotted key such as network.beta=0.8, got '"
                        + ConfigException.shown(o, 60) + "'");
            }
            String text = o.substring(eq + 1);
            JsonNode value = text.isBlank() ? com.fasterxml.jackson.databind.node.NullNode.getInstance()
                    : tree(text, "--set " + key);
            if (value != null && value.isContainerNode()) {
                throw new ConfigException("--set", key + ": give one value, not a mapping or list");
            }
            setDotted((ObjectNode) root, key, value);
        }
        return parse(root, path + " with --set " + String.join(" ", overrides));
    }

    /** Sets {@code a.b.c} in the tree, creating the mappings on the way (replacing a value that stands there). */
    public static void setDotted(ObjectNode tree, String dotted, JsonNode value) {
        String[] parts = dotted.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || !child.isObject()) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], value);
    }

    /**
     * Reads a config file as UTF-8 text, refusing one over {@link #MAX_BYTES} before reading it.
     *
     * @throws ConfigException naming the file when it cannot be read, is too large or is not UTF-8
     */
    public static String readText(Path path) {
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new ConfigException(path.toString(), "is " + size + " bytes; a config file may have at most "
                        + MAX_BYTES + " (1 MiB)");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ConfigException(path.toString(), "cannot read config file (" + reason(e) + ")");
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = utf8.decode(in, out, true);
        if (!result.isError()) {
            result = utf8.flush(out);
        }
        if (result.isError()) {
            throw new ConfigException(path.toString(), "not UTF-8 text (byte " + (in.position() + 1) + ")");
        }
        return out.flip().toString();
    }

    /** Parses and validates config text; {@code source} names it in messages. */
    public static FlrConfig parse(String text, String source) {
        return parse(tree(text, source), source);
    }

    /**
     * Parses YAML or JSON config text into a tree, strictly: one document, no key twice in a mapping, no number with
     * a leading zero (YAML 1.1 reads {@code 024} as octal 20), no {@code .nan} or {@code .inf}.
     *
     * @throws ConfigException naming the key, or {@code source} for text that is not YAML
     */
    public static JsonNode tree(String text, String source) {
        if (text.length() > MAX_BYTES) {
            throw new ConfigException(source, "has " + text.length() + " characters; a config may have at most "
                    + MAX_BYTES + " (1 MiB)");
        }
        try (JsonParser parser = new StrictParser(YAML.getFactory().createParser(text))) {
            JsonNode root = YAML.readTree(parser);
            if (parser.nextToken() != null) {
                throw new ConfigException(source, "holds a second YAML document (line "
                        + parser.getCurrentLocation().getLineNr() + "); a config is one document");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, "not valid YAML/JSON" + ConfigException.shown(syntaxError(e), 200));
        } catch (IOException e) {
            throw new ConfigException(source, "cannot parse (" + reason(e) + ")");
        }
    }

    /**
     * Checks every token as it is read: duplicate keys, leading-zero numbers and non-finite numbers, each reported
     * with the dotted key.
     */
    private static final class StrictParser extends JsonParserDelegate {
        /** A leading zero: YAML 1.1 reads {@code 024} as octal 20, a reader of the file sees 24. */
        private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9_]+(\\.[0-9_]*)?([eE][-+]?[0-9]+)?");
        private static final Pattern NOT_FINITE = Pattern.compile("[-+]?\\.(nan|NaN|NAN|inf|Inf|INF)");
        private final Deque<Set<String>> keys = new ArrayDeque<>();

        StrictParser(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken t = super.nextToken();
            if (t == JsonToken.START_OBJECT) {
                keys.push(new HashSet<>());
            } else if (t == JsonToken.END_OBJECT) {
                keys.pop();
            } else if (t == JsonToken.FIELD_NAME && !keys.isEmpty() && !keys.peek().add(currentName())) {
                throw new ConfigException(key(), "appears twice in one mapping (duplicate key)");
            } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                String text = getText().trim();
                if (NOT_FINITE.matcher(text).matches()) {
                    throw new ConfigException(key(), "must be finite, got " + text);
                }
                if (LEADING_ZERO.matcher(text).matches()) {
                    throw new ConfigException(key(), ConfigException.shown(text, 60)
                            + " is ambiguous (octal in YAML 1.1); write it without leading zeros");
                }
            }
            return t;
        }

        /** @return the dotted key of the current token, e.g. {@code network.n} */
        private String key() {
            String pointer = getParsingContext().pathAsPointer().toString();
            String dotted = pointer.replaceFirst("^/", "").replace('/', '.');
            return ConfigException.shown(dotted.isEmpty() ? "(top level)" : dotted, 80);
        }
    }

    /** Validates an already parsed config tree (a sweep point's base config with its overrides applied). */
    public static FlrConfig parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new ConfigException(source, "must be a mapping of keys to values");
        }
        Section top = new Section("", root);
        long seed = top.integer("seed", null);
        Section net = top.section("network", true);
        NetworkConfig d = NetworkConfig.defaults();
        NetworkConfig network = new NetworkConfig(
                (int) net.integer("n", null), (int) net.integer("memories", null),
                net.number("beta", null), net.number("sigma", null), net.number("dt", null),
                net.number("random_part", 0.0),
                net.choice("activation", NetworkConfig.Transfer.class, d.activation()),
                net.number("tau", d.tau()));
        net.finish();
        Section sim = top.section("simulation", true);
        SimulationConfig simulation = new SimulationConfig(sim.number("burn_in", null), sim.number("duration", null),
                (int) sim.integer("trials", null), (int) sim.integer("sample_every", null),
                sim.choice("precision", SimulationConfig.Precision.class, SimulationConfig.Precision.DOUBLE));
        sim.finish();
        Section tk = top.section("task", true);
        TaskConfig td = TaskConfig.defaults();
        String type = tk.text("type", null);
        double gamma = tk.number("gamma", null);
        int count = (int) tk.integer("count", null);
        TaskConfig.Alignment alignment = tk.choice("alignment", TaskConfig.Alignment.class, td.alignment());
        int sequenceLength = (int) tk.integer("sequence_length", (long) td.sequenceLength());
        TaskTypes.byName(type); // the name first, as the key a reader of the file fixes first
        TaskConfig task = new TaskConfig(type, gamma, count, alignment, sequenceLength);
        tk.finish();
        String rule = top.text("rule", null);
        Section sp = top.section("speed", true);
        SpeedConfig sd = SpeedConfig.defaults();
        SpeedConfig speed = new SpeedConfig(sp.choice("method", SpeedConfig.Method.class, null),
                sp.number("perturbation", sd.perturbation()), sp.number("epsilon", sd.epsilon()), sp.number("window", sd.window()),
                (int) sp.integer("learners", (long) sd.learners()));
        sp.finish();
        Section ln = top.section("learning", false);
        LearningConfig ld = LearningConfig.defaults();
        LearningConfig learning = new LearningConfig(ln.number("epsilon", ld.epsilon()),
                ln.number("threshold", ld.threshold()), ln.number("max_time", ld.maxTime()),
                (int) ln.integer("window_steps", (long) ld.windowSteps()), (int) ln.integer("trials", (long) ld.trials()),
                ln.bool("enabled", ld.enabled()));
        ln.finish();
        top.finish();
        FlrValidator.validate(task, rule, speed);
        return new FlrConfig(seed, network, simulation, task, rule, speed, learning);
    }

    /**
     * @return where the text stops being YAML and why, on one line: the YAML parser's problem and its position (the
     *     parser's own message spans several lines, and Jackson's location lags behind the problem)
     */
    private static String syntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblemMark() != null) {
            String problem = String.valueOf(y.getProblem()).replaceAll("\\s+", " ").strip();
            String context = y.getContext() == null ? "" : " (" + y.getContext().replaceAll("\\s+", " ").strip() + ")";
            return " at line " + (y.getProblemMark().getLine() + 1) + ", column " + (y.getProblemMark().getColumn() + 1)
                    + ": " + problem + context;
        }
        var at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column "
                + at.getColumnNr();
        // e.g. a limit of the reader: "Document nesting depth (1001) exceeds the maximum allowed (1000)"
        return where + ": " + e.getOriginalMessage().lines().findFirst().orElse("").replaceAll(", from `[^`]*`", "");
    }

    /** @return a value as quoted in messages: a list or mapping as written ([1, 2]), not as its empty text. */
    private static String shown(JsonNode v) {
        return "'" + ConfigException.shown(v.isContainerNode() ? v.toString() : v.asText(), 60) + "'";
    }

    private static String reason(IOException e) {
        String name = e.getClass().getSimpleName();
        return name.equals("NoSuchFileException") ? "no such file" : name.replace("Exception", "")
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** A mapping in the tree, tracking which keys were read so that leftovers can be reported as unknown. */
    private static final class Section {
        private final String prefix;
        private final JsonNode node;
        private final Set<String> known = new LinkedHashSet<>();

        Section(String prefix, JsonNode node) {
            this.prefix = prefix;
            this.node = node;
        }

        private String key(String name) {
            return prefix.isEmpty() ? name : prefix + "." + name;
        }

        private JsonNode get(String name, boolean required) {
            known.add(name);
            JsonNode v = node == null ? null : node.get(name);
            if ((v == null || v.isNull()) && required) {
                throw new ConfigException(key(name), "is missing (required)");
            }
            return v == null || v.isNull() ? null : v;
        }

        Section section(String name, boolean required) {
            JsonNode v = get(name, required);
            if (v != null && !v.isObject()) {
                throw new ConfigException(key(name), "must be a mapping of keys to values");
            }
            return new Section(key(name), v);
        }

        double number(String name, Double fallback) {
            JsonNode v = get(name, fallback == null);
            if (v == null) {
                return fallback;
            }
            if (!v.isNumber()) {
                throw new ConfigException(key(name), "must be a number, got " + shown(v));
            }
            return v.doubleValue();
        }

        long integer(String name, Long fallback) {
            JsonNode v = get(name, fallback == null);
            if (v == null) {
                return fallback;
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw new ConfigException(key(name), "must be an integer, got " + shown(v));
            }
            long x = v.longValue();
            if (!name.equals("seed") && (x > Integer.MAX_VALUE || x < Integer.MIN_VALUE)) {
                throw new ConfigException(key(name), "is too large, got " + x);
            }
            return x;
        }

        String text(String name, String fallback) {
            JsonNode v = get(name, fallback == null);
            if (v == null) {
                return fallback;
            }
            if (!v.isTextual()) {
                throw new ConfigException(key(name), "must be a string, got " + shown(v));
            }
            return v.textValue();
        }

        boolean bool(String name, boolean fallback) {
            JsonNode v = get(name, false);
            if (v == null) {
                return fallback;
            }
            if (!v.isBoolean()) {
                throw new ConfigException(key(name), "must be true or false, got " + shown(v));
            }
            return v.booleanValue();
        }

        /** An enum value written in kebab case, e.g. {@code quasi-static} for {@code QUASI_STATIC}. */
        <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
            String s = text(name, fallback == null ? null : fallback.name());
            List<String> allowed = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                String spelled = e.name().toLowerCase(Locale.ROOT).replace('_', '-');
                allowed.add(spelled);
                if (spelled.equals(s) || e.name().equals(s)) {
                    return e;
                }
            }
            throw new ConfigException(key(name), "must be one of " + allowed + ", got '" + ConfigException.shown(s, 60) + "'");
        }

        void finish() {
            if (node == null) {
                return;
            }
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String k = names.next();
                if (!known.contains(k)) {
                    throw new ConfigException(key(ConfigException.shown(k, 60)), "unknown key; allowed here: " + String.join(", ", known));
                }
            }
        }
    }
}
