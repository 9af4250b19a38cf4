package org.plasticity.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a sweep: its position in the expanded list, a stable id derived from its values, the seed it runs
 * with (derived from the sweep seed and the id, never from scheduling), and its field values as JSON text.
 */
public record SweepPoint(int index, String id, long seed, LinkedHashMap<String, String> values)
        implements Serializable {

    public SweepPoint {
        values = new LinkedHashMap<>(values);
    }

    @Override
    public LinkedHashMap<String, String> values() {
        return new LinkedHashMap<>(values);
    }

    /** @return {@code field=value, ...} for messages. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
        }
        return b.toString();
    }
}
