package org.plasticity.papers.kurikawa2025;

import java.util.List;
import java.util.Map;
import org.plasticity.recurrent.config.FlrConfig;

/**
 * One regenerated figure: the paper's claim it tests, the numbers behind it and a verdict computed from them.
 *
 * @param id           stable figure id, e.g. {@code gain}
 * @param kind         what the rows are, see {@link FigureKind}
 * @param series       names of the scatter series (empty for sweeps)
 * @param title        a short caption
 * @param claim        the paper's statement under test (docs/figures.md)
 * @param xLabel       the swept quantity
 * @param columns      names of the columns of {@code rows}
 * @param rows         one row per sweep point
 * @param reproduced   the verdict, computed from the rows
 * @param verdictDetail one line saying why, with the numbers
 * @param numbers      the numbers behind the verdict
 * @param baseConfig   the config every point starts from (the swept field aside)
 */
public record FigureResult(String id, FigureKind kind, List<String> series, String title, String claim, String xLabel,
                           List<String> columns,
                           List<double[]> rows, boolean reproduced, String verdictDetail, Map<String, Double> numbers,
                           FlrConfig baseConfig) {

    /** @return the column called {@code name}. */
    public double[] column(String name) {
        int k = columns.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        return rows.stream().mapToDouble(r -> r[k]).toArray();
    }
}
