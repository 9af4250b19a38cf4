package org.plasticity.numeric;

import java.util.SplittableRandom;

/**
 * Deterministic derivation of independent seeds from a root seed and a path of indices (task, run, trial), so that
 * every random stream depends on what it is for and never on scheduling order or thread count.
 */
public final class Seeds {
    private Seeds() {}

    /** @return a seed for the stream at {@code path} under {@code root}; distinct paths give unrelated seeds. */
    public static long derive(long root, long... path) {
        long h = mix(root ^ 0x9E3779B97F4A7C15L);
        for (long p : path) {
            h = mix(h + 0x9E3779B97F4A7C15L * (p + 1));
        }
        return h;
    }

    /** @return a generator for the stream at {@code path} under {@code root}. */
    public static SplittableRandom stream(long root, long... path) {
        return new SplittableRandom(derive(root, path));
    }

    /** Fills {@code out[off..off+n)} with standard normal draws from {@code rng}. */
    public static void gaussians(SplittableRandom rng, double[] out, int off, int n) {
        for (int i = 0; i < n; i++) {
            out[off + i] = rng.nextGaussian();
        }
    }

    /** Float twin of {@link #gaussians(SplittableRandom, double[], int, int)}. */
    public static void gaussians(SplittableRandom rng, float[] out, int off, int n) {
        for (int i = 0; i < n; i++) {
            out[off + i] = (float) rng.nextGaussian();
        }
    }

    // SplitMix64 finaliser (Steele, Lea & Flood 2014): a bijective avalanche mix of 64 bits.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
