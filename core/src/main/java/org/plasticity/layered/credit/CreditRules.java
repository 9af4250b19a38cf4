package org.plasticity.layered.credit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Loss;

/** The registry of credit-assignment rules by command-line name. */
public final class CreditRules {
    /** Short names, in the order reports list them. */
    public static final List<String> IDS = List.of("bp", "fa", "dfa", "np", "burstprop", "segdend");

    private static final Map<String, String> ALIASES = Map.of(
            "backprop", "bp", "feedback-alignment", "fa", "direct-feedback-alignment", "dfa",
            "node-perturbation", "np", "burst", "burstprop", "segregated-dendrites", "segdend");

    private CreditRules() {}

    /** @return the short name for {@code name} (a short name or a long alias), or an error listing them. */
    public static String canonical(String name) {
        String id = name.trim().toLowerCase(Locale.ROOT);
        id = ALIASES.getOrDefault(id, id);
        if (!IDS.contains(id)) {
            throw new IllegalArgumentException("unknown rule '" + name + "', expected one of " + String.join(", ", IDS));
        }
        return id;
    }

    /**
     * @param capacity the largest batch the rule will see
     * @param init the forward weights' scheme (feedback alignment draws B with it)
     * @param rng the stream the rule's own random connections are drawn from
     */
    public static CreditRule create(String name, FeedForwardNet net, int capacity, Loss loss, Init init,
                                    RuleParams params, SplittableRandom rng) {
        int[] sizes = net.sizes();
        return switch (canonical(name)) {
            case "bp" -> new Backprop(sizes, capacity, loss);
            case "fa" -> new FeedbackAlignment(sizes, capacity, loss, init, rng);
            case "dfa" -> new DirectFeedbackAlignment(sizes, capacity, loss, rng);
            case "np" -> new NodePerturbation(net, capacity, loss, params.perturbation());
            case "burstprop" -> new Burstprop(net, capacity, loss, params, rng);
            case "segdend" -> new SegregatedDendrites(net, capacity, loss, params, rng);
            default -> throw new AssertionError(name);
        };
    }
}
