package org.plasticity.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.plasticity.ConfigException;
import org.plasticity.DataException;
import org.plasticity.io.TrainFields;
import org.plasticity.layered.data.DataSets;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.training.Recipes;
import org.plasticity.layered.training.TrainConfig;
import picocli.CommandLine.Option;

/**
 * The options of {@code train} and {@code compare}. Each rule starts from its recipe for the data (see
 * {@link Recipes}); the keys of {@code --config} apply next, then every option given here, for every rule. Options
 * and config keys are one spelling ({@code --output-lr} is {@code output_lr}, see {@link TrainFields}), and the rules'
 * own settings ({@code --np-sigma}, ...) come from the registry ({@link RuleOptions}).
 */
final class TrainingOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Train config, YAML or JSON, with the keys of a train sweep (rule, data, hidden, lr, "
                + "np_sigma, ...); options given here override it (default: none).")
    Path config;

    @Option(names = "--data", paramLabel = "SET", completionCandidates = DataNames.class,
            description = "Data set: ${COMPLETION-CANDIDATES} (required, here or as data in --config).")
    String data;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the set's files are (default: the set's usual place; fashion-mnist: "
                + "/usr/share/datasets/fashion-mnist).")
    Path dataDir;

    @Option(names = "--hidden", split = ",", paramLabel = "N",
            description = "Hidden layer widths, e.g. 500 or 256,128 (default: 500 for images, 8 for XOR).")
    int[] hidden;

    @Option(names = "--layers", split = ",", paramLabel = "N",
            description = "All layer widths, inputs to outputs (must fit the data), instead of --hidden (default: "
                + "from --hidden and the data).")
    int[] layers;

    @Option(names = "--arch", paramLabel = "LAYERS",
            description = "Hidden layers: lenet, payeur-cifar, or a list such as conv6k5p2,maxpool2,conv16k5,fc84 "
                + "(conv<C>k<K>[s<S>][p<P>], fc<N>, maxpool<K>[s<S>], avgpool<K>[s<S>], each weight layer optionally "
                + ":<activation>); the output layer is added (default: fully connected, from --hidden).")
    String arch;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training set (default: 5 for images; 2000 for XOR, 5000 with np).")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "N", description = "Minibatch size (default: 32 for images, 4 for XOR).")
    Integer batch;

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate of the hidden layers (default per rule: images 0.05, burstprop 0.1, np 0.001; "
                + "XOR 1.0, burstprop 4.0, np 0.1).")
    Double lr;

    @Option(names = "--output-lr", paramLabel = "RATE", description = "Learning rate of the output layer (default per rule: images 0.05, burstprop 0.25, np 0.001; "
                + "XOR as --lr).")
    Double outputLr;

    @Option(names = "--momentum", paramLabel = "MU",
            description = "Momentum of the weight steps, in [0, 1) (default: 0.9).")
    Double momentum;

    @Option(names = "--weight-decay", paramLabel = "LAMBDA",
            description = "L2 weight decay per step, >= 0 (default: 1e-6 for images, 0 for XOR).")
    Double weightDecay;

    @Option(names = "--activation", paramLabel = "F", description = "Hidden units: sigmoid, tanh, relu, linear, hard-sigmoid (default: sigmoid; hard-sigmoid for ep).")
    String activation;

    @Option(names = "--output-activation", paramLabel = "F", description = "Output units, e.g. softmax, sigmoid (default: softmax for images, sigmoid for XOR).")
    String outputActivation;

    @Option(names = "--loss", paramLabel = "L", description = "mse or cross-entropy (default: cross-entropy for images, mse for XOR).") String loss;

    @Option(names = "--init", paramLabel = "SCHEME",
            description = "xavier-normal, xavier-uniform, kaiming-normal, kaiming-uniform (default: xavier-normal).")
    String init;

    @Option(names = "--train-limit", paramLabel = "N",
            description = "Train on the first N examples only (N >= 1; default: all).")
    Integer trainLimit;

    @Option(names = "--test-limit", paramLabel = "N",
            description = "Test on the first N examples only (N >= 1; default: all).")
    Integer testLimit;

    /** Rule settings given on the command line, by config key; filled by the options {@link RuleOptions} adds. */
    final Map<String, Object> settings = new LinkedHashMap<>();

    /** The keys of --config, once read. */
    private Map<String, JsonNode> file;

    /** Reads the data set, or fails with one line: a bad limit, an unreadable file, or sets that cannot be used. */
    Dataset[] load() {
        requireLimit("--train-limit", trainLimit);
        requireLimit("--test-limit", testLimit);
        Dataset[] sets = DataSets.load(data(), dataDir());
        Dataset train = sets[0];
        Dataset test = sets[1];
        for (Dataset d : sets) {
            if (d.size() == 0) {
                throw new DataException(d.name(), "holds no examples");
            }
        }
        if (test.features() != train.features() || test.classes() != train.classes()) {
            throw new DataException(test.name(), test.features() + " values and " + test.classes()
                    + " classes per example, but the training set " + train.name() + " has " + train.features()
                    + " and " + train.classes());
        }
        return sets;
    }

    /** A limit of 0 used to mean "all" by accident of the config's encoding; leaving the option out says that. */
    private static void requireLimit(String option, Integer limit) {
        if (limit != null && limit < 1) {
            throw new ConfigException(option, "must be >= 1 (leave it out to use all examples), got " + limit);
        }
    }

    /** @return the keys of --config ({@code rule}, {@code data}, ...), empty without one. */
    Map<String, JsonNode> file() {
        if (file == null) {
            file = config == null ? Map.of() : TrainFields.read(config);
        }
        return file;
    }

    /** @return the data set's name: --data, or the config file's {@code data}. */
    String data() {
        if (data != null) {
            return data;
        }
        JsonNode d = file().get("data");
        if (d == null) {
            throw new ConfigException("--data", "required (the data set: " + String.join(", ", DataSets.ids())
                    + "), here or as data in --config");
        }
        return TrainFields.text(file(), "data", this::fileProblem);
    }

    private Path dataDir() {
        if (dataDir != null || !file().containsKey("data_dir")) {
            return dataDir;
        }
        return Path.of(TrainFields.text(file(), "data_dir", this::fileProblem));
    }

    /** @return the seed: --seed, or the config file's {@code seed}, or 1. */
    long seed(Long option) {
        if (option != null) {
            return option;
        }
        JsonNode s = file().get("seed");
        if (s == null) {
            return 1;
        }
        if (!s.isIntegralNumber() || !s.canConvertToLong()) {
            throw fileProblem("seed", "must be an integer, got " + s);
        }
        return s.asLong();
    }

    /** @return the rule the config file names, or null. */
    String fileRule() {
        return file().containsKey("rule") ? TrainFields.text(file(), "rule", this::fileProblem) : null;
    }

    private ConfigException fileProblem(String key, String message) {
        return new ConfigException(config.toString(), key + ": " + message);
    }

    /**
     * @return the config for {@code rule}: its recipe for the data, with the config file's keys and then every given
     *     option applied
     */
    TrainConfig config(String rule, long seed, Dataset train) {
        if (hidden != null && layers != null) {
            throw new ConfigException("--layers", "give either --hidden or --layers, not both");
        }
        if (arch != null && (hidden != null || layers != null)) {
            throw new ConfigException("--arch", "sets the hidden layers itself: give either --arch or "
                    + (hidden != null ? "--hidden" : "--layers") + ", not both");
        }
        Map<String, JsonNode> f = new LinkedHashMap<>(file());
        Set<String> given = new HashSet<>();
        JsonNodeFactory n = JsonNodeFactory.instance;
        put(f, given, "rule", n.textNode(rule));
        put(f, given, "data", n.textNode(data()));
        int[] h = hidden;
        if (layers != null) {
            if (layers.length < 2 || layers[0] != train.features() || layers[layers.length - 1] != train.classes()) {
                throw new ConfigException("--layers", Arrays.toString(layers) + " does not fit " + train.name()
                        + ": it needs " + train.features() + " inputs and " + train.classes() + " outputs");
            }
            h = Arrays.copyOfRange(layers, 1, layers.length - 1);
        }
        if (h != null) {
            ArrayNode a = n.arrayNode();
            Arrays.stream(h).forEach(a::add);
            put(f, given, "hidden", a);
        }
        put(f, given, "arch", arch == null ? null : n.textNode(arch));
        put(f, given, "epochs", epochs == null ? null : n.numberNode(epochs));
        put(f, given, "batch", batch == null ? null : n.numberNode(batch));
        put(f, given, "lr", lr == null ? null : n.numberNode(lr));
        put(f, given, "output_lr", outputLr == null ? null : n.numberNode(outputLr));
        put(f, given, "momentum", momentum == null ? null : n.numberNode(momentum));
        put(f, given, "weight_decay", weightDecay == null ? null : n.numberNode(weightDecay));
        put(f, given, "activation", activation == null ? null : n.textNode(activation));
        put(f, given, "output_activation", outputActivation == null ? null : n.textNode(outputActivation));
        put(f, given, "loss", loss == null ? null : n.textNode(loss));
        put(f, given, "init", init == null ? null : n.textNode(init));
        put(f, given, "train_limit", trainLimit == null ? null : n.numberNode(trainLimit));
        put(f, given, "test_limit", testLimit == null ? null : n.numberNode(testLimit));
        settings.forEach((k, v) -> put(f, given, k, v instanceof Boolean b ? n.booleanNode(b)
                : n.numberNode((Double) v)));
        return TrainFields.config(f, seed, (key, message) -> config != null && !given.contains(key)
                && file().containsKey(key) ? fileProblem(key, message)
                : new ConfigException(key.equals("hidden") && layers != null ? "--layers" : TrainFields.option(key),
                        message));
    }

    private static void put(Map<String, JsonNode> f, Set<String> given, String key, JsonNode v) {
        if (v != null) {
            f.put(key, v);
            given.add(key);
        }
    }

    /** The data set names, from the registry, for picocli's help and shell completion. */
    static final class DataNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return DataSets.ids().iterator();
        }
    }
}
