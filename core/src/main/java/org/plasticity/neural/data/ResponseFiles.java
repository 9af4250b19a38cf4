package org.plasticity.neural.data;

import java.nio.file.Path;
import java.util.Locale;
import org.plasticity.DataException;
import org.plasticity.numeric.Npy;

/**
 * Recorded responses from a file, by its extension: {@code .npy}, {@code .csv}, {@code .mat} (MATLAB v5, v7 and
 * v7.3) and {@code .h5}, {@code .hdf5} or {@code .nwb} (HDF5). A 2-D array is {@code neurons x stimuli}, already
 * averaged over repeats; a 3-D array is {@code neurons x stimuli x repeats}, NaN where a repeat is missing.
 */
public final class ResponseFiles {
    private ResponseFiles() {}

    /**
     * Reads responses; every problem (missing file, foreign or truncated file, wrong rank, missing variable, a neuron
     * with no valid response) is a one-line {@link DataException} naming the file.
     *
     * <p>NPY arrays may have any float or integer dtype, in C or Fortran order. A CSV file is a numeric 2-D matrix,
     * header row optional (see {@code CsvTables.matrix}); empty cells and NaN are missing values. MATLAB arrays read
     * with MATLAB's own axes: {@code A(n, s, r)} is neuron n, stimulus s, repeat r, whether the file is v5, v7 or v7.3.
     * HDF5 datasets read with their own axes, as h5py shows them.
     *
     * @param variable the array inside a {@code .mat} (a variable, {@code struct.field} for a field of a scalar
     *     struct) or an HDF5 file (a dataset path such as {@code /processing/ecephys/responses/data}); null for the
     *     only numeric 2-D or 3-D array in the file (else the error lists the candidates). Must be null for
     *     {@code .npy} and {@code .csv}, which hold one array.
     * @param transpose the file is {@code stimuli x neurons} (or {@code stimuli x neurons x repeats})
     */
    public static Responses read(Path file, String variable, boolean transpose) {
        Grid g = array(file, variable, "responses format");
        return responses(file, g, transpose);
    }

    /**
     * Reads the one array a file holds, or the one {@code variable} names, by the file's extension: the format
     * dispatch {@link #read} and {@link MatrixFiles#read} share.
     *
     * @param what how an unknown extension is called in the error, e.g. {@code responses format}
     */
    static Grid array(Path file, String variable, String what) {
        String ext = extension(file);
        if ((ext.equals("npy") || ext.equals("csv")) && variable != null) {
            throw new DataException(file, "a ." + ext + " file holds one array: no variable ('" + variable
                    + "') can be chosen in it");
        }
        return switch (ext) {
            case "npy" -> npy(file);
            case "csv" -> CsvTables.matrix(file);
            case "mat" -> MatFiles.read(file, variable);
            case "h5", "hdf5", "nwb" -> Hdf5Files.read(file, variable, false);
            default -> throw new DataException(file, "unknown " + what + " '" + (ext.isEmpty() ? "(none)" : "."
                    + ext) + "' (.npy, .csv, .mat, .h5, .hdf5 and .nwb are read)");
        };
    }

    /** Reads an NPY file into a grid. */
    private static Grid npy(Path file) {
        CsvTables.checkReadable(file);
        Npy.Array a = Npy.read(file);
        return new Grid(null, a.shape(), a.values());
    }

    static Responses responses(Path file, Grid g, boolean transpose) {
        String what = g.name() == null ? "the array" : "'" + g.name() + "'";
        if (g.rank() != 2 && g.rank() != 3) {
            String is = g.rank() == 0 ? "a scalar" : g.rank() + "-D (" + g.shapeText() + ")";
            throw new DataException(file, what + " is " + is
                    + "; responses are 2-D (neurons x stimuli) or 3-D (neurons x stimuli x repeats)");
        }
        Grid r = transpose ? g.swapFirstAxes() : g;
        int[] s = r.shape();
        String source = file.toString();
        return r.rank() == 2 ? Responses.averaged(source, s[0], s[1], r.values())
                : Responses.of(source, s[0], s[1], s[2], r.values());
    }

    /** @return the file name's extension, lower case, without the dot; empty when it has none. */
    static String extension(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** @return the file name without its extension, e.g. {@code hidden1} for {@code runs/hidden1.npy}. */
    static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? n : n.substring(0, dot);
    }
}
