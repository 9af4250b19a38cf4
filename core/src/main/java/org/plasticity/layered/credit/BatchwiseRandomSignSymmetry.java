package org.plasticity.layered.credit;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Loss;

/**
 * Batchwise random-magnitude sign-concordant feedback, brSF (Liao, Leibo &amp; Poggio 2016, AAAI-16,
 * arXiv:1510.05067; biotorch, Sanfiz &amp; Akrout 2021, arXiv:2108.13446): B_l = |M_l| . sign(W_l) with M_l drawn
 * afresh for every batch, with the forward weights' initialisation scheme, from the stream {@link #assign} is given
 * (so a seeded run repeats exactly). The feedback's magnitudes carry no information at all; only the signs do.
 */
public final class BatchwiseRandomSignSymmetry extends SignConcordantFeedback {
    /** Registry entry. */
    public static final RuleType TYPE = new RuleType("brsf", List.of("batchwise-random-sign-symmetry"),
            "batchwise random sign symmetry: feedback with W's signs, magnitudes redrawn every batch", List.of(),
            RuleType.Recipe.STANDARD,
            (on, s) -> new BatchwiseRandomSignSymmetry(on.net(), on.capacity(), on.loss(), on.init(), on.rng()));

    private final Init init;

    /**
     * @param init the scheme the magnitudes are drawn with
     * @param rng the stream of the magnitudes before the first batch (what the initial weight-feedback angle sees)
     */
    public BatchwiseRandomSignSymmetry(FeedForwardNet net, int capacity, Loss loss, Init init,
                                       SplittableRandom rng) {
        super(net, capacity, loss);
        this.init = init;
        rebuild(net, rng);
    }

    @Override
    public String id() {
        return TYPE.id();
    }

    @Override
    void writeMagnitudes(FeedForwardNet net, int l, float[] into, SplittableRandom rng) {
        Objects.requireNonNull(rng, "brsf draws its feedback magnitudes from the batch's random stream");
        init.fill(into, net.fanIn(l), net.fanOut(l), 1.0, rng);
    }
}
