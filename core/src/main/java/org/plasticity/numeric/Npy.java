package org.plasticity.numeric;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plasticity.DataException;

/**
 * Arrays in numpy's {@code .npy} format (format versions 1.0 to 3.0): a magic string, a header that is a Python dict
 * literal ({@code descr}, {@code fortran_order}, {@code shape}), then the raw elements. The format is a page of spec
 * (numpy's {@code numpy.lib.format}); reading it here keeps the core free of a Kotlin runtime (the one Java NPY library
 * on Maven Central brings one) and lets every numeric dtype, either byte order and Fortran order through.
 *
 * <p>Read arrays come back as doubles in C (row-major) order whatever their dtype: floats of 16, 32 and 64 bits,
 * signed and unsigned integers of 8 to 64 bits, and booleans. Written arrays are little-endian {@code <f4} or
 * {@code <f8}, C order, format 1.0, readable by any numpy.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-zA-Z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    /** Arrays beyond this many elements do not fit one Java array. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private Npy() {}

    /**
     * One array read from a file.
     *
     * @param dtype numpy's type string as in the file, e.g. {@code <f8}
     * @param shape the dimensions, outermost first; empty for a scalar
     * @param values the elements in C order
     */
    public record Array(String dtype, int[] shape, double[] values) {
        /** @return the number of dimensions. */
        public int rank() {
            return shape.length;
        }
    }

    /** Reads a whole {@code .npy} file; any problem is a one-line {@link DataException} naming it. */
    public static Array read(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new DataException(file, "no such file");
        } catch (IOException e) {
            throw new DataException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads one array from a stream (an {@code .npy} file, or an entry of an {@code .npz} zip).
     *
     * @param source named in error messages
     */
    public static Array read(InputStream stream, String source) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] magic = new byte[MAGIC.length];
        try {
            in.readFully(magic);
            for (int i = 0; i < MAGIC.length; i++) {
                if (magic[i] != MAGIC[i]) {
                    throw new DataException(source, "not an NPY file (no \\x93NUMPY magic at its start)");
                }
            }
            int major = in.readUnsignedByte();
            in.readUnsignedByte();
            long headerLength;
            if (major == 1) {
                headerLength = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
            } else if (major == 2 || major == 3) {
                headerLength = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
            } else {
                throw new DataException(source, "NPY format version " + major + " is not supported (1 to 3 are)");
            }
            if (headerLength > 1 << 20) {
                throw new DataException(source, "NPY header of " + headerLength + " bytes is not plausible");
            }
            byte[] header = new byte[(int) headerLength];
            in.readFully(header);
            String text = new String(header, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            Header h = parse(text, source);
            double[] values = new double[(int) h.count];
            readElements(in, h, values, source);
            if (h.fortran && h.shape.length > 1) {
                values = toRowMajor(values, h.shape);
            }
            return new Array(h.dtype, h.shape, values);
        } catch (EOFException e) {
            throw new DataException(source, "truncated NPY file (ends before its header says)");
        }
    }

    private record Header(String dtype, char order, char kind, int bytes, boolean fortran, int[] shape, long count) {}

    private static Header parse(String text, String source) {
        Matcher d = DESCR.matcher(text);
        Matcher f = FORTRAN.matcher(text);
        Matcher s = SHAPE.matcher(text);
        if (!d.find() || !f.find() || !s.find()) {
            if (text.contains("'descr'") && !d.reset().find()) {
                throw new DataException(source, "NPY dtype is not a plain numeric type (structured arrays are not"
                        + " read): " + text.trim());
            }
            throw new DataException(source, "NPY header lacks descr, fortran_order or shape: " + text.trim());
        }
        char order = d.group(1).charAt(0);
        char kind = d.group(2).charAt(0);
        int bytes = Integer.parseInt(d.group(3));
        String dtype = d.group(1) + d.group(2) + d.group(3);
        boolean known = switch (kind) {
            case 'f' -> bytes == 2 || bytes == 4 || bytes == 8;
            case 'i', 'u' -> bytes == 1 || bytes == 2 || bytes == 4 || bytes == 8;
            case 'b' -> bytes == 1;
            default -> false;
        };
        if (!known) {
            throw new DataException(source, "NPY dtype " + dtype + " is not numeric (floats, integers and booleans"
                    + " are read)");
        }
        List<Integer> dims = new ArrayList<>();
        long count = 1;
        for (String part : s.group(1).split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            long n;
            try {
                n = Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
            } catch (NumberFormatException e) {
                throw new DataException(source, "NPY shape (" + s.group(1) + ") is not a tuple of integers");
            }
            count *= n;
            if (n < 0 || n > MAX_ELEMENTS || count > MAX_ELEMENTS) {
                throw new DataException(source, "NPY shape (" + s.group(1) + ") is too large to read");
            }
            dims.add((int) n);
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        return new Header(dtype, order, kind, bytes, f.group(1).equals("True"), shape, count);
    }

    private static void readElements(DataInputStream in, Header h, double[] out, String source) throws IOException {
        ByteOrder order = h.order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int chunk = Math.max(1, (1 << 16) / h.bytes);
        byte[] raw = new byte[chunk * h.bytes];
        ByteBuffer buf = ByteBuffer.wrap(raw).order(order);
        for (int at = 0; at < out.length; at += chunk) {
            int n = Math.min(chunk, out.length - at);
            in.readFully(raw, 0, n * h.bytes);
            buf.clear();
            for (int i = 0; i < n; i++) {
                out[at + i] = element(buf, h.kind, h.bytes);
            }
        }
    }

    private static double element(ByteBuffer b, char kind, int bytes) {
        return switch (kind) {
            case 'f' -> bytes == 8 ? b.getDouble() : bytes == 4 ? b.getFloat() : half(b.getShort());
            case 'u' -> switch (bytes) {
                case 1 -> Byte.toUnsignedInt(b.get());
                case 2 -> Short.toUnsignedInt(b.getShort());
                case 4 -> Integer.toUnsignedLong(b.getInt());
                default -> unsigned(b.getLong());
            };
            case 'i' -> switch (bytes) {
                case 1 -> b.get();
                case 2 -> b.getShort();
                case 4 -> b.getInt();
                default -> b.getLong();
            };
            default -> b.get() != 0 ? 1 : 0;
        };
    }

    /** IEEE 754 binary16 to double (Java 17 has no {@code Float.float16ToFloat}). */
    static double half(short h) {
        int sign = (h >>> 15) & 1;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        double v;
        if (exp == 0) {
            v = Math.scalb((double) mant, -24);
        } else if (exp == 31) {
            v = mant == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            v = Math.scalb((double) (mant | 0x400), exp - 25);
        }
        return sign == 1 ? -v : v;
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2 + (v & 1);
    }

    /**
     * Reorders values stored in Fortran order (first index fastest: numpy's Fortran arrays, MATLAB) into C order
     * (last index fastest) over the same shape.
     */
    public static double[] toRowMajor(double[] f, int[] shape) {
        if (shape.length < 2) {
            return f;
        }
        double[] c = new double[f.length];
        int rank = shape.length;
        int[] index = new int[rank];
        for (int k = 0; k < f.length; k++) {
            // k walks the Fortran layout; index is its multi-index, first dimension fastest.
            long at = 0;
            for (int d = 0; d < rank; d++) {
                at = at * shape[d] + index[d];
            }
            c[(int) at] = f[k];
            for (int d = 0; d < rank && ++index[d] == shape[d]; d++) {
                index[d] = 0;
            }
        }
        return c;
    }

    /** Writes {@code values} (C order) as a little-endian {@code <f8} array of {@code shape}. */
    public static void write(OutputStream out, int[] shape, double[] values) throws IOException {
        check(shape, values.length);
        writeHeader(out, "<f8", shape);
        ByteBuffer b = ByteBuffer.allocate(8 * 8192).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at < values.length; at += 8192) {
            b.clear();
            int n = Math.min(8192, values.length - at);
            b.asDoubleBuffer().put(values, at, n);
            out.write(b.array(), 0, 8 * n);
        }
    }

    /** Writes {@code values} (C order) as a little-endian {@code <f4} array of {@code shape}. */
    public static void write(OutputStream out, int[] shape, float[] values) throws IOException {
        check(shape, values.length);
        writeHeader(out, "<f4", shape);
        ByteBuffer b = ByteBuffer.allocate(4 * 8192).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at < values.length; at += 8192) {
            b.clear();
            int n = Math.min(8192, values.length - at);
            b.asFloatBuffer().put(values, at, n);
            out.write(b.array(), 0, 4 * n);
        }
    }

    /** Writes a whole file; see {@link #write(OutputStream, int[], double[])}. */
    public static void write(Path file, int[] shape, double[] values) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, shape, values);
        }
    }

    private static void check(int[] shape, int length) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in shape");
            }
            n *= s;
        }
        if (n != length) {
            throw new IllegalArgumentException("shape holds " + n + " elements, the array " + length);
        }
    }

    private static void writeHeader(OutputStream out, String dtype, int[] shape) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (int s : shape) {
            dims.append(s).append(", ");
        }
        if (shape.length > 1) {
            dims.setLength(dims.length() - 2);
        } else if (shape.length == 1) {
            dims.setLength(dims.length() - 1);
        }
        StringBuilder header = new StringBuilder("{'descr': '" + dtype + "', 'fortran_order': False, 'shape': ("
                + dims + "), }");
        // numpy pads the header with spaces so that the data starts on a 64-byte boundary, ending in a newline.
        int total = MAGIC.length + 2 + 2 + header.length() + 1;
        header.append(" ".repeat((64 - total % 64) % 64)).append('\n');
        out.write(MAGIC);
        out.write(new byte[] {1, 0});
        int len = header.length();
        out.write(new byte[] {(byte) len, (byte) (len >>> 8)});
        out.write(header.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
}
