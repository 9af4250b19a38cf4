package org.plasticity.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the plain-main timers ({@link EpochTimer}, {@link FlrWorkTimer}) share: the median and their JSON output. */
final class TimerOutput {
    private TimerOutput() {}

    /** @return the median of {@code v}, NaN when empty. */
    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** @return {@code o} as JSON: maps, double arrays, numbers (non-finite as null) and strings. */
    static String json(Object o) {
        if (o instanceof Map<?, ?> m) {
            List<String> f = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                f.add("\"" + e.getKey() + "\": " + json(e.getValue()));
            }
            return "{" + String.join(", ", f) + "}";
        }
        if (o instanceof double[] a) {
            List<String> f = new ArrayList<>();
            for (double d : a) {
                f.add(json(d));
            }
            return "[" + String.join(", ", f) + "]";
        }
        if (o instanceof Double d) {
            if (!Double.isFinite(d)) {
                return "null";
            }
            return String.format(Locale.ROOT, Math.abs(d) >= 1e5 ? "%.3f" : "%.6g", d); // wall-clock stamps in full
        }
        if (o instanceof Number) {
            return o.toString();
        }
        return "\"" + o.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
