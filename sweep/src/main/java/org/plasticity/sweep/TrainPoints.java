package org.plasticity.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.plasticity.ConfigException;
import org.plasticity.io.TrainFields;
import org.plasticity.layered.data.DataSets;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.training.EpochRecord;
import org.plasticity.layered.training.TrainConfig;
import org.plasticity.layered.training.TrainResult;
import org.plasticity.layered.training.Trainer;
import org.plasticity.layered.training.TrainingListener;

/**
 * Sweep points of layered-network training ({@code plasticity train}): the fields are the train config keys of
 * {@link TrainFields} ({@code rule}, {@code data}, {@code hidden}, {@code lr}, {@code epochs}, each rule's settings
 * such as {@code burst_baseline}, ...); {@code rule} and {@code data} are required (in the base or swept). Each rule
 * starts from its recipe.
 */
final class TrainPoints implements PointExperiment {
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
        TrainFields.checkKeys(f, (k, m) -> error(p, k, m));
        for (String k : List.of("rule", "data")) {
            if (!f.containsKey(k)) {
                throw error(p, k, "required");
            }
        }
        return f;
    }

    TrainConfig config(SweepPoint p) {
        return TrainFields.config(fields(p), p.seed(), (k, m) -> error(p, k, m));
    }

    @Override
    public void validate(SweepPoint point) {
        config(point);
    }

    @Override
    public LinkedHashMap<String, Double> run(SweepPoint p) {
        Map<String, JsonNode> f = fields(p);
        TrainConfig c = config(p);
        TrainFields.Problems problems = (k, m) -> error(p, k, m);
        String data = TrainFields.text(f, "data", problems);
        String dir = f.containsKey("data_dir") ? TrainFields.text(f, "data_dir", problems) : "";
        Dataset[] sets = DATA.computeIfAbsent(data + "|" + dir,
                k -> DataSets.load(data, dir.isEmpty() ? null : Path.of(dir)));
        String rule = TrainFields.text(f, "rule", problems);
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
}
