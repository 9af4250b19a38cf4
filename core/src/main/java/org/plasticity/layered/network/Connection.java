package org.plasticity.layered.network;

/**
 * How a weight layer's pre-activations are computed from its input, a = W &#8859; x + c: all-to-all ({@link Dense})
 * or by convolution ({@link Conv}). Each connection also does the two products every credit rule is made of: the
 * transposed product M^T delta, which carries an error signal down through a matrix M shaped like W (W itself for
 * backprop, a feedback matrix for the other rules), and the weight direction delta &#8855; x, the sum over the batch
 * of the error signal times the input. Batches are row-major, one example's {@link Shape} after another.
 *
 * <p>Work areas come from the caller (an {@link Activity}), so that training allocates nothing per batch.
 */
public sealed interface Connection permits Dense, Conv {
    /** @return the shape of one input example. */
    Shape in();

    /** @return the shape of one example's pre-activations. */
    Shape out();

    /** @return the number of weights (W's length, row-major in PyTorch's layout). */
    int weightCount();

    /** @return the number of biases (one per unit of a dense layer, one per channel of a convolution). */
    int biasCount();

    /** @return the inputs each pre-activation sums over (initialisation scales by it). */
    int fanIn();

    /** @return the pre-activations each input reaches per map position (Xavier's other count, as PyTorch counts it). */
    int fanOut();

    /**
     * @return floats of {@link #forward}'s {@code columns} area for {@code capacity} examples (0 when not needed); it
     *     keeps what {@link #gradient} reads
     */
    int columnsSize(int capacity);

    /** @return floats of each of the two shared work areas for {@code capacity} examples (0 when not needed). */
    int workSize(int capacity);

    /** {@code a = W x + c} for {@code batch} examples; fills {@code columns} for a later {@link #gradient}. */
    void forward(float[] x, float[] w, float[] c, float[] a, int batch, float[] columns, float[] work);

    /** {@code gIn = M^T delta}: delta ({@code batch x out}) carried down through M (shaped like W). */
    void transpose(float[] delta, float[] m, float[] gIn, int batch, float[] work, float[] work2);

    /**
     * {@code gW = sum over the batch of delta &#8855; x} and {@code gC} the sums of delta per bias, for the input
     * {@code x} whose {@link #forward} filled {@code columns}.
     */
    void gradient(float[] delta, float[] x, float[] columns, float[] gW, float[] gC, int batch, float[] work);
}
