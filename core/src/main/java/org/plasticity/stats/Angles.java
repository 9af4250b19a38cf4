package org.plasticity.stats;

/**
 * The angle between two arrays read as vectors, arccos(a.b / (|a| |b|)) in degrees: 0 when parallel, 90 when
 * orthogonal (as random high-dimensional vectors are), 180 when opposite. Used for the angle between forward and
 * feedback weights, and between a rule's update and backprop's. Sums run in double.
 */
public final class Angles {
    private Angles() {}

    /** @return the angle in degrees, or NaN when either vector is zero. */
    public static double degrees(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of length " + a.length + " and " + b.length);
        }
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        if (aa == 0 || bb == 0) {
            return Double.NaN;
        }
        double cos = Math.max(-1.0, Math.min(1.0, ab / Math.sqrt(aa * bb)));
        return Math.toDegrees(Math.acos(cos));
    }
}
