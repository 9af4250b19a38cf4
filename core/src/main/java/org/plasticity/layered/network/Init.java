package org.plasticity.layered.network;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Weight initialisations of a {@code fanOut x fanIn} matrix (Glorot &amp; Bengio 2010; He et al. 2015):
 * Xavier draws with variance 2/(fanIn + fanOut), Kaiming with variance 2/fanIn; normal or uniform of that variance.
 */
public enum Init {
    XAVIER_NORMAL, XAVIER_UNIFORM, KAIMING_NORMAL, KAIMING_UNIFORM;

    /** @return the standard deviation this scheme gives a {@code fanOut x fanIn} matrix. */
    public double std(int fanIn, int fanOut) {
        return switch (this) {
            case XAVIER_NORMAL, XAVIER_UNIFORM -> Math.sqrt(2.0 / (fanIn + fanOut));
            case KAIMING_NORMAL, KAIMING_UNIFORM -> Math.sqrt(2.0 / fanIn);
        };
    }

    /** Fills {@code w} ({@code fanOut x fanIn}) with draws of standard deviation {@code gain * std}. */
    public void fill(float[] w, int fanIn, int fanOut, double gain, SplittableRandom rng) {
        double s = gain * std(fanIn, fanOut);
        boolean uniform = this == XAVIER_UNIFORM || this == KAIMING_UNIFORM;
        double half = s * Math.sqrt(3.0); // U(-h, h) has std h / sqrt(3)
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (uniform ? rng.nextDouble(-half, half) : s * rng.nextGaussian());
        }
    }

    /** @return the name used in configs, e.g. {@code xavier-normal}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the scheme named {@code id}, or an error listing the names. */
    public static Init parse(String id) {
        for (Init i : values()) {
            if (i.id().equalsIgnoreCase(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown init '" + id + "', expected xavier-normal, xavier-uniform, "
                + "kaiming-normal or kaiming-uniform");
    }
}
