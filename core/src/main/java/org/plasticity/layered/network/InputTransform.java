package org.plasticity.layered.network;

/**
 * The scalar shift and scale applied to every input value before the first layer: {@code x' = (x - mean) * s} with
 * {@code s = 1 / std} in single precision ({@code s = 1} when {@code std} is 0, a constant input). One mean and one
 * standard deviation over all inputs of all training examples, not per feature, as the trainer standardises. A network
 * trained on standardised inputs must be fed inputs transformed by the same two numbers, which is why checkpoints keep
 * them.
 *
 * @param standardize false for the identity (inputs used as they are)
 * @param mean the training inputs' mean (0 for the identity)
 * @param std the training inputs' population standard deviation (1 for the identity)
 */
public record InputTransform(boolean standardize, float mean, float std) {
    /** Inputs used as they are. */
    public static final InputTransform NONE = new InputTransform(false, 0f, 1f);

    public InputTransform {
        if (!Float.isFinite(mean) || !Float.isFinite(std) || std < 0) {
            throw new IllegalArgumentException("input standardisation needs a finite mean and a finite std >= 0, got "
                    + mean + " and " + std);
        }
        if (!standardize && (mean != 0f || std != 1f)) {
            throw new IllegalArgumentException("the identity transform has mean 0 and std 1");
        }
    }

    /**
     * @return the standardisation fitted to {@code x}: the mean and population standard deviation of all its values,
     *     accumulated in double precision and rounded to float
     */
    public static InputTransform fit(float[] x) {
        double s = 0;
        double ss = 0;
        for (float v : x) {
            s += v;
            ss += (double) v * v;
        }
        double mean = s / x.length;
        double var = Math.max(ss / x.length - mean * mean, 0);
        return new InputTransform(true, (float) mean, (float) Math.sqrt(var));
    }

    /** @return the factor applied after the shift: {@code 1 / std}, or 1 when {@code std} is 0. */
    public float scale() {
        return std > 0 ? 1f / std : 1f;
    }

    /** @return a transformed copy of {@code x}. */
    public float[] apply(float[] x) {
        float[] out = x.clone();
        applyInPlace(out, 0, out.length);
        return out;
    }

    /** Transforms {@code x[from..to)} in place; nothing for the identity. */
    public void applyInPlace(float[] x, int from, int to) {
        if (!standardize) {
            return;
        }
        float inv = scale();
        for (int i = from; i < to; i++) {
            x[i] = (x[i] - mean) * inv;
        }
    }
}
