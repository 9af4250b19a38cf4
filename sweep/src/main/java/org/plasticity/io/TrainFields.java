package org.plasticity.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.plasticity.ConfigException;
import org.plasticity.layered.credit.CreditRules;
import org.plasticity.layered.credit.RuleSetting;
import org.plasticity.layered.data.DataSets;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Loss;
import org.plasticity.layered.training.Recipes;
import org.plasticity.layered.training.TrainConfig;

/**
 * The one spelling of a layered training config, shared by {@code train --config}, {@code compare --config}, the
 * command-line options (each {@code --output-lr} is the key {@code output_lr}) and train sweeps: snake-case keys,
 * {@code rule} and {@code data} naming registry entries, the rules' own settings from {@link CreditRules#settings()}.
 * A config is the rule's recipe for the data with the given keys applied. Problems are reported through a
 * {@link Problems} that names the key the way its source spells it.
 */
public final class TrainFields {
    /** Keys of every train config besides the rules' settings, in the order {@link #write} writes them. */
    static final List<String> GENERAL = List.of("rule", "data", "data_dir", "seed", "hidden", "arch", "epochs", "batch",
            "lr", "output_lr", "momentum", "weight_decay", "train_limit", "test_limit", "activation",
            "output_activation", "loss", "init", "init_gain", "standardize", "probe");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private TrainFields() {}

    /** Turns a problem with one key into the exception to throw, naming the key as the source spells it. */
    @FunctionalInterface
    public interface Problems {
        /** @return the exception for {@code message} about {@code key} (a config key, e.g. {@code output_lr}). */
        ConfigException at(String key, String message);
    }

    /** @return every key: the general ones, then each rule setting once. */
    public static List<String> names() {
        List<String> all = new ArrayList<>(GENERAL);
        CreditRules.settings().forEach(s -> all.add(s.key()));
        return all;
    }

    /** @return the command-line option for config key {@code key}: {@code --output-lr} for {@code output_lr}. */
    public static String option(String key) {
        return "--" + key.replace('_', '-');
    }

    /**
     * Reads a train config file (YAML or JSON, one mapping of keys to values), checking its keys.
     *
     * @throws ConfigException naming the file and the key at fault
     */
    public static Map<String, JsonNode> read(Path file) {
        String source = file.toString();
        JsonNode root = ConfigReader.tree(ConfigReader.readText(file), source);
        if (root == null || !root.isObject()) {
            throw new ConfigException(source, "must be a mapping of train keys (" + String.join(", ", names())
                    + ")");
        }
        Map<String, JsonNode> f = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> f.put(e.getKey(), e.getValue()));
        checkKeys(f, (k, m) -> new ConfigException(source, k + ": " + m));
        return f;
    }

    /** Reports the first key that is no train key. */
    public static void checkKeys(Map<String, JsonNode> f, Problems problems) {
        List<String> names = names();
        for (String k : f.keySet()) {
            if (!names.contains(k)) {
                throw problems.at(k, "unknown field (train fields: " + String.join(", ", names.stream().sorted()
                        .toList()) + ")");
            }
        }
    }

    /**
     * @param f the keys given ({@code rule} and {@code data} required; {@code seed} and {@code data_dir} are read by
     *     the caller)
     * @param seed the run's seed
     * @return the recipe of {@code f}'s rule for its data, with every other key of {@code f} applied
     */
    public static TrainConfig config(Map<String, JsonNode> f, long seed, Problems problems) {
        checkKeys(f, problems);
        String rule = text(f, "rule", problems);
        try {
            CreditRules.canonical(rule);
        } catch (IllegalArgumentException e) {
            throw problems.at("rule", e.getMessage());
        }
        boolean images;
        try {
            images = DataSets.type(text(f, "data", problems)).images();
        } catch (ConfigException e) {
            throw problems.at("data", e.detail());
        }
        TrainConfig.Builder b = Recipes.forData(images, rule, seed).toBuilder();
        Values v = new Values(f, problems);
        if (f.containsKey("hidden")) {
            JsonNode h = f.get("hidden");
            int[] hidden = new int[h.isArray() ? h.size() : 1];
            for (int i = 0; i < hidden.length; i++) {
                JsonNode w = h.isArray() ? h.get(i) : h;
                if (!w.isIntegralNumber() || !w.canConvertToInt()) {
                    throw problems.at("hidden", "must be a width or a list of widths, got " + h);
                }
                hidden[i] = w.asInt();
            }
            b.hidden(hidden);
        }
        if (f.containsKey("arch")) { // given units (activation) override the architecture's own
            String arch = text(f, "arch", problems);
            if (f.containsKey("activation")) {
                b.arch(arch);
            } else {
                Recipes.arch(b, rule, arch);
            }
        }
        v.integer("epochs", b::epochs);
        v.integer("batch", b::batchSize);
        v.number("lr", b::lr);
        v.number("output_lr", b::outputLr);
        v.number("momentum", b::momentum);
        v.number("weight_decay", b::weightDecay);
        v.integer("train_limit", b::trainLimit);
        v.integer("test_limit", b::testLimit);
        v.parsed("activation", Activation::parse, b::hiddenActivation);
        v.parsed("output_activation", Activation::parse, b::outputActivation);
        v.parsed("loss", Loss::parse, b::loss);
        v.parsed("init", Init::parse, b::init);
        v.number("init_gain", b::initGain);
        v.flag("standardize", b::standardize);
        v.integer("probe", b::probe);
        for (RuleSetting s : CreditRules.settings()) {
            if (s.isFlag()) {
                v.flag(s.key(), x -> b.setting(s.key(), x));
            } else {
                v.number(s.key(), x -> b.setting(s.key(), x));
            }
        }
        try {
            return b.build();
        } catch (ConfigException e) {
            throw problems.at(e.key(), e.detail());
        }
    }

    /**
     * @return every key of {@code c} with {@code rule} and {@code data}, such that {@link #config} of it (with the
     *     same seed) equals {@code c}
     */
    public static ObjectNode write(TrainConfig c, String rule, String data) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("rule", rule);
        o.put("data", data);
        o.put("seed", c.seed());
        ArrayNode h = o.putArray("hidden");
        for (int w : c.hidden()) {
            h.add(w);
        }
        if (!c.arch().isEmpty()) { // written only when set, so that dense configs read as they always did
            o.put("arch", c.arch());
        }
        o.put("epochs", c.epochs());
        o.put("batch", c.batchSize());
        o.put("lr", c.lr());
        o.put("output_lr", c.outputLr());
        o.put("momentum", c.momentum());
        o.put("weight_decay", c.weightDecay());
        o.put("train_limit", c.trainLimit());
        o.put("test_limit", c.testLimit());
        o.put("activation", c.hiddenActivation().id());
        o.put("output_activation", c.outputActivation().id());
        o.put("loss", c.loss().id());
        o.put("init", c.init().id());
        o.put("init_gain", c.initGain());
        o.put("standardize", c.standardize());
        o.put("probe", c.probe());
        for (RuleSetting s : CreditRules.settings()) {
            Object x = c.settings().get(s.key());
            if (x instanceof Boolean flag) {
                o.put(s.key(), flag);
            } else {
                o.put(s.key(), (Double) x);
            }
        }
        return o;
    }

    /** @return {@code config} as YAML text, the form {@code --config} reads. */
    public static String yaml(ObjectNode config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return {@code f}'s text value of {@code key}. */
    public static String text(Map<String, JsonNode> f, String key, Problems problems) {
        JsonNode v = f.get(key);
        if (v == null) {
            throw problems.at(key, "required");
        }
        if (!v.isTextual()) {
            throw problems.at(key, "must be a name, got " + v);
        }
        return v.asText();
    }

    /** Typed reads of the given keys, each applied only when present. */
    private record Values(Map<String, JsonNode> f, Problems problems) {
        void integer(String k, IntConsumer to) {
            JsonNode v = f.get(k);
            if (v != null) {
                if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                    throw problems.at(k, "must be an integer, got " + v);
                }
                to.accept(v.asInt());
            }
        }

        void number(String k, DoubleConsumer to) {
            JsonNode v = f.get(k);
            if (v != null) {
                if (!v.isNumber()) {
                    throw problems.at(k, "must be a number, got " + v);
                }
                to.accept(v.asDouble());
            }
        }

        void flag(String k, Consumer<Boolean> to) {
            JsonNode v = f.get(k);
            if (v != null) {
                if (!v.isBoolean()) {
                    throw problems.at(k, "must be true or false, got " + v);
                }
                to.accept(v.asBoolean());
            }
        }

        <T> void parsed(String k, Function<String, T> parse, Consumer<T> to) {
            JsonNode v = f.get(k);
            if (v != null) {
                if (!v.isTextual()) {
                    throw problems.at(k, "must be a name, got " + v);
                }
                T t;
                try {
                    t = parse.apply(v.asText());
                } catch (IllegalArgumentException e) {
                    throw problems.at(k, e.getMessage());
                }
                to.accept(t);
            }
        }
    }
}
