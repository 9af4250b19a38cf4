package org.plasticity.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The registry of sweep experiments by their spec name ({@code experiment:}): adding one is a
 * {@link PointExperiment} class plus one line here. The spec reader's check and its message read the names from here.
 */
public final class Experiments {
    private static final Map<String, Function<SweepSpec, PointExperiment>> EXPERIMENTS = new LinkedHashMap<>();

    static {
        EXPERIMENTS.put("flr", FlrPoints::new);
        EXPERIMENTS.put("train", TrainPoints::new);
    }

    private Experiments() {}

    /** @return the experiment names, in registration order. */
    public static List<String> names() {
        return List.copyOf(EXPERIMENTS.keySet());
    }

    /** @return whether {@code name} is a registered experiment. */
    public static boolean contains(String name) {
        return name != null && EXPERIMENTS.containsKey(name);
    }

    /**
     * @return the point function of {@code spec}'s experiment
     * @throws IllegalArgumentException for a name the spec reader would have refused
     */
    public static PointExperiment create(SweepSpec spec) {
        Function<SweepSpec, PointExperiment> f = EXPERIMENTS.get(spec.experiment());
        if (f == null) {
            throw new IllegalArgumentException("unknown experiment '" + spec.experiment() + "'; known: " + names());
        }
        return f.apply(spec);
    }
}
