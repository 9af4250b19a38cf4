package org.plasticity.layered.network;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.plasticity.numeric.Blas;

/**
 * A fully connected feed-forward network, a_l = W_l e_{l-1} + c_l, e_l = f_l(a_l) for l = 1..L, e_0 = x, in
 * single precision (as the peers it is compared with train). Batches are row-major {@code batch x n_l}; the forward
 * pass is one GEMM per layer, A_l = E_{l-1} W_l^T.
 *
 * <p>Parameters are public arrays on purpose: learning rules and optimisers update them in place, and tests read
 * them. {@code weights[l-1]} is W_l ({@code n_l x n_{l-1}}), {@code biases[l-1]} is c_l.
 */
public final class FeedForwardNet {
    private final int[] sizes;
    private final Activation hidden;
    private final Activation output;
    public final float[][] weights;
    public final float[][] biases;

    /**
     * @param sizes layer widths n_0 (inputs) .. n_L (outputs), at least two entries
     * @param init weight scheme (biases start at 0)
     * @param gain multiplies the scheme's standard deviation
     * @param rng the stream the weights are drawn from, layer by layer
     */
    public FeedForwardNet(int[] sizes, Activation hidden, Activation output, Init init, double gain,
                          SplittableRandom rng) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs an input and an output layer");
        }
        for (int n : sizes) {
            if (n <= 0) {
                throw new IllegalArgumentException("layer sizes must be positive, got " + Arrays.toString(sizes));
            }
        }
        if (hidden == Activation.SOFTMAX) {
            throw new IllegalArgumentException("softmax is an output nonlinearity only");
        }
        this.sizes = sizes.clone();
        this.hidden = hidden;
        this.output = output;
        int layers = sizes.length - 1;
        weights = new float[layers][];
        biases = new float[layers][];
        for (int l = 0; l < layers; l++) {
            weights[l] = new float[sizes[l + 1] * sizes[l]];
            biases[l] = new float[sizes[l + 1]];
            init.fill(weights[l], fanIn(l + 1), fanOut(l + 1), gain, rng);
        }
    }

    private FeedForwardNet(int[] sizes, Activation hidden, Activation output, float[][] weights, float[][] biases) {
        this.sizes = sizes;
        this.hidden = hidden;
        this.output = output;
        this.weights = weights;
        this.biases = biases;
    }

    /**
     * A network with given parameters (a saved one, say), checked for shape.
     *
     * @param weights W_l for l = 1..L, each {@code n_l x n_{l-1}} row-major; copied
     * @param biases c_l for l = 1..L, each {@code n_l}; copied
     * @throws IllegalArgumentException when a size is not positive, a shape does not match {@code sizes}, or the
     *     hidden activation is softmax
     */
    public static FeedForwardNet of(int[] sizes, Activation hidden, Activation output, float[][] weights,
                                    float[][] biases) {
        if (sizes.length < 2 || weights.length != sizes.length - 1 || biases.length != sizes.length - 1) {
            throw new IllegalArgumentException("a network of " + Arrays.toString(sizes) + " needs " + (sizes.length - 1)
                    + " weight matrices and bias vectors, got " + weights.length + " and " + biases.length);
        }
        for (int n : sizes) {
            if (n <= 0) {
                throw new IllegalArgumentException("layer sizes must be positive, got " + Arrays.toString(sizes));
            }
        }
        if (hidden == Activation.SOFTMAX) {
            throw new IllegalArgumentException("softmax is an output nonlinearity only");
        }
        float[][] w = new float[weights.length][];
        float[][] c = new float[biases.length][];
        for (int l = 0; l < w.length; l++) {
            if ((long) weights[l].length != (long) sizes[l + 1] * sizes[l] || biases[l].length != sizes[l + 1]) {
                throw new IllegalArgumentException("layer " + (l + 1) + " needs " + sizes[l + 1] + " x " + sizes[l]
                        + " weights and " + sizes[l + 1] + " biases, got " + weights[l].length + " and "
                        + biases[l].length);
            }
            w[l] = weights[l].clone();
            c[l] = biases[l].clone();
        }
        return new FeedForwardNet(sizes.clone(), hidden, output, w, c);
    }

    private FeedForwardNet(FeedForwardNet other) {
        sizes = other.sizes.clone();
        hidden = other.hidden;
        output = other.output;
        weights = new float[other.weights.length][];
        biases = new float[other.biases.length][];
        for (int l = 0; l < weights.length; l++) {
            weights[l] = other.weights[l].clone();
            biases[l] = other.biases[l].clone();
        }
    }

    /** @return an independent deep copy. */
    public FeedForwardNet copy() {
        return new FeedForwardNet(this);
    }

    /** @return the number of weight layers L. */
    public int layers() {
        return sizes.length - 1;
    }

    /** @return n_l for l = 0 (inputs) .. L (outputs). */
    public int size(int l) {
        return sizes[l];
    }

    /** @return a copy of the widths n_0..n_L. */
    public int[] sizes() {
        return sizes.clone();
    }

    /**
     * @return the fan-in of W_l: the inputs each unit of layer l sums over (what initialisation schemes scale by)
     */
    public int fanIn(int l) {
        return sizes[l - 1];
    }

    /** @return the fan-out of W_l: the units of layer l each input reaches (Xavier's other count). */
    public int fanOut(int l) {
        return sizes[l];
    }

    /** @return f_l: the hidden nonlinearity for l &lt; L, the output one for l = L. */
    public Activation activation(int l) {
        return l == layers() ? output : hidden;
    }

    /** @return a work area for batches of up to {@code capacity} examples. */
    public Activity newActivity(int capacity) {
        return new Activity(sizes, capacity);
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
            int nIn = sizes[l - 1];
            int nOut = sizes[l];
            float[] a = act.a[l];
            float[] c = biases[l - 1];
            for (int r = 0; r < batch; r++) {
                System.arraycopy(c, 0, a, r * nOut, nOut);
            }
            Blas.gemmNT(batch, nOut, nIn, 1f, act.e[l - 1], weights[l - 1], 1f, a);
            if (xi != null) {
                float[] p = xi[l - 1];
                for (int i = 0; i < batch * nOut; i++) {
                    a[i] += p[i];
                }
            }
            activation(l).apply(a, act.e[l], batch, nOut);
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
