package org.plasticity.app.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Numbers in result files, one rule for every writer: JSON has no NaN or infinity, so a value that is not finite
 * (undefined, e.g. a correlation of a constant) is written as {@code null}, and in CSV as an empty cell.
 */
public final class Finite {
    private Finite() {}

    /** Puts {@code v} under {@code key}, or null when it is not finite. */
    public static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    /** Appends each of {@code values}, null where not finite. */
    public static void addAll(ArrayNode a, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
    }

    /** @return {@code v} as a CSV cell: its shortest exact decimal, or empty when not finite. */
    public static String csv(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
