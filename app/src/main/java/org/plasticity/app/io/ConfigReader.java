package org.plasticity.app.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.plasticity.config.ConfigException;
import org.plasticity.config.FlrConfig;
import org.plasticity.config.LearningConfig;
import org.plasticity.config.NetworkConfig;
import org.plasticity.config.SimulationConfig;
import org.plasticity.config.SpeedConfig;
import org.plasticity.config.TaskConfig;

/**
 * Reads an {@code flr} experiment config from YAML or JSON (JSON is YAML, so one parser reads both). Keys named in
 * the user contract are required; the others have the defaults documented on each config record. Unknown keys,
 * missing keys and values of the wrong type are rejected with a one-line {@link ConfigException} naming the key.
 */
public final class ConfigReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigReader() {}

    /** Reads and validates the config file at {@code path}. */
    public static FlrConfig read(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new ConfigException(path.toString(), "cannot read config file (" + reason(e) + ")");
        }
        return parse(text, path.toString());
    }

    /** Parses and validates config text; {@code source} names it in messages. */
    public static FlrConfig parse(String text, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, "not valid YAML/JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        return parse(root, source);
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
                net.choice("activation", NetworkConfig.Activation.class, d.activation()),
                net.number("tau", d.tau()));
        net.finish();
        Section sim = top.section("simulation", true);
        SimulationConfig simulation = new SimulationConfig(sim.number("burn_in", null), sim.number("duration", null),
                (int) sim.integer("trials", null), (int) sim.integer("sample_every", null),
                sim.choice("precision", SimulationConfig.Precision.class, SimulationConfig.Precision.DOUBLE));
        sim.finish();
        Section tk = top.section("task", true);
        TaskConfig task = new TaskConfig(tk.text("type", null), tk.number("gamma", null), (int) tk.integer("count", null),
                tk.choice("alignment", TaskConfig.Alignment.class, TaskConfig.Alignment.GRADED),
                (int) tk.integer("sequence_length", 3L));
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
        return new FlrConfig(seed, network, simulation, task, rule, speed, learning);
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
                throw new ConfigException(key(name), "must be a number, got '" + v.asText() + "'");
            }
            return v.doubleValue();
        }

        long integer(String name, Long fallback) {
            JsonNode v = get(name, fallback == null);
            if (v == null) {
                return fallback;
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw new ConfigException(key(name), "must be an integer, got '" + v.asText() + "'");
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
                throw new ConfigException(key(name), "must be a string, got '" + v.asText() + "'");
            }
            return v.textValue();
        }

        boolean bool(String name, boolean fallback) {
            JsonNode v = get(name, false);
            if (v == null) {
                return fallback;
            }
            if (!v.isBoolean()) {
                throw new ConfigException(key(name), "must be true or false, got '" + v.asText() + "'");
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
            throw new ConfigException(key(name), "must be one of " + allowed + ", got '" + s + "'");
        }

        void finish() {
            if (node == null) {
                return;
            }
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String k = names.next();
                if (!known.contains(k)) {
                    throw new ConfigException(key(k), "unknown key; allowed here: " + String.join(", ", known));
                }
            }
        }
    }
}
