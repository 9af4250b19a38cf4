package org.plasticity.learnability;

import java.nio.file.Path;
import org.plasticity.DataException;
import org.plasticity.neural.data.MatrixFiles;

/**
 * Candidate directions in neuron space, one per row (targets xi or inputs eta), row-major. Checked against the
 * recording when made: one entry per neuron, every entry finite, no all-zero row. Immutable.
 */
public final class Directions {
    private final String source;
    private final int count;
    private final int neurons;
    private final double[] values;

    private Directions(String source, int count, int neurons, double[] values) {
        this.source = source;
        this.count = count;
        this.neurons = neurons;
        this.values = values;
    }

    /**
     * Reads directions, one per row, from any format {@link MatrixFiles} reads (a 1-D array is one direction), and
     * checks them against {@code recording} as {@link #of} does.
     */
    public static Directions read(Path file, Recording recording) {
        MatrixFiles.Matrix m = MatrixFiles.read(file, null, false);
        return of(m.source(), m.rows(), m.columns(), m.values(), recording.neurons(), recording.samples());
    }

    /**
     * @param source the file, named in error messages
     * @param values {@code rows x columns}, row-major; kept, not copied
     * @param neurons the recording's number of neurons, which {@code columns} must equal
     * @param samples the recording's number of samples, only to say so when the recording looks transposed
     * @throws DataException naming {@code source} for another length than {@code neurons}, no rows, a non-finite
     *     entry or a zero row
     */
    public static Directions of(String source, int rows, int columns, double[] values, int neurons, int samples) {
        if ((long) rows * columns != values.length) {
            throw new IllegalArgumentException(source + ": shape does not match the number of values");
        }
        if (columns != neurons) {
            throw new DataException(source, "directions have " + columns + " entries (columns) but the recording has "
                    + neurons + " neurons" + (columns == samples ? " and " + samples + " samples: are the recording's"
                    + " samples and neurons swapped (see --neurons-by-samples)?"
                    : " (one direction per row, one entry per neuron)"));
        }
        if (rows < 1) {
            throw new DataException(source, "holds no direction (0 rows)");
        }
        for (int r = 0; r < rows; r++) {
            boolean zero = true;
            for (int i = 0; i < columns; i++) {
                double v = values[r * columns + i];
                if (!Double.isFinite(v)) {
                    throw new DataException(source, "row " + r + ", entry " + i + ": " + v
                            + " (directions must be finite)");
                }
                zero &= v == 0;
            }
            if (zero) {
                throw new DataException(source, "row " + r + " is all zeros, which is no direction");
            }
        }
        return new Directions(source, rows, columns, values);
    }

    /** @return the file the directions came from. */
    public String source() {
        return source;
    }

    /** @return the number of directions (rows). */
    public int count() {
        return count;
    }

    /** @return the length of each direction (the recording's neurons). */
    public int neurons() {
        return neurons;
    }

    /** @return a copy of direction {@code r}. */
    public double[] row(int r) {
        double[] out = new double[neurons];
        System.arraycopy(values, r * neurons, out, 0, neurons);
        return out;
    }

    /**
     * @return these directions each rescaled to length {@code sqrt(N)}, the length of a +-1 pattern, so that a
     *     score compares directions and not their lengths (a +-1 pattern is left as it is)
     */
    public Directions normalised() {
        double[] out = values.clone();
        for (int r = 0; r < count; r++) {
            double sq = 0;
            for (int i = 0; i < neurons; i++) {
                sq += out[r * neurons + i] * out[r * neurons + i];
            }
            double f = Math.sqrt(neurons / sq);
            for (int i = 0; i < neurons; i++) {
                out[r * neurons + i] *= f;
            }
        }
        return new Directions(source, count, neurons, out);
    }

    /**
     * @return {@code pairs} rows, row-major: these directions, or the single one repeated when there is one
     */
    double[] expanded(int pairs) {
        if (pairs == count) {
            return values;
        }
        double[] out = new double[pairs * neurons];
        for (int k = 0; k < pairs; k++) {
            System.arraycopy(values, 0, out, k * neurons, neurons);
        }
        return out;
    }
}
