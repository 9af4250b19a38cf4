package org.plasticity.layered.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A network's hidden layers as a list, the {@code arch} key and {@code --arch} option: a registered name, or
 * comma-separated tokens, each a weight layer or a pooling of the one before it:
 * <pre>
 *   conv&lt;C&gt;k&lt;K&gt;[s&lt;S&gt;][p&lt;P&gt;]    C maps, K x K kernel, stride S (1), zero padding P (0)
 *   fc&lt;N&gt;                        N all-to-all units
 *   maxpool&lt;K&gt;[s&lt;S&gt;]           max over K x K windows every S positions (S = K)
 *   avgpool&lt;K&gt;[s&lt;S&gt;]           the windows' mean
 * </pre>
 * A weight token may end in {@code :<activation>} ({@code fc84:linear}) to override the hidden units' nonlinearity.
 * The output layer, all-to-all with one unit per class and the output nonlinearity, is added by {@link #layers}; a
 * dense layer after a convolution reads its maps flattened channel-major, as {@code torch.flatten} does.
 *
 * <p>Registered names (one line each in {@link #NAMED}): {@code lenet}, biotorch's LeNet for 28 x 28 images
 * (Sanfiz &amp; Akrout 2021, {@code le_net_mnist}: three 5 x 5 convolutions of 6, 16, 120 maps, max pooling after the
 * first two, then 84 linear units; biotorch resizes the images to 32 x 32, here the first convolution pads by 2,
 * which gives the same map sizes), and {@code payeur-cifar}, the CIFAR-10 network of Payeur et al. 2021 (64 maps
 * 5 x 5 stride 2, 128 maps 5 x 5 stride 2, 256 maps 3 x 3, then 1024 units).
 *
 * @param name the registered name, or the list itself when given as one
 * @param tokens the layer tokens, in order
 */
public record Architecture(String name, List<String> tokens) {
    /** Registered architectures: name, layer list and the hidden nonlinearity their sources use. */
    private static final Map<String, Named> NAMED = new LinkedHashMap<>();

    static {
        register(new Named("lenet", "conv6k5p2,maxpool2,conv16k5,maxpool2,conv120k5,fc84:linear", Activation.RELU,
                "biotorch's LeNet (Sanfiz & Akrout 2021), for 28 x 28 images"));
        register(new Named("payeur-cifar", "conv64k5s2,conv128k5s2,conv256k3,fc1024", Activation.SIGMOID,
                "the CIFAR-10 network of Payeur et al. 2021 (learned-feedback variant)"));
    }

    private static final Pattern CONV = Pattern.compile("conv(\\d+)k(\\d+)(?:s(\\d+))?(?:p(\\d+))?");
    private static final Pattern FC = Pattern.compile("fc(\\d+)");
    private static final Pattern POOL = Pattern.compile("(max|avg)pool(\\d+)(?:s(\\d+))?");

    /**
     * A registered architecture.
     *
     * @param id its name
     * @param layers its layer list
     * @param activation the hidden nonlinearity its source trains it with (a recipe's default for it)
     * @param help one line for the command-line help
     */
    public record Named(String id, String layers, Activation activation, String help) { }

    public Architecture {
        tokens = List.copyOf(tokens);
    }

    private static void register(Named n) {
        if (NAMED.putIfAbsent(n.id(), n) != null) {
            throw new IllegalStateException("two architectures are named '" + n.id() + "'");
        }
    }

    /** @return the registered architectures, in the order the help lists them. */
    public static List<Named> named() {
        return List.copyOf(NAMED.values());
    }

    /** @return the registered architecture {@code name}, or null when it is none. */
    public static Named named(String name) {
        return NAMED.get(name.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * @return the architecture named {@code spec}, or the layer list it spells
     * @throws IllegalArgumentException naming the token at fault, or listing the registered names
     */
    public static Architecture parse(String spec) {
        Named n = named(spec);
        String list = n == null ? spec.trim() : n.layers();
        if (list.isEmpty()) {
            throw new IllegalArgumentException("an architecture is a name (" + String.join(", ", NAMED.keySet())
                    + ") or a layer list such as conv6k5,maxpool2,fc84");
        }
        List<String> tokens = new ArrayList<>();
        for (String t : list.split(",", -1)) {
            tokens.add(t.trim().toLowerCase(Locale.ROOT));
        }
        boolean afterWeights = false;
        boolean dense = false;
        for (String t : tokens) {
            Matcher pool = POOL.matcher(t);
            if (pool.matches()) {
                positive(pool.group(2), t);
                if (pool.group(3) != null) {
                    positive(pool.group(3), t);
                }
                if (!afterWeights) {
                    throw new IllegalArgumentException("'" + t + "' must follow a convolutional or dense layer");
                }
                afterWeights = false;
                continue;
            }
            String[] parts = t.split(":", -1);
            if (parts.length > 2) {
                throw new IllegalArgumentException("'" + t + "' has more than one ':'");
            }
            if (parts.length == 2 && Activation.parse(parts[1]) == Activation.SOFTMAX) {
                throw new IllegalArgumentException("'" + t + "': softmax is an output nonlinearity only");
            }
            Matcher conv = CONV.matcher(parts[0]);
            if (conv.matches()) {
                positive(conv.group(1), t);
                positive(conv.group(2), t);
                if (conv.group(3) != null) {
                    positive(conv.group(3), t);
                }
                if (dense) {
                    throw new IllegalArgumentException("'" + t + "' cannot follow a dense layer");
                }
            } else if (FC.matcher(parts[0]).matches()) {
                positive(parts[0].substring(2), t);
                dense = true;
            } else {
                throw unknown(t);
            }
            afterWeights = true;
        }
        return new Architecture(n == null ? list : n.id(), tokens);
    }

    /**
     * @return the layers for inputs of {@code input}: the listed ones with {@code hidden} units unless a token says
     *     otherwise, then the output layer of {@code classes} units
     * @throws IllegalArgumentException when a token is malformed or a layer does not fit what comes before it
     */
    public List<Layer> layers(Shape input, int classes, Activation hidden, Activation output) {
        List<Layer> out = new ArrayList<>();
        Shape below = input;
        for (String token : tokens) {
            Matcher pool = POOL.matcher(token);
            if (pool.matches()) {
                int size = Integer.parseInt(pool.group(2));
                int stride = pool.group(3) == null ? size : Integer.parseInt(pool.group(3));
                Layer last = out.remove(out.size() - 1);
                Pool p = new Pool(pool.group(1).equals("max") ? Pool.Kind.MAX : Pool.Kind.AVERAGE, size, stride);
                Layer pooled = new Layer(last.connection(), last.activation(), p);
                pooled.output(); // checks the window fits
                out.add(pooled);
                below = pooled.output();
                continue;
            }
            String[] parts = token.split(":", -1);
            Activation f = parts.length == 2 ? Activation.parse(parts[1]) : hidden;
            Connection k = connection(parts[0], token, below);
            out.add(new Layer(k, f, null));
            below = k.out();
        }
        out.add(new Layer(new Dense(below.size(), classes), output, null));
        return out;
    }

    private static Connection connection(String spec, String token, Shape below) {
        Matcher conv = CONV.matcher(spec);
        if (conv.matches()) {
            return new Conv(below, positive(conv.group(1), token), positive(conv.group(2), token),
                    conv.group(3) == null ? 1 : positive(conv.group(3), token),
                    conv.group(4) == null ? 0 : Integer.parseInt(conv.group(4)));
        }
        Matcher fc = FC.matcher(spec);
        if (fc.matches()) {
            return new Dense(below.size(), positive(fc.group(1), token));
        }
        throw unknown(token);
    }

    private static IllegalArgumentException unknown(String token) {
        return new IllegalArgumentException("unknown layer '" + token + "': expected conv<C>k<K>[s<S>][p<P>], fc<N>, "
                + "maxpool<K>[s<S>] or avgpool<K>[s<S>], optionally with :<activation>");
    }

    private static int positive(String digits, String token) {
        int v;
        try {
            v = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + token + "': " + digits + " is too large");
        }
        if (v <= 0) {
            throw new IllegalArgumentException("'" + token + "': sizes must be positive");
        }
        return v;
    }

    /**
     * @return these layers with every unit of the hidden nonlinearity: the {@code :<activation>} suffixes dropped
     *     (what a rule that trains only one kind of unit, such as burstprop's sigmoid units, is given)
     */
    public Architecture uniform() {
        return new Architecture(name, tokens.stream().map(t -> t.split(":", -1)[0]).toList());
    }

    /**
     * @return {@code layer} as {@link #parse} reads it back: its weight token with the nonlinearity spelled out
     *     ({@code conv6k5p2:relu}, {@code fc84:linear}), then its pooling token if it has one ({@code maxpool2})
     */
    public static List<String> tokens(Layer layer) {
        List<String> out = new ArrayList<>();
        if (layer.connection() instanceof Conv k) {
            out.add("conv" + k.outChannels() + "k" + k.kernel() + (k.stride() == 1 ? "" : "s" + k.stride())
                    + (k.padding() == 0 ? "" : "p" + k.padding()) + ":" + layer.activation().id());
        } else {
            out.add("fc" + layer.connection().out().size() + ":" + layer.activation().id());
        }
        Pool p = layer.pool();
        if (p != null) {
            out.add(p.kind().token() + p.size() + (p.stride() == p.size() ? "" : "s" + p.stride()));
        }
        return out;
    }

    /** @return the layer list, comma-separated. */
    public String spec() {
        return String.join(",", tokens);
    }
}
