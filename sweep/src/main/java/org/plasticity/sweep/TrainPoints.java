package org.plasticity.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.plasticity.ConfigException;
import org.plasticity.io.DataSource;
import org.plasticity.layered.credit.CreditRules;
import org.plasticity.layered.credit.RuleParams;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Loss;
import org.plasticity.layered.training.EpochRecord;
import org.plasticity.layered.training.Recipes;
import org.plasticity.layered.training.TrainConfig;
import org.plasticity.layered.training.TrainResult;
import org.plasticity.layered.training.Trainer;
import org.plasticity.layered.training.TrainingListener;

/**
 * Sweep points of layered-network training ({@code plasticity train}): the fields are the train options in
 * snake case ({@code rule}, {@code data}, {@code hidden}, {@code lr}, {@code epochs}, {@code burst_baseline}, ...);
 * {@code rule} and {@code data} are required (in the base or swept). Each rule starts from its recipe.
 */
final class TrainPoints implements PointExperiment {
    static final Set<String> FIELDS = Set.of("rule", "data", "data_dir", "hidden", "epochs", "batch", "lr",
            "output_lr", "momentum", "weight_decay", "train_limit", "test_limit", "activation", "output_activation",
            "loss", "init", "np_sigma", "burst_baseline", "feedback_std", "learn_feedback", "recurrent",
            "recurrent_lr", "nudge", "seed");
    private static final List<String> METRICS = List.of("final_train_accuracy", "final_test_accuracy",
            "final_train_loss", "update_angle_1", "weight_feedback_angle_top");
    private static final Map<String, Dataset[]> DATA = new ConcurrentHashMap<>();
    private final SweepSpec spec;

    TrainPoints(SweepSpec spec) {
        this.spec = spec;
    }

    @Override
    public List<String> metrics() {
        return METRICS;
    }

    private Map<String, JsonNode> fields(SweepPoint p) {
        Map<String, JsonNode> f = new LinkedHashMap<>();
        spec.base().fields().forEachRemaining(e -> f.put(e.getKey(), e.getValue()));
        p.values().forEach((k, v) -> f.put(k, FlrPoints.parse(v)));
        for (String k : f.keySet()) {
            if (!FIELDS.contains(k)) {
                throw error(p, k, "unknown field (train fields: " + String.join(", ", new java.util.TreeSet<>(FIELDS))
                        + ")");
            }
        }
        for (String k : List.of("rule", "data")) {
            if (!f.containsKey(k)) {
                throw error(p, k, "required");
            }
        }
        return f;
    }

    TrainConfig config(SweepPoint p) {
        Map<String, JsonNode> f = fields(p);
        String rule = text(p, f, "rule");
        try {
            CreditRules.canonical(rule);
        } catch (IllegalArgumentException e) {
            throw error(p, "rule", e.getMessage());
        }
        String data = text(p, f, "data");
        if (!DataSource.NAMES.contains(data)) {
            throw error(p, "data", "unknown '" + data + "', expected one of " + String.join(", ", DataSource.NAMES));
        }
        TrainConfig r = DataSource.images(data) ? Recipes.images(rule, p.seed(), 500) : Recipes.xor(rule, p.seed());
        int[] hidden = r.hidden();
        if (f.containsKey("hidden")) {
            JsonNode h = f.get("hidden");
            hidden = h.isArray() ? new int[h.size()] : new int[] {(int) integer(p, f, "hidden", 0)};
            for (int i = 0; h.isArray() && i < h.size(); i++) {
                hidden[i] = h.get(i).asInt();
            }
        }
        RuleParams d = r.params();
        RuleParams params = new RuleParams(number(p, f, "np_sigma", d.perturbation()),
                number(p, f, "burst_baseline", d.burstBaseline()), number(p, f, "feedback_std", d.feedbackStd()),
                bool(p, f, "learn_feedback", d.learnFeedback()), bool(p, f, "recurrent", d.recurrent()),
                number(p, f, "recurrent_lr", d.recurrentLr()), number(p, f, "nudge", d.nudge()));
        try {
            return new TrainConfig(p.seed(), hidden,
                    f.containsKey("activation") ? Activation.parse(text(p, f, "activation")) : r.hiddenActivation(),
                    f.containsKey("output_activation") ? Activation.parse(text(p, f, "output_activation"))
                            : r.outputActivation(),
                    f.containsKey("loss") ? Loss.parse(text(p, f, "loss")) : r.loss(),
                    f.containsKey("init") ? Init.parse(text(p, f, "init")) : r.init(), r.initGain(),
                    (int) integer(p, f, "epochs", r.epochs()), (int) integer(p, f, "batch", r.batchSize()),
                    number(p, f, "lr", r.lr()), number(p, f, "output_lr", r.outputLr()),
                    number(p, f, "momentum", r.momentum()), number(p, f, "weight_decay", r.weightDecay()),
                    r.standardize(), (int) integer(p, f, "train_limit", r.trainLimit()),
                    (int) integer(p, f, "test_limit", r.testLimit()), r.probe(), params);
        } catch (IllegalArgumentException e) {
            throw error(p, "config", e.getMessage());
        }
    }

    @Override
    public void validate(SweepPoint point) {
        config(point);
    }

    @Override
    public LinkedHashMap<String, Double> run(SweepPoint p) {
        Map<String, JsonNode> f = fields(p);
        TrainConfig c = config(p);
        String data = text(p, f, "data");
        String dir = f.containsKey("data_dir") ? text(p, f, "data_dir") : "";
        Dataset[] sets = DATA.computeIfAbsent(data + "|" + dir,
                k -> DataSource.load(data, dir.isEmpty() ? null : Path.of(dir)));
        String rule = text(p, f, "rule");
        Trainer trainer = new Trainer(c, TrainingListener.NONE);
        try {
            trainer.validate(rule, sets[0]);
        } catch (IllegalArgumentException e) {
            throw error(p, "rule", e.getMessage());
        }
        TrainResult r = trainer.train(rule, sets[0], sets[1]);
        EpochRecord last = r.last();
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        m.put("final_train_accuracy", last.trainAccuracy());
        m.put("final_test_accuracy", last.testAccuracy());
        m.put("final_train_loss", last.trainLoss());
        m.put("update_angle_1", last.updateAngles()[0]);
        double[] wf = last.weightFeedbackAngles();
        m.put("weight_feedback_angle_top", wf[wf.length - 1]);
        return m;
    }

    private ConfigException error(SweepPoint p, String field, String message) {
        return new ConfigException(spec.source(), "point " + p.index() + " (" + p.describe() + "): " + field + ": "
                + message);
    }

    private String text(SweepPoint p, Map<String, JsonNode> f, String k) {
        JsonNode v = f.get(k);
        if (v == null || !v.isTextual()) {
            throw error(p, k, "must be a name, got " + v);
        }
        return v.asText();
    }

    private long integer(SweepPoint p, Map<String, JsonNode> f, String k, long fallback) {
        JsonNode v = f.get(k);
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber()) {
            throw error(p, k, "must be an integer, got " + v);
        }
        return v.asLong();
    }

    private double number(SweepPoint p, Map<String, JsonNode> f, String k, double fallback) {
        JsonNode v = f.get(k);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw error(p, k, "must be a number, got " + v);
        }
        return v.asDouble();
    }

    private boolean bool(SweepPoint p, Map<String, JsonNode> f, String k, boolean fallback) {
        JsonNode v = f.get(k);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw error(p, k, "must be true or false, got " + v);
        }
        return v.asBoolean();
    }
}
