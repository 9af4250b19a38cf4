package org.plasticity.layered.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A feed-forward network of weight layers l = 1..L, each dense or convolutional and optionally pooled
 * ({@link Layer}): a_l = W_l &#8859; x_{l-1} + c_l, e_l = f_l(a_l), x_l = pool_l(e_l), x_0 the input. Single precision
 * (as the peers it is compared with train). Batches are row-major, one example after another, each example's values
 * channel-major ({@link Shape}); a dense layer's forward pass is one GEMM, A_l = X_{l-1} W_l^T, a convolution's one
 * GEMM through im2col ({@link Conv}).
 *
 * <p>Parameters are public arrays on purpose: learning rules and optimisers update them in place, and tests read
 * them. {@code weights[l-1]} is W_l (dense: {@code n_l x n_{l-1}}; convolution: {@code out x in x k x k}, PyTorch's
 * layouts), {@code biases[l-1]} is c_l (one per unit, or per output channel). {@link #size}(l) counts layer l's
 * units, the entries of a_l and e_l per example; a rule's error signal for layer l has that many entries.
 */
public final class FeedForwardNet {
    private final Shape input;
    private final Layer[] layers;
    /** Units per layer: the input's values, then the entries of a_1 .. a_L per example. */
    private final int[] sizes;
    public final float[][] weights;
    public final float[][] biases;

    /**
     * A fully connected network.
     *
     * @param sizes layer widths n_0 (inputs) .. n_L (outputs), at least two entries
     * @param init weight scheme (biases start at 0)
     * @param gain multiplies the scheme's standard deviation
     * @param rng the stream the weights are drawn from, layer by layer
     */
    public FeedForwardNet(int[] sizes, Activation hidden, Activation output, Init init, double gain,
                          SplittableRandom rng) {
        this(Shape.flat(checkedInputs(sizes)), denseLayers(sizes, hidden, output), init, gain, rng);
    }

    /**
     * A network of the given layers (dense or convolutional, pooled or not), its weights drawn layer by layer with
     * {@code init} at each connection's fan-in and fan-out, biases 0.
     *
     * @throws IllegalArgumentException when a layer does not read what the one below it gives, or softmax is used
     *     below the output
     */
    public FeedForwardNet(Shape input, List<Layer> layers, Init init, double gain, SplittableRandom rng) {
        this(input, checked(input, layers), null, null);
        for (int l = 1; l <= layers(); l++) {
            init.fill(weights[l - 1], fanIn(l), fanOut(l), gain, rng);
        }
    }

    private FeedForwardNet(Shape input, Layer[] layers, float[][] weights, float[][] biases) {
        this.input = input;
        this.layers = layers;
        sizes = new int[layers.length + 1];
        sizes[0] = input.size();
        for (int l = 1; l <= layers.length; l++) {
            sizes[l] = layers[l - 1].connection().out().size();
        }
        if (weights == null) {
            this.weights = new float[layers.length][];
            this.biases = new float[layers.length][];
            for (int l = 0; l < layers.length; l++) {
                this.weights[l] = new float[layers[l].connection().weightCount()];
                this.biases[l] = new float[layers[l].connection().biasCount()];
            }
        } else {
            this.weights = weights;
            this.biases = biases;
        }
    }

    private static int checkedInputs(int[] sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs an input and an output layer");
        }
        for (int n : sizes) {
            if (n <= 0) {
                throw new IllegalArgumentException("layer sizes must be positive, got " + Arrays.toString(sizes));
            }
        }
        return sizes[0];
    }

    private static List<Layer> denseLayers(int[] sizes, Activation hidden, Activation output) {
        if (hidden == Activation.SOFTMAX) {
            throw new IllegalArgumentException("softmax is an output nonlinearity only");
        }
        List<Layer> list = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            list.add(new Layer(new Dense(sizes[l - 1], sizes[l]), l == sizes.length - 1 ? output : hidden, null));
        }
        return list;
    }

    private static Layer[] checked(Shape input, List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs an input and an output layer");
        }
        Shape below = input;
        for (int l = 1; l <= layers.size(); l++) {
            Layer layer = layers.get(l - 1);
            if (layer.connection().in().size() != below.size()
                    || layer.convolutional() && !layer.connection().in().equals(below)) {
                throw new IllegalArgumentException("layer " + l + " reads " + layer.connection().in() + " but gets "
                        + below);
            }
            if (layer.activation() == Activation.SOFTMAX && l < layers.size()) {
                throw new IllegalArgumentException("softmax is an output nonlinearity only");
            }
            if (layer.activation() == Activation.SOFTMAX && layer.pool() != null) {
                throw new IllegalArgumentException("the softmax output cannot be pooled");
            }
            below = layer.output();
        }
        return layers.toArray(Layer[]::new);
    }

    /**
     * A fully connected network with given parameters (a saved one, say), checked for shape.
     *
     * @param weights W_l for l = 1..L, each {@code n_l x n_{l-1}} row-major; copied
     * @param biases c_l for l = 1..L, each {@code n_l}; copied
     * @throws IllegalArgumentException when a size is not positive, a shape does not match {@code sizes}, or the
     *     hidden activation is softmax
     */
    public static FeedForwardNet of(int[] sizes, Activation hidden, Activation output, float[][] weights,
                                    float[][] biases) {
        checkedInputs(sizes);
        if (hidden == Activation.SOFTMAX) {
            throw new IllegalArgumentException("softmax is an output nonlinearity only");
        }
        return of(Shape.flat(sizes[0]), denseLayers(sizes, hidden, output), weights, biases);
    }

    /**
     * A network of the given layers with given parameters, checked for shape.
     *
     * @throws IllegalArgumentException when the layers do not chain or a parameter array has the wrong length
     */
    public static FeedForwardNet of(Shape input, List<Layer> layers, float[][] weights, float[][] biases) {
        Layer[] ls = checked(input, layers);
        if (weights.length != ls.length || biases.length != ls.length) {
            throw new IllegalArgumentException("a network of " + ls.length + " layers needs " + ls.length
                    + " weight arrays and bias vectors, got " + weights.length + " and " + biases.length);
        }
        float[][] w = new float[ls.length][];
        float[][] c = new float[ls.length][];
        for (int l = 0; l < ls.length; l++) {
            Connection k = ls[l].connection();
            if (weights[l].length != k.weightCount() || biases[l].length != k.biasCount()) {
                throw new IllegalArgumentException("layer " + (l + 1) + " needs " + k.weightCount() + " weights and "
                        + k.biasCount() + " biases, got " + weights[l].length + " and " + biases[l].length);
            }
            w[l] = weights[l].clone();
            c[l] = biases[l].clone();
        }
        return new FeedForwardNet(input, ls, w, c);
    }

    /** @return an independent deep copy. */
    public FeedForwardNet copy() {
        float[][] w = new float[weights.length][];
        float[][] c = new float[biases.length][];
        for (int l = 0; l < w.length; l++) {
            w[l] = weights[l].clone();
            c[l] = biases[l].clone();
        }
        return new FeedForwardNet(input, layers, w, c);
    }

    /** @return the number of weight layers L. */
    public int layers() {
        return sizes.length - 1;
    }

    /** @return the units of layer l (entries of a_l and e_l per example), or the input's values for l = 0. */
    public int size(int l) {
        return sizes[l];
    }

    /** @return a copy of the unit counts of layers 0 (inputs) .. L (outputs). */
    public int[] sizes() {
        return sizes.clone();
    }

    /** @return the shape of one input example. */
    public Shape input() {
        return input;
    }

    /** @return layer l, 1 &le; l &le; L. */
    public Layer layer(int l) {
        return layers[l - 1];
    }

    /** @return whether any layer is a convolution (rules that need all-to-all layers check it). */
    public boolean convolutional() {
        for (Layer layer : layers) {
            if (layer.convolutional()) {
                return true;
            }
        }
        return false;
    }

    /** @return whether every layer is dense and unpooled: a plain multilayer perceptron. */
    public boolean fullyConnected() {
        for (Layer layer : layers) {
            if (layer.convolutional() || layer.pool() != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return the fan-in of W_l: the inputs each unit of layer l sums over (what initialisation schemes scale by)
     */
    public int fanIn(int l) {
        return layers[l - 1].connection().fanIn();
    }

    /** @return the fan-out of W_l, as PyTorch counts it (Xavier's other count). */
    public int fanOut(int l) {
        return layers[l - 1].connection().fanOut();
    }

    /** @return f_l, layer l's nonlinearity (the output's for l = L). */
    public Activation activation(int l) {
        return layers[l - 1].activation();
    }

    /** @return a work area for batches of up to {@code capacity} examples. */
    public Activity newActivity(int capacity) {
        return new Activity(input, layers, capacity);
    }

    /** Forward pass of {@code batch} rows of {@code x} (row-major, from row {@code row0}) into {@code act}. */
    public void forward(float[] x, int row0, int batch, Activity act) {
        forward(x, row0, batch, act, null);
    }

    /**
     * Forward pass with a perturbation xi_l added to each pre-activation before the nonlinearity (node perturbation);
     * {@code xi == null} means none. {@code xi[l-1]} is {@code batch x n_l}.
     */
    public void forward(float[] x, int row0, int batch, Activity act, float[][] xi) {
        act.batch = batch;
        System.arraycopy(x, row0 * sizes[0], act.e[0], 0, batch * sizes[0]);
        for (int l = 1; l <= layers(); l++) {
            Layer layer = layers[l - 1];
            int n = sizes[l];
            float[] a = act.a[l];
            layer.connection().forward(act.x[l - 1], weights[l - 1], biases[l - 1], a, batch, act.columns[l],
                    act.work);
            if (xi != null) {
                float[] p = xi[l - 1];
                for (int i = 0; i < batch * n; i++) {
                    a[i] += p[i];
                }
            }
            layer.activation().apply(a, act.e[l], batch, n);
            if (layer.pool() != null) {
                layer.pool().forward(layer.connection().out(), act.e[l], act.x[l], act.winner[l], batch);
            }
        }
    }

    /**
     * Writes layer l's direction from its error signal {@code delta} ({@code batch x size(l)}, the batch in
     * {@code act}): G_W = sum over the batch of delta &#8855; x_{l-1}, G_c = the sums of delta per bias.
     */
    public void gradient(int l, float[] delta, Activity act, Gradients out) {
        layers[l - 1].connection().gradient(delta, act.x[l - 1], act.columns[l], out.weights[l - 1],
                out.biases[l - 1], act.batch, act.work);
    }

    /**
     * Carries layer l's error signal down to the units of layer l-1 through {@code m}, a matrix shaped like W_l:
     * {@code below = pool_{l-1}^T (M^T delta)}, where the pooling's adjoint uses the winners of {@code act}'s
     * forward pass. Backprop passes W_l itself; the feedback rules pass their own M. The derivative f'_{l-1} is left
     * to the caller. {@code below} is {@code batch x size(l-1)}.
     */
    public void propagate(int l, float[] delta, float[] m, Activity act, float[] below) {
        Layer under = layers[l - 2];
        Connection k = layers[l - 1].connection();
        if (under.pool() == null) {
            k.transpose(delta, m, below, act.batch, act.work, act.work2);
        } else {
            k.transpose(delta, m, act.pooled, act.batch, act.work, act.work2);
            under.pool().backward(under.connection().out(), act.pooled, below, act.winner[l - 1], act.batch);
        }
    }

    /** @return the number of rows of {@code act}'s output whose largest entry is at the label (ties: first index). */
    public static int correct(Activity act, int[] labels, int row0) {
        float[] out = act.e[act.e.length - 1];
        int k = act.sizes[act.sizes.length - 1];
        int hits = 0;
        for (int r = 0; r < act.batch; r++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (out[r * k + j] > out[r * k + best]) {
                    best = j;
                }
            }
            if (best == labels[row0 + r]) {
                hits++;
            }
        }
        return hits;
    }
}
