package org.plasticity.neural.data;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.plasticity.DataException;

/**
 * CSV files as rows of cells (Jackson's CSV parser: quoting, embedded commas and a UTF-8 byte-order mark are handled
 * there) and as numeric matrices with an optional header row.
 */
final class CsvTables {
    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();
    /** A plain decimal number; Java's own parser would also take hex floats and suffixes such as {@code 1d}. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** Missing (NaN, NA) and infinite values as numpy, R and pandas write them, in any case. */
    private static final Pattern SPECIAL = Pattern.compile("(?i)nan|na|[+-]?(inf|infinity)");

    private CsvTables() {}

    /** One row of a CSV file: its cells and the line it starts on (1-based), for error messages. */
    record Row(int line, String[] cells) {}

    /** @return the file's rows, cells trimmed; blank lines are skipped. */
    static List<Row> rows(Path file) {
        checkReadable(file);
        List<Row> rows = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             CsvParser p = FACTORY.createParser(in)) {
            // WRAP_AS_ARRAY makes the file one array of rows, each an array of cells (all strings).
            List<String> cells = new ArrayList<>();
            int depth = 0;
            int line = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY) {
                    depth++;
                    cells.clear();
                } else if (t == JsonToken.END_ARRAY) {
                    if (depth-- == 2 && !(cells.size() == 1 && cells.get(0).isEmpty())) {
                        rows.add(new Row(line, cells.toArray(new String[0])));
                    }
                } else {
                    line = cells.isEmpty() ? p.currentTokenLocation().getLineNr() : line;
                    cells.add(t == JsonToken.VALUE_NULL ? "" : p.getText());
                }
            }
        } catch (IOException e) {
            throw new DataException(file, "not a readable CSV file (" + e.getMessage() + ")", e);
        }
        return rows;
    }

    static void checkReadable(Path file) {
        if (Files.isDirectory(file)) {
            throw new DataException(file, "is a folder, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new DataException(file, "no such file");
        }
    }

    /**
     * A numeric matrix, rows x columns. The first row is a header when any of its cells is not a number, or when it
     * reads 0, 1, ..., n-1 (the column names pandas writes for an unnamed frame); a header whose first cell is empty
     * marks the first column as row names (pandas' index) and that column is dropped. Empty cells and NaN are NaN;
     * inf and -inf are infinite (the callers decide whether that is allowed).
     */
    static Grid matrix(Path file) {
        List<Row> rows = rows(file);
        if (rows.isEmpty()) {
            throw new DataException(file, "is empty (a numeric CSV matrix was expected)");
        }
        int first = 0;
        int skipColumns = 0;
        if (isHeader(rows.get(0).cells())) {
            first = 1;
            skipColumns = rows.get(0).cells()[0].isEmpty() ? 1 : 0;
        }
        if (rows.size() == first) {
            throw new DataException(file, "has a header row but no data rows");
        }
        int columns = rows.get(first).cells().length - skipColumns;
        if (columns < 1) {
            throw new DataException(file, "has no data columns");
        }
        double[] values = new double[Math.multiplyExact(rows.size() - first, columns)];
        for (int r = first; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.cells().length - skipColumns != columns) {
                throw new DataException(file, "line " + row.line() + " has " + row.cells().length + " values, line "
                        + rows.get(first).line() + " has " + (columns + skipColumns)
                        + " (every row must have as many)");
            }
            for (int c = 0; c < columns; c++) {
                String cell = row.cells()[c + skipColumns];
                if (!isNumber(cell)) {
                    throw new DataException(file, "line " + row.line() + ", column " + (c + skipColumns + 1) + ": '"
                            + cell + "' is not a number");
                }
                values[(r - first) * columns + c] = number(cell);
            }
        }
        return new Grid(null, new int[] {rows.size() - first, columns}, values);
    }

    /** @return whether the cell is a number, empty, NaN or NA (missing), or inf (signed). */
    private static boolean isNumber(String cell) {
        String s = cell.trim();
        return s.isEmpty() || NUMBER.matcher(s).matches() || SPECIAL.matcher(s).matches();
    }

    /** @return the value of a cell {@link #isNumber} accepted: NaN when missing. */
    private static double number(String cell) {
        String s = cell.trim();
        if (NUMBER.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.endsWith("inf") || lower.endsWith("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.NaN;
    }

    private static boolean isHeader(String[] cells) {
        for (String c : cells) {
            if (!isNumber(c)) {
                return true;
            }
        }
        // pandas' default column names: 0 .. n-1, after an empty cell when the index was written too.
        int start = cells.length > 0 && cells[0].isEmpty() ? 1 : 0;
        if (cells.length - start < 2) {
            return false;
        }
        for (int i = start; i < cells.length; i++) {
            if (!cells[i].equals(String.valueOf(i - start))) {
                return false;
            }
        }
        return true;
    }
}
