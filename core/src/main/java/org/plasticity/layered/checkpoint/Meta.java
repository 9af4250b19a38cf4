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
import org.plasticity.layered.network.Architecture;
import org.plasticity.layered.network.Connection;
import org.plasticity.layered.network.Conv;
import org.plasticity.layered.network.InputTransform;
import org.plasticity.layered.network.Layer;
import org.plasticity.layered.network.Shape;

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

    /**
     * @param denseWeights whether the weights are matrices between consecutive widths (format version 1), which must
     *     then each fit one array
     * @return the layer widths, at least two, each positive
     */
    int[] sizes(boolean denseWeights) {
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
        for (int l = 1; l < s.length && denseWeights; l++) {
            if ((long) s[l] * s[l - 1] > Integer.MAX_VALUE - 8) {
                throw bad("sizes", Arrays.toString(s) + " makes a weight matrix too large for one array");
            }
        }
        return s;
    }

    /** @return the input's shape, {@code input}: [channels, height, width], positive, {@code inputs} values. */
    Shape inputShape(int inputs) {
        Object v = get("input");
        int[] d = new int[3];
        boolean ok = v instanceof List<?> list && list.size() == 3;
        for (int i = 0; ok && i < 3; i++) {
            ok = ((List<?>) v).get(i) instanceof Long n && n >= 1 && n <= MAX_WIDTH;
            d[i] = ok ? (int) (long) (Long) ((List<?>) v).get(i) : 0;
        }
        if (!ok) {
            throw bad("input", "must be [channels, height, width] of positive sizes, got " + shown(v));
        }
        if ((long) d[0] * d[1] * d[2] != inputs) {
            throw bad("input", shown(v) + " holds " + (long) d[0] * d[1] * d[2] + " values, but sizes starts with "
                    + inputs);
        }
        return new Shape(d[0], d[1], d[2]);
    }

    /**
     * @return the layers {@code arch} spells for inputs of {@code input}, ending in the output layer of
     *     {@code sizes}' last width, after checking that their unit counts are {@code sizes} and each parameter array
     *     fits one Java array
     */
    List<Layer> layers(Shape input, int[] sizes, Activation hidden, Activation output) {
        String arch = text("arch");
        List<Layer> layers;
        try {
            layers = Architecture.parse(arch).layers(input, sizes[sizes.length - 1], hidden, output);
        } catch (IllegalArgumentException e) {
            throw bad("arch", shown(arch) + " is no layer list for a " + input + " input: " + e.getMessage());
        }
        int[] units = new int[layers.size() + 1];
        units[0] = input.size();
        for (int l = 1; l <= layers.size(); l++) {
            Connection k = layers.get(l - 1).connection();
            long out = (long) k.out().channels() * k.out().height() * k.out().width();
            long weights = k instanceof Conv c ? (long) c.outChannels() * c.in().channels() * c.kernel() * c.kernel()
                    : out * k.in().size();
            if (out > MAX_WIDTH || weights > Integer.MAX_VALUE - 8) {
                throw bad("arch", shown(arch) + " makes layer " + l + " too large for a checkpoint");
            }
            units[l] = k.out().size();
        }
        if (!Arrays.equals(units, sizes)) {
            throw bad("sizes", Arrays.toString(sizes) + " does not match arch " + shown(arch) + " on a " + input
                    + " input, whose layers have " + Arrays.toString(units) + " units");
        }
        return layers;
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
    Map<String, Object> config(String rule, long seed, int[] sizes, Activation hidden, Activation output,
                               Shape input, List<Layer> layers) {
        Object v = get("config");
        if (!(v instanceof Map<?, ?>)) {
            throw bad("config", "must be an object of train config keys, got " + shown(v));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) v;
        agree(c, "rule", rule);
        agree(c, "seed", seed);
        if (layers == null) {
            List<Object> h = new ArrayList<>();
            for (int i = 1; i < sizes.length - 1; i++) {
                h.add((long) sizes[i]);
            }
            agree(c, "hidden", h);
        } else if (c.containsKey("arch")) { // a name or a list as given, whose tokens may lean on the activation
            agreeArch(c.get("arch"), input, sizes[sizes.length - 1], hidden, output, layers);
        }
        agree(c, "activation", hidden.id());
        agree(c, "output_activation", output.id());
        @SuppressWarnings("unchecked")
        Map<String, Object> frozen = (Map<String, Object>) frozen(c);
        return frozen;
    }

    /** Refuses a config arch that, with the hidden activation, builds other layers than meta.json's arch. */
    private void agreeArch(Object arch, Shape input, int classes, Activation hidden, Activation output,
                           List<Layer> layers) {
        List<Layer> built = null;
        if (arch instanceof String s) {
            try {
                built = Architecture.parse(s).layers(input, classes, hidden, output);
            } catch (IllegalArgumentException e) {
                built = null;
            }
        }
        if (!layers.equals(built)) {
            throw bad("config.arch", "is " + shown(arch) + " but the checkpoint's arch is " + shown(text("arch")));
        }
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
