package org.plasticity.sweep;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * The function a sweep evaluates at each point: its config from the base plus the point's values, run, metrics. The
 * implementations are listed in {@link Experiments}.
 */
public interface PointExperiment {
    /** The registered experiment names, as {@link Experiments#names()}. */
    List<String> NAMES = Experiments.names();

    /** @return the metric names, in the column order of results.csv. */
    List<String> metrics();

    /** Builds the point's config, failing with a one-line {@link org.plasticity.ConfigException} when a field or value is wrong. */
    void validate(SweepPoint point);

    /** Runs the point on one thread; the metrics depend only on the spec and the point. */
    LinkedHashMap<String, Double> run(SweepPoint point);

    /** @return the point function of {@code spec}'s experiment, from the registry. */
    static PointExperiment of(SweepSpec spec) {
        return Experiments.create(spec);
    }
}
