package org.plasticity.neural.data;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.plasticity.numeric.Npy;

/**
 * A numeric array as the readers hand it over, whatever the file format: its shape, outermost dimension first, and
 * its values in C (row-major) order.
 *
 * @param name the variable or dataset it came from, or null when the file holds one array
 */
record Grid(String name, int[] shape, double[] values) {
    /** Arrays beyond this many elements do not fit one Java array. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    int rank() {
        return shape.length;
    }

    /** @return the shape as people write it, e.g. {@code 50 x 640 x 10}. */
    String shapeText() {
        return describe(shape);
    }

    static String describe(int[] shape) {
        return shape.length == 0 ? "a scalar"
                : Arrays.stream(shape).mapToObj(String::valueOf).collect(Collectors.joining(" x "));
    }

    /** @return the number of elements of {@code shape}, or -1 when it is too large for one Java array. */
    static long count(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
            if (d < 0 || n > MAX_ELEMENTS) {
                return -1;
            }
        }
        return n;
    }

    /**
     * Reorders values stored column-major (first index fastest: MATLAB, Fortran) into C order over the same shape.
     *
     * @param shape the array's size as the column-major writer sees it, e.g. MATLAB's {@code size(A)}
     */
    static double[] fromColumnMajor(double[] f, int[] shape) {
        return Npy.toRowMajor(f, shape);
    }

    /** @return this 2-D array transposed, or a 3-D array with its first two axes swapped. */
    Grid swapFirstAxes() {
        int a = shape[0];
        int b = shape[1];
        int inner = rank() == 3 ? shape[2] : 1;
        double[] out = new double[values.length];
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                System.arraycopy(values, (i * b + j) * inner, out, (j * a + i) * inner, inner);
            }
        }
        int[] swapped = shape.clone();
        swapped[0] = b;
        swapped[1] = a;
        return new Grid(name, swapped, out);
    }

    /**
     * Whether the array can be a recording: 2-D or 3-D with at least two dimensions longer than 1 (MATLAB keeps every
     * array at least 2-D, so its scalars and vectors are 1 x n; they are not recordings).
     */
    static boolean recordingShape(int[] shape) {
        if (shape.length < 2 || shape.length > 3) {
            return false;
        }
        int longer = 0;
        for (int d : shape) {
            longer += d > 1 ? 1 : 0;
        }
        return longer >= 2;
    }
}
