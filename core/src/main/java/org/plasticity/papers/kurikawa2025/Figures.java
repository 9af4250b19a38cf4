package org.plasticity.papers.kurikawa2025;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plasticity.ConfigException;

/**
 * The registry of the paper's figures, in report order: adding a figure is a {@link Figure} class plus one line here.
 * The {@code reproduce} command's names, help and completion, the report and the tests read it. A figure that goes
 * beyond the paper ({@link Figure#byDefault()} false, e.g. {@code rules}) is known by {@link #byId} but left out of
 * {@link #ids()}, the set {@code reproduce} runs when no figure is named.
 */
public final class Figures {
    private static final Map<String, Figure> FIGURES = new LinkedHashMap<>();

    static {
        add(new GeometryFigure());
        add(new AgreementFigure());
        add(new AlignmentFigure());
        add(new LearningTimeFigure());
        add(new LearnabilityFigure());
        add(ParameterSweepFigure.GAIN);
        add(ParameterSweepFigure.MEMORIES);
        add(ParameterSweepFigure.INPUT);
        add(new RulesFigure());
    }

    private Figures() {}

    private static void add(Figure f) {
        FIGURES.put(f.id(), f);
    }

    /** @return the ids of the figures {@code reproduce} runs by default (the paper's), in report order. */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        FIGURES.forEach((id, f) -> {
            if (f.byDefault()) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** @return every figure id, those run only when named ({@link Figure#byDefault()} false) last. */
    public static List<String> allIds() {
        List<String> all = ids();
        FIGURES.keySet().stream().filter(id -> !all.contains(id)).forEach(all::add);
        return all;
    }

    /**
     * @return the figure called {@code id}
     * @throws ConfigException naming {@code --figure} when there is none
     */
    public static Figure byId(String id) {
        Figure f = id == null ? null : FIGURES.get(id);
        if (f == null) {
            throw new ConfigException("--figure", "unknown figure '" + ConfigException.shown(id, 60) + "'; known: "
                    + allIds());
        }
        return f;
    }
}
