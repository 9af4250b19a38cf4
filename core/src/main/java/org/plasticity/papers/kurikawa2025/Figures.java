package org.plasticity.papers.kurikawa2025;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plasticity.ConfigException;

/**
 * The registry of the paper's figures, in report order: adding a figure is a {@link Figure} class plus one line here.
 * The {@code reproduce} command's names, help and completion, the report and the tests read it.
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
    }

    private Figures() {}

    private static void add(Figure f) {
        FIGURES.put(f.id(), f);
    }

    /** @return the figure ids, in report order. */
    public static List<String> ids() {
        return new ArrayList<>(FIGURES.keySet());
    }

    /**
     * @return the figure called {@code id}
     * @throws ConfigException naming {@code --figure} when there is none
     */
    public static Figure byId(String id) {
        Figure f = id == null ? null : FIGURES.get(id);
        if (f == null) {
            throw new ConfigException("--figure", "unknown figure '" + ConfigException.shown(id, 60) + "'; known: "
                    + ids());
        }
        return f;
    }
}
