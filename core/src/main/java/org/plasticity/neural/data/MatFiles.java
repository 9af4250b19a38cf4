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
 * repeat r. Variables inside structs are named as in MATLAB: fields with dots ({@code info.responses}), elements of
 * struct arrays by their 1-based index ({@code D.blocks(2).spikes}).
 */
public final class MatFiles {
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
        if (hdf5(file)) {
            return Hdf5Files.read(file, variable, true);
        }
        checkV5(file);
        return variable == null ? only(file) : named(file, variable);
    }

    private static boolean hdf5(Path file) {
        try {
            return Hdf5Files.isHdf5(file);
        } catch (IOException e) {
            throw new DataException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Refuses a file without a MATLAB v5 header. */
    private static void checkV5(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEADER);
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
        String root = rootName(variable);
        Mat5File mat = load(file, h -> h.getName().equals(root));
        try {
            return grid(file, variable, resolve(file, mat, variable));
        } finally {
            close(mat);
        }
    }

    /**
     * Reads several variables of one v5/v7 MAT-file in one pass over it (a struct is decoded once, not once per
     * field), each named as {@link #read} names it, including elements of struct arrays: {@code D.blocks(2).spikes}.
     * Every variable must be a real numeric array; MATLAB keeps arrays at least 2-D, so each comes back as a matrix
     * (a MATLAB scalar is 1 x 1, a vector 1 x n or n x 1), row-major.
     *
     * @return the matrices in the order of {@code variables}
     * @throws DataException naming the file and the first variable that is missing or not numeric
     */
    public static List<MatrixFiles.Matrix> readMatrices(Path file, List<String> variables) {
        CsvTables.checkReadable(file);
        if (hdf5(file)) {
            throw new DataException(file, "is a MATLAB v7.3 (HDF5) file; struct arrays are read from v5 and v7"
                    + " files only (save with -v7)");
        }
        checkV5(file);
        Set<String> roots = variables.stream().map(MatFiles::rootName).collect(Collectors.toSet());
        Mat5File mat = load(file, h -> roots.contains(h.getName()));
        try {
            List<MatrixFiles.Matrix> out = new ArrayList<>();
            for (String v : variables) {
                Grid g = grid(file, v, resolve(file, mat, v));
                if (g.rank() != 2) {
                    throw new DataException(file, "'" + v + "' is " + g.shapeText() + "; a 2-D matrix was expected");
                }
                out.add(new MatrixFiles.Matrix(file.toString(), v, g.shape()[0], g.shape()[1], g.values()));
            }
            return out;
        } finally {
            close(mat);
        }
    }

    /** The variable name before any field or index: {@code D} of {@code D.blocks(1).spikes}. */
    private static String rootName(String variable) {
        String first = variable.split("\\.", -1)[0];
        int paren = first.indexOf('(');
        return paren < 0 ? first : first.substring(0, paren);
    }

    /** One step of a variable's path: a name, and the 1-based element of a struct array, or null for a scalar. */
    private record Step(String name, Integer element) {
        static Step parse(Path file, String variable, String part) {
            int paren = part.indexOf('(');
            if (paren < 0) {
                return new Step(part, null);
            }
            String inner = part.endsWith(")") ? part.substring(paren + 1, part.length() - 1) : "";
            int k;
            try {
                k = Integer.parseInt(inner.trim());
            } catch (NumberFormatException e) {
                k = 0;
            }
            if (k < 1) {
                throw new DataException(file, "'" + variable + "': '" + part + "' is no element of a struct array"
                        + " (write name(k) with k = 1, 2, ... as MATLAB does)");
            }
            return new Step(part.substring(0, paren), k);
        }
    }

    /**
     * Follows {@code a.b(2).c} down from the file's variable: a field of a scalar struct by its name, an element of a
     * struct array by its 1-based linear index in parentheses, as MATLAB writes it.
     */
    private static Matrix resolve(Path file, Mat5File mat, String variable) {
        String[] parts = variable.split("\\.", -1);
        Step first = Step.parse(file, variable, parts[0]);
        Array a = null;
        for (MatFile.Entry e : mat.getEntries()) {
            a = e.getName().equals(first.name()) ? e.getValue() : a;
        }
        Integer element = first.element();
        for (int i = 1; i < parts.length && a != null; i++) {
            String before = String.join(".", List.of(parts).subList(0, i));
            Step step = Step.parse(file, variable, parts[i]);
            if (!(a instanceof Struct s)) {
                throw new DataException(file, "'" + before + "' is not a scalar struct, so it has no field '" + step.name()
                        + "'");
            }
            if (element == null && a.getNumElements() != 1) {
                throw new DataException(file, "'" + before + "' is a struct array of " + a.getNumElements()
                        + " elements: name one, as " + before + "(1)." + step.name());
            }
            int el = element == null ? 1 : element;
            if (el > a.getNumElements()) {
                throw new DataException(file, "'" + before.replaceAll("\\(\\d+\\)$", "") + "' has "
                        + a.getNumElements() + " element"
                        + (a.getNumElements() == 1 ? "" : "s") + ", so no element " + el);
            }
            a = s.getFieldNames().contains(step.name()) ? s.get(step.name(), el - 1) : null;
            element = step.element();
        }
        if (a == null) {
            throw new DataException(file, "has no variable '" + variable + "' (" + candidatesText(file) + ")");
        }
        if (element != null) {
            if (!(a instanceof Struct) || element > a.getNumElements()) {
                throw new DataException(file, "'" + variable + "': only elements of struct arrays can be named by"
                        + " index, and only within their size (" + Grid.describe(a.getDimensions()) + ")");
            }
            throw new DataException(file, "'" + variable + "' is a struct, not a numeric array: name one of its"
                    + " fields");
        }
        if (!(a instanceof Matrix m) || !NUMERIC.contains(a.getType()) || m.isComplex()) {
            throw new DataException(file, "'" + variable + "' is not a real numeric array (MATLAB class "
                    + a.getType() + (a instanceof Matrix m && m.isComplex() ? ", complex" : "") + ")");
        }
        return m;
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
                collect(name + "." + field, s.get(field, 0), out);
            }
        } else if (a instanceof Struct s) {
            for (int k = 0; k < a.getNumElements(); k++) {
                for (String field : s.getFieldNames()) {
                    collect(name + "(" + (k + 1) + ")." + field, s.get(field, k), out);
                }
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
