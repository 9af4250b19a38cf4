package org.plasticity.neural.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.plasticity.DataException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.format.Mat5Reader;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Source;
import us.hebi.matlab.mat.types.Sources;
import us.hebi.matlab.mat.types.Struct;

/**
 * Numeric arrays from MATLAB MAT-files: v5 and v7 (v5 with zlib-compressed elements) through MFL, v7.3 (HDF5 with a
 * MATLAB header) through {@link Hdf5Files}. MATLAB stores arrays column-major; values come back in C order over
 * MATLAB's own size, so {@code A(n, s, r)} of a {@code neurons x stimuli x repeats} array is neuron n, stimulus s,
 * repeat r. Variables inside scalar structs are named with dots, as in MATLAB: {@code info.responses}.
 */
final class MatFiles {
    private static final Set<MatlabType> NUMERIC = EnumSet.of(MatlabType.Double, MatlabType.Single, MatlabType.Int8,
            MatlabType.UInt8, MatlabType.Int16, MatlabType.UInt16, MatlabType.Int32, MatlabType.UInt32,
            MatlabType.Int64, MatlabType.UInt64);
    private static final int HEADER = 128;

    private MatFiles() {}

    /**
     * @param variable the variable's name ({@code struct.field} inside scalar structs), or null for the only 2-D or
     *     3-D numeric array in the file (vectors and scalars do not count)
     */
    static Grid read(Path file, String variable) {
        CsvTables.checkReadable(file);
        byte[] head;
        try {
            if (Hdf5Files.isHdf5(file)) {
                return Hdf5Files.read(file, variable, true);
            }
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(HEADER);
            }
        } catch (IOException e) {
            throw new DataException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        // A v5 header: 116 bytes of text, 8 of subsystem offset, 2 of version, then 'IM' (little-endian) or 'MI'.
        boolean v5 = head.length == HEADER
                && (head[126] == 'I' && head[127] == 'M' || head[126] == 'M' && head[127] == 'I');
        if (!v5) {
            throw new DataException(file, "not a MATLAB v5, v7 or v7.3 MAT-file (no MATLAB header; v4 files are not"
                    + " read: save with -v7)");
        }
        return variable == null ? only(file) : named(file, variable);
    }

    private static Grid only(Path file) {
        Mat5File mat = loadCandidates(file);
        try {
            List<Found> found = candidates(mat);
            if (found.size() != 1) {
                throw new DataException(file, found.isEmpty() ? "holds no numeric 2-D or 3-D array"
                        : "holds several numeric 2-D or 3-D arrays, name one (" + describe(found) + ")");
            }
            return grid(file, found.get(0).name(), found.get(0).matrix());
        } finally {
            close(mat);
        }
    }

    private static Grid named(Path file, String variable) {
        String[] parts = variable.split("\\.", -1);
        Mat5File mat = load(file, h -> h.getName().equals(parts[0]));
        try {
            Array a = null;
            for (MatFile.Entry e : mat.getEntries()) {
                a = e.getName().equals(parts[0]) ? e.getValue() : a;
            }
            for (int i = 1; i < parts.length && a != null; i++) {
                if (!(a instanceof Struct s) || a.getNumElements() != 1) {
                    throw new DataException(file, "'" + String.join(".", List.of(parts).subList(0, i))
                            + "' is not a scalar struct, so it has no field '" + parts[i] + "'");
                }
                a = s.getFieldNames().contains(parts[i]) ? s.get(parts[i]) : null;
            }
            if (a == null) {
                throw new DataException(file, "has no variable '" + variable + "' (" + candidatesText(file) + ")");
            }
            if (!(a instanceof Matrix m) || !NUMERIC.contains(a.getType()) || m.isComplex()) {
                throw new DataException(file, "'" + variable + "' is not a real numeric array (MATLAB class "
                        + a.getType() + (a instanceof Matrix m && m.isComplex() ? ", complex" : "") + ")");
            }
            return grid(file, variable, m);
        } finally {
            close(mat);
        }
    }

    private record Found(String name, Matrix matrix) {}

    /** Reads structs and the real, non-logical numeric arrays: what can hold a recording. */
    private static Mat5File loadCandidates(Path file) {
        return load(file, h -> h.getType() == MatlabType.Structure
                || NUMERIC.contains(h.getType()) && !h.isLogical() && !h.isComplex());
    }

    private static List<Found> candidates(Mat5File mat) {
        List<Found> found = new ArrayList<>();
        for (MatFile.Entry e : mat.getEntries()) {
            collect(e.getName(), e.getValue(), found);
        }
        return found;
    }

    private static void collect(String name, Array a, List<Found> out) {
        if (a instanceof Struct s && a.getNumElements() == 1) {
            for (String field : s.getFieldNames()) {
                collect(name + "." + field, s.get(field), out);
            }
        } else if (a instanceof Matrix m && NUMERIC.contains(a.getType()) && !m.isLogical() && !m.isComplex()
                && Grid.recordingShape(a.getDimensions())) {
            out.add(new Found(name, m));
        }
    }

    private static String candidatesText(Path file) {
        Mat5File mat = loadCandidates(file);
        List<Found> found = candidates(mat);
        close(mat);
        return found.isEmpty() ? "it holds no numeric 2-D or 3-D array"
                : "numeric 2-D and 3-D arrays in it: " + describe(found);
    }

    private static String describe(List<Found> found) {
        return found.stream().map(f -> f.name() + " (" + Grid.describe(f.matrix().getDimensions()) + ")")
                .collect(Collectors.joining(", "));
    }

    /** Reads the entries {@code filter} accepts; the others are skipped undecoded (compressed ones uninflated). */
    private static Mat5File load(Path file, Mat5Reader.EntryFilter filter) {
        try (Source source = Sources.openFile(file.toFile())) {
            return Mat5.newReader(source).setEntryFilter(filter).disableSubsystemProcessing().readMat();
        } catch (IOException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DataException(file, "corrupt or truncated MAT-file (" + cause + ")", e);
        }
    }

    private static void close(Mat5File mat) {
        try {
            mat.close();
        } catch (IOException e) {
            // Only frees the decoded buffers; nothing to report.
        }
    }

    private static Grid grid(Path file, String name, Matrix m) {
        int[] shape = m.getDimensions();
        if (Grid.count(shape) < 0) {
            throw new DataException(file, "'" + name + "' (" + Grid.describe(shape) + ") is too large to read");
        }
        double[] columnMajor = new double[m.getNumElements()];
        for (int i = 0; i < columnMajor.length; i++) {
            columnMajor[i] = m.getDouble(i); // MATLAB's linear index: first dimension fastest
        }
        return new Grid(name, shape, Grid.fromColumnMajor(columnMajor, shape));
    }
}
