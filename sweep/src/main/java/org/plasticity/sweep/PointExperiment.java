package org.plasticity.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import org.plasticity.ConfigException;

/** The function a sweep evaluates at each point: its config from the base plus the point's values, run, metrics. */
public interface PointExperiment {
    List<String> NAMES = List.of("flr", "train");

    /** @return the metric names, in the column order of results.csv. */
    List<String> metrics();

    /** Builds the point's config, failing with a one-line {@link ConfigException} when a field or value is wrong. */
    void validate(SweepPoint point);

    /** Runs the point on one thread; the metrics depend only on the spec and the point. */
    LinkedHashMap<String, Double> run(SweepPoint point);

    static PointExperiment of(SweepSpec spec) {
        return switch (spec.experiment()) {
            case "flr" -> new FlrPoints(spec);
            case "train" -> new TrainPoints(spec);
            default -> throw new IllegalArgumentException(spec.experiment());
        };
    }
}
