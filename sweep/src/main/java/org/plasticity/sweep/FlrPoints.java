package org.plasticity.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plasticity.ConfigException;
import org.plasticity.io.ConfigReader;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.experiment.FlrExperiment;
import org.plasticity.recurrent.experiment.FlrResult;
import org.plasticity.recurrent.experiment.ProgressListener;
import org.plasticity.recurrent.experiment.TaskResult;
import org.plasticity.stats.Agreement;

/**
 * Sweep points of the fluctuation-learning experiment ({@code plasticity flr}): a field is a dotted key of the flr
 * config ({@code network.beta}, {@code network.memories}, {@code task.gamma}, {@code rule}, {@code seed}, ...).
 */
final class FlrPoints implements PointExperiment {
    private static final List<String> METRICS = List.of("mean_measured_speed", "mean_predicted_flr1",
            "mean_predicted_flr2", "flr1_r", "flr1_fit_slope", "flr1_loglog_slope", "flr2_r", "spontaneous_variance",
            "top_eigenvalue");
    private final SweepSpec spec;

    FlrPoints(SweepSpec spec) {
        this.spec = spec;
    }

    @Override
    public List<String> metrics() {
        return METRICS;
    }

    FlrConfig config(SweepPoint p) {
        ObjectNode tree = spec.base().deepCopy();
        tree.put("seed", p.seed());
        for (Map.Entry<String, String> e : p.values().entrySet()) {
            set(tree, e.getKey(), parse(e.getValue()));
        }
        try {
            return ConfigReader.parse(tree, spec.source());
        } catch (ConfigException e) {
            throw new ConfigException(spec.source(), "point " + p.index() + " (" + p.describe() + "): "
                    + e.getMessage());
        }
    }

    @Override
    public void validate(SweepPoint point) {
        config(point);
    }

    @Override
    public LinkedHashMap<String, Double> run(SweepPoint point) {
        FlrResult r = FlrExperiment.run(config(point), 1, ProgressListener.NONE);
        double speed = 0;
        double flr1 = 0;
        double flr2 = 0;
        for (TaskResult t : r.tasks()) {
            speed += t.measured().speed();
            flr1 += t.predicted().flr1();
            flr2 += t.predicted().flr2();
        }
        int n = r.tasks().size();
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        m.put("mean_measured_speed", speed / n);
        m.put("mean_predicted_flr1", flr1 / n);
        m.put("mean_predicted_flr2", flr2 / n);
        Agreement a = r.flr1();
        m.put("flr1_r", a.pearsonR());
        m.put("flr1_fit_slope", a.fitSlope());
        m.put("flr1_loglog_slope", a.loglogSlope());
        m.put("flr2_r", r.flr2().pearsonR());
        m.put("spontaneous_variance", r.spontaneous().meanVariance());
        m.put("top_eigenvalue", r.spontaneous().topEigenvalue());
        return m;
    }

    static JsonNode parse(String json) {
        try {
            return SweepSpecReader.JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets {@code a.b.c} in the tree, creating the mappings on the way. */
    static void set(ObjectNode tree, String dotted, JsonNode value) {
        org.plasticity.io.ConfigReader.setDotted(tree, dotted, value);
    }
}
