package org.plasticity.layered.checkpoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plasticity.DataException;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.InputTransform;

/** The fields of a checkpoint's parsed meta.json, each read with its type checked; problems name the file. */
final class Meta {
    /** Widest layer a checkpoint may declare: far beyond any trained network, small enough to refuse nonsense. */
    static final int MAX_WIDTH = 1 << 24;

    private final Path file;
    private final Map<String, Object> fields;

    Meta(Path file, Map<String, Object> fields) {
        this.file = file;
        this.fields = fields;
    }

    DataException bad(String key, String problem) {
        return new DataException(file, Checkpoint.META + ": " + key + " " + problem);
    }

    private Object get(String key) {
        if (!fields.containsKey(key)) {
            throw bad(key, "is missing");
        }
        return fields.get(key);
    }

    String text(String key) {
        Object v = get(key);
        if (!(v instanceof String s) || s.isBlank()) {
            throw bad(key, "must be a non-empty string, got " + shown(v));
        }
        return s;
    }

    long integer(String key) {
        Object v = get(key);
        if (!(v instanceof Long n)) {
            throw bad(key, "must be an integer, got " + shown(v));
        }
        return n;
    }

    private double number(Map<String, Object> m, String key, String shownKey) {
        Object v = m.get(key);
        if (!(v instanceof Long || v instanceof Double)) {
            throw bad(shownKey, "must be a number, got " + shown(v));
        }
        return ((Number) v).doubleValue();
    }

    /** @return the layer widths, at least two, each positive, every weight matrix small enough for one array. */
    int[] sizes() {
        Object v = get("sizes");
        if (!(v instanceof List<?> list) || list.size() < 2) {
            throw bad("sizes", "must be a list of at least two layer widths, got " + shown(v));
        }
        int[] s = new int[list.size()];
        for (int i = 0; i < s.length; i++) {
            if (!(list.get(i) instanceof Long n) || n < 1 || n > MAX_WIDTH) {
                throw bad("sizes", "must hold widths in 1.." + MAX_WIDTH + ", got " + shown(v));
            }
            s[i] = (int) (long) n;
        }
        for (int l = 1; l < s.length; l++) {
            if ((long) s[l] * s[l - 1] > Integer.MAX_VALUE - 8) {
                throw bad("sizes", Arrays.toString(s) + " makes a weight matrix too large for one array");
            }
        }
        return s;
    }

    Activation activation(String key) {
        String id = text(key);
        try {
            return Activation.parse(id);
        } catch (IllegalArgumentException e) {
            throw bad(key, "must be one of " + Activation.ids() + ", got " + shown(id));
        }
    }

    InputTransform input() {
        Object v = get("input_transform");
        if (!(v instanceof Map<?, ?> raw)) {
            throw bad("input_transform", "must be an object with a type (none or standardize), got " + shown(v));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> t = (Map<String, Object>) raw;
        Object type = t.get("type");
        if ("none".equals(type)) {
            return InputTransform.NONE;
        }
        if (!"standardize".equals(type)) {
            throw bad("input_transform.type", "must be none or standardize, got " + shown(type));
        }
        double mean = number(t, "mean", "input_transform.mean");
        double std = number(t, "std", "input_transform.std");
        if (!Double.isFinite((float) mean) || !Double.isFinite((float) std) || std < 0) {
            throw bad("input_transform", "needs a finite mean and a finite std >= 0, got " + mean + " and " + std);
        }
        return new InputTransform(true, (float) mean, (float) std);
    }

    /** @return the accuracy {@code key}: a fraction in [0, 1], or NaN for null. */
    double accuracy(String key) {
        Object v = get(key);
        if (v == null) {
            return Double.NaN;
        }
        double a = number(fields, key, key);
        if (!(a >= 0 && a <= 1)) {
            throw bad(key, "must be a fraction in [0, 1] or null, got " + a);
        }
        return a;
    }

    /**
     * @return the training config, unmodifiable, after checking that the keys it shares with the rest of meta.json
     *     agree with them (a hand-edited file that says two things is refused)
     */
    Map<String, Object> config(String rule, long seed, int[] sizes, Activation hidden, Activation output) {
        Object v = get("config");
        if (!(v instanceof Map<?, ?>)) {
            throw bad("config", "must be an object of train config keys, got " + shown(v));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) v;
        agree(c, "rule", rule);
        agree(c, "seed", seed);
        List<Object> h = new ArrayList<>();
        for (int i = 1; i < sizes.length - 1; i++) {
            h.add((long) sizes[i]);
        }
        agree(c, "hidden", h);
        agree(c, "activation", hidden.id());
        agree(c, "output_activation", output.id());
        @SuppressWarnings("unchecked")
        Map<String, Object> frozen = (Map<String, Object>) frozen(c);
        return frozen;
    }

    private void agree(Map<String, Object> c, String key, Object expected) {
        if (c.containsKey(key) && !expected.equals(c.get(key))) {
            throw bad("config." + key, "is " + shown(c.get(key)) + " but the checkpoint's is " + shown(expected));
        }
    }

    private static Object frozen(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, frozen(x)));
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof List<?> l) {
            return Collections.unmodifiableList(new ArrayList<>(l.stream().map(Meta::frozen).toList()));
        }
        return v;
    }

    private static String shown(Object v) {
        String s = v instanceof String str ? "\"" + str + "\"" : String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
