package org.plasticity.neural.data;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfFilterException;
import io.jhdf.exceptions.HdfInvalidPathException;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.plasticity.DataException;

/**
 * Numeric arrays from HDF5 files (also NWB, which is HDF5 with a schema, and MATLAB v7.3 MAT-files) through jHDF, a
 * pure-Java reader.
 *
 * <p>MATLAB v7.3 files put MATLAB's header in a 512-byte user block and store each variable as a dataset (a struct as
 * a group) with a {@code MATLAB_class} attribute. MATLAB writes its column-major data as it is, so a variable MATLAB
 * sizes {@code n1 x n2 x n3} is an HDF5 dataset of shape {@code (n3, n2, n1)}; read in MATLAB mode the shape is
 * reversed back and the values reordered, so that a MATLAB {@code neurons x stimuli x repeats} array reads the same
 * from a v7 and a v7.3 file.
 */
final class Hdf5Files {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final Set<String> MATLAB_NUMERIC = Set.of("double", "single", "int8", "uint8", "int16", "uint16",
            "int32", "uint32", "int64", "uint64");

    private Hdf5Files() {}

    /**
     * Whether the file is HDF5: its signature at byte 0 or at the end of a user block (512, 1024, 2048, ... bytes, as
     * the HDF5 format specification places it; MATLAB v7.3 files use 512).
     */
    static boolean isHdf5(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = new byte[SIGNATURE.length];
            long at = 0;
            for (long offset = 0; offset + SIGNATURE.length <= size; offset = offset == 0 ? 512 : offset * 2) {
                in.skipNBytes(offset - at);
                if (in.readNBytes(b, 0, b.length) < b.length) {
                    return false;
                }
                at = offset + b.length;
                if (Arrays.equals(b, SIGNATURE)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Reads one numeric array.
     *
     * @param variable the dataset's path ({@code /group/data}; in MATLAB mode also {@code struct.field}), or null for
     *     the only 2-D or 3-D numeric array in the file
     * @param matlab whether the file is a MATLAB v7.3 MAT-file (shape reversed, MATLAB variables only)
     */
    static Grid read(Path file, String variable, boolean matlab) {
        CsvTables.checkReadable(file);
        try {
            if (!isHdf5(file)) {
                throw new DataException(file, "not an HDF5 file (no HDF5 signature)");
            }
        } catch (IOException e) {
            throw new DataException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        try (HdfFile h = new HdfFile(file)) {
            Dataset ds = variable == null ? only(file, h, matlab) : named(file, h, variable, matlab);
            return grid(file, ds, matlab);
        } catch (DataException e) {
            throw e;
        } catch (NoClassDefFoundError e) {
            // jHDF's LZ4 filter loads lz4-java (net.jpountz) only when a chunk needs it; the build leaves it out.
            if (!String.valueOf(e.getMessage()).contains("jpountz")) {
                throw e;
            }
            throw new DataException(file, "uses the LZ4 compression filter, which this build leaves out: re-save it"
                    + " with gzip compression", e);
        } catch (HdfFilterException e) {
            throw new DataException(file, "uses a compression filter this reader lacks (" + e.getMessage() + "):"
                    + " re-save it with gzip compression", e);
        } catch (RuntimeException e) {
            throw new DataException(file, "corrupt or truncated HDF5 file (" + e.getMessage() + ")", e);
        }
    }

    private static Dataset named(Path file, HdfFile h, String variable, boolean matlab) {
        String path = variable.startsWith("/") ? variable : "/" + (matlab ? variable.replace('.', '/') : variable);
        Node node;
        try {
            node = h.getByPath(path);
        } catch (HdfInvalidPathException e) {
            throw new DataException(file, "has no " + (matlab ? "variable '" : "dataset '") + variable + "' ("
                    + candidatesText(h, matlab) + ")");
        }
        if (!(node instanceof Dataset ds)) {
            throw new DataException(file, "'" + variable + "' is a group, not an array (" + candidatesText(h, matlab)
                    + ")");
        }
        String cls = matlabClass(ds);
        if (!numeric(ds) || matlab && !(MATLAB_NUMERIC.contains(cls) || "logical".equals(cls))) {
            throw new DataException(file, "'" + variable + "' is not a numeric array ("
                    + (matlab ? "MATLAB class " + cls : "HDF5 type " + ds.getDataType().getClass().getSimpleName())
                    + ")");
        }
        return ds;
    }

    private static Dataset only(Path file, HdfFile h, boolean matlab) {
        List<Dataset> found = candidates(h, matlab);
        if (found.size() != 1) {
            throw new DataException(file, (found.isEmpty() ? "holds no numeric 2-D or 3-D array"
                    : "holds several numeric 2-D or 3-D arrays, name one (" + describe(found, matlab) + ")"));
        }
        return found.get(0);
    }

    private static String candidatesText(HdfFile h, boolean matlab) {
        List<Dataset> found = candidates(h, matlab);
        return found.isEmpty() ? "it holds no numeric 2-D or 3-D array"
                : "numeric 2-D and 3-D arrays in it: " + describe(found, matlab);
    }

    private static String describe(List<Dataset> found, boolean matlab) {
        return found.stream().map(d -> name(d, matlab) + " (" + Grid.describe(shape(d, matlab)) + ")")
                .collect(Collectors.joining(", "));
    }

    /** @return the datasets that could be a recording: numeric, 2-D or 3-D (see {@link Grid#recordingShape}). */
    static List<Dataset> candidates(HdfFile h, boolean matlab) {
        List<Dataset> out = new ArrayList<>();
        walk(h, matlab, out, new HashSet<>());
        // Sorted by path: the order jHDF lists a group's members in depends on how the writer indexed them.
        out.sort(Comparator.comparing(Node::getPath));
        return out;
    }

    private static void walk(Group g, boolean matlab, List<Dataset> out, Set<Long> seen) {
        for (Node n : g.getChildren().values()) {
            // Links are skipped (a soft link may dangle or point back up); hard-linked objects are visited once.
            if (n.isLink() || !seen.add(n.getAddress())) {
                continue;
            }
            if (n instanceof Group child) {
                // MATLAB keeps cell contents and class data (objects) in these two groups.
                if (!(matlab && (n.getName().equals("#refs#") || n.getName().equals("#subsystem#")))) {
                    walk(child, matlab, out, seen);
                }
            } else if (n instanceof Dataset ds && numeric(ds) && !ds.isScalar() && !ds.isEmpty()
                    && Grid.recordingShape(shape(ds, matlab))
                    && (!matlab || MATLAB_NUMERIC.contains(matlabClass(ds)))) {
                out.add(ds);
            }
        }
    }

    private static boolean numeric(Dataset ds) {
        DataType t = ds.getDataType();
        return t instanceof FloatingPoint || t instanceof FixedPoint;
    }

    private static String name(Dataset ds, boolean matlab) {
        return matlab ? ds.getPath().substring(1).replace('/', '.') : ds.getPath();
    }

    private static int[] shape(Dataset ds, boolean matlab) {
        int[] d = ds.getDimensions();
        return matlab ? reversed(d) : d;
    }

    private static int[] reversed(int[] d) {
        int[] r = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            r[i] = d[d.length - 1 - i];
        }
        return r;
    }

    /** @return the {@code MATLAB_class} attribute (e.g. {@code double}), or null. */
    private static String matlabClass(Dataset ds) {
        Attribute a = ds.getAttribute("MATLAB_class");
        if (a == null) {
            return null;
        }
        Object v = a.getData();
        return v instanceof String s ? s.trim()
                : v instanceof byte[] b ? new String(b, StandardCharsets.US_ASCII).trim() : String.valueOf(v);
    }

    private static Grid grid(Path file, Dataset ds, boolean matlab) {
        int[] shape = shape(ds, matlab);
        if (Grid.count(shape) < 0) {
            throw new DataException(file, "'" + name(ds, matlab) + "' (" + Grid.describe(shape)
                    + ") is too large to read");
        }
        double[] values = doubles(ds.getDataFlat());
        if (values.length != Grid.count(shape)) {
            throw new DataException(file, "'" + name(ds, matlab) + "' holds " + values.length + " values for shape "
                    + Grid.describe(shape));
        }
        return new Grid(name(ds, matlab), shape, matlab ? Grid.fromColumnMajor(values, shape) : values);
    }

    /** jHDF hands numbers back as the narrowest Java array that holds them (unsigned types one size up). */
    static double[] doubles(Object flat) {
        if (flat instanceof double[] d) {
            return d;
        }
        int n = Array.getLength(flat);
        double[] out = new double[n];
        if (flat instanceof float[] f) {
            for (int i = 0; i < n; i++) {
                out[i] = f[i];
            }
        } else if (flat instanceof long[] l) {
            for (int i = 0; i < n; i++) {
                out[i] = l[i];
            }
        } else if (flat instanceof int[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i];
            }
        } else if (flat instanceof short[] s) {
            for (int i = 0; i < n; i++) {
                out[i] = s[i];
            }
        } else if (flat instanceof byte[] b) {
            for (int i = 0; i < n; i++) {
                out[i] = b[i];
            }
        } else if (flat instanceof Object[] o) {
            for (int i = 0; i < n; i++) {
                out[i] = ((Number) o[i]).doubleValue(); // BigInteger for unsigned 64-bit
            }
        } else {
            throw new IllegalStateException("unexpected jHDF array " + flat.getClass().getSimpleName());
        }
        return out;
    }
}
