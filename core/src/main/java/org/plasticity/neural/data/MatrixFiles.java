package org.plasticity.neural.data;

import java.nio.file.Path;
import org.plasticity.DataException;

/**
 * A plain numeric 2-D matrix from a file, through the same readers as {@link ResponseFiles} ({@code .npy},
 * {@code .csv}, {@code .mat}, {@code .h5}/{@code .hdf5}/{@code .nwb}), without the meaning responses give the axes:
 * a recording of samples x neurons, or a set of directions, one per row. Values are not checked (NaN and infinities
 * are passed on): what is allowed depends on what the matrix is, so the caller checks.
 */
public final class MatrixFiles {
    private MatrixFiles() {}

    /**
     * A matrix as read, row-major.
     *
     * @param source the file, named in error messages
     * @param name the variable or dataset it came from, or null when the file holds one array
     * @param values {@code rows x columns}, row-major
     */
    public record Matrix(String source, String name, int rows, int columns, double[] values) {
        /** @return the entry at {@code row}, {@code column}. */
        public double get(int row, int column) {
            return values[row * columns + column];
        }
    }

    /**
     * Reads a 2-D matrix; a 1-D array (an NPY vector) is one row. Any other rank, and every problem the readers find
     * (missing or foreign file, missing variable), is a one-line {@link DataException} naming the file.
     *
     * @param variable the array inside a {@code .mat} or HDF5 file, or null for its only numeric 2-D or 3-D array;
     *     must be null for {@code .npy} and {@code .csv}
     * @param transpose return the matrix transposed (the file is columns x rows)
     */
    public static Matrix read(Path file, String variable, boolean transpose) {
        Grid g = ResponseFiles.array(file, variable, "format");
        if (g.rank() == 1) {
            g = new Grid(g.name(), new int[] {1, g.shape()[0]}, g.values());
        }
        String what = g.name() == null ? "the array" : "'" + g.name() + "'";
        if (g.rank() != 2) {
            throw new DataException(file, what + " is " + (g.rank() == 0 ? "a scalar" : g.rank() + "-D ("
                    + g.shapeText() + ")") + "; a 2-D matrix was expected");
        }
        Grid m = transpose ? g.swapFirstAxes() : g;
        return new Matrix(file.toString(), m.name(), m.shape()[0], m.shape()[1], m.values());
    }
}
