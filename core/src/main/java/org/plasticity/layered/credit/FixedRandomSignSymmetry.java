package org.plasticity.layered.credit;

import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Loss;

/**
 * Fixed random-magnitude sign-concordant feedback, frSF (Liao, Leibo &amp; Poggio 2016, AAAI-16, arXiv:1510.05067;
 * biotorch, Sanfiz &amp; Akrout 2021, arXiv:2108.13446): B_l = |M_l| . sign(W_l), where M_l is drawn once with the
 * forward weights' initialisation scheme (as feedback alignment draws its B) and kept; the signs are those of the
 * current W_l at every batch. Only the magnitudes are random, so B_l never points against W_l.
 */
public final class FixedRandomSignSymmetry extends SignConcordantFeedback {
    /** Registry entry. */
    public static final RuleType TYPE = new RuleType("frsf", List.of("fixed-random-sign-symmetry"),
            "fixed random sign symmetry: feedback with W's signs and fixed random magnitudes", List.of(),
            RuleType.Recipe.STANDARD,
            (on, s) -> new FixedRandomSignSymmetry(on.net(), on.capacity(), on.loss(), on.init(), on.rng()));

    private final float[][] magnitude;

    /** @param rng the stream M_l is drawn from, once, layer by layer from l = 2 */
    public FixedRandomSignSymmetry(FeedForwardNet net, int capacity, Loss loss, Init init, SplittableRandom rng) {
        super(net, capacity, loss);
        magnitude = new float[net.layers()][];
        for (int l = 2; l <= net.layers(); l++) {
            float[] m = new float[net.weights[l - 1].length];
            init.fill(m, net.fanIn(l), net.fanOut(l), 1.0, rng);
            for (int i = 0; i < m.length; i++) {
                m[i] = Math.abs(m[i]);
            }
            magnitude[l - 1] = m;
        }
        rebuild(net, null);
    }

    /** @return |M_l|, the live fixed magnitudes (tests set them; the next batch's B_l reads them). */
    float[] fixedMagnitudes(int l) {
        return magnitude[l - 1];
    }

    @Override
    public String id() {
        return TYPE.id();
    }

    @Override
    void writeMagnitudes(FeedForwardNet net, int l, float[] into, SplittableRandom rng) {
        System.arraycopy(magnitude[l - 1], 0, into, 0, into.length);
    }
}
