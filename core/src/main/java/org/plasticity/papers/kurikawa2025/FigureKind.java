package org.plasticity.papers.kurikawa2025;

import java.util.Locale;

/** What a figure's rows are, and so how the report draws them. */
public enum FigureKind {
    /** Rows are sweep points: the swept value, then the columns of {@link ParameterSweepFigure#COLUMNS}. */
    SWEEP,
    /** Rows are tasks: series index, predicted, measured. */
    SCATTER,
    /** Rows are states: series index, x, y. */
    GEOMETRY;

    /** @return the name written in the figure's JSON, e.g. {@code scatter}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
