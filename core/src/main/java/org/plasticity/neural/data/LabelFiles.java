package org.plasticity.neural.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.plasticity.DataException;

/**
 * Stimulus labels (categories, for stratified splits) from a CSV file: one row per stimulus, in stimulus order.
 *
 * <p>A file of one column may have a header: the first row is one when it reads {@code label} (any case) or when the
 * file has one row more than there are stimuli. A file of several columns must have a header naming one column
 * {@code label}.
 */
public final class LabelFiles {
    private LabelFiles() {}

    /**
     * Reads the labels; a count that differs from {@code stimuli}, an empty label or a missing {@code label} column
     * is a one-line {@link DataException} naming the file.
     */
    public static String[] read(Path csv, int stimuli) {
        List<CsvTables.Row> rows = CsvTables.rows(csv);
        if (rows.isEmpty()) {
            throw new DataException(csv, "is empty (one label per stimulus was expected)");
        }
        String[] header = rows.get(0).cells();
        int column = 0;
        int first = 0;
        if (header.length > 1) {
            column = -1;
            for (int c = 0; c < header.length; c++) {
                column = column < 0 && header[c].equalsIgnoreCase("label") ? c : column;
            }
            if (column < 0) {
                throw new DataException(csv, "has " + header.length + " columns and none is named 'label' (header: "
                        + String.join(", ", Arrays.asList(header)) + ")");
            }
            first = 1;
        } else if (header[0].equalsIgnoreCase("label") || rows.size() == stimuli + 1) {
            first = 1;
        }
        int count = rows.size() - first;
        if (count != stimuli) {
            throw new DataException(csv, "has " + count + " labels" + (first == 1 ? " (after its header)" : "")
                    + " for " + stimuli + " stimuli");
        }
        String[] labels = new String[count];
        for (int r = first; r < rows.size(); r++) {
            CsvTables.Row row = rows.get(r);
            String label = column < row.cells().length ? row.cells()[column] : "";
            if (label.isEmpty()) {
                throw new DataException(csv, "line " + row.line() + ": empty label");
            }
            labels[r - first] = label;
        }
        return labels;
    }
}
