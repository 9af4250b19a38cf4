package org.plasticity.layered.credit;

import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Loss;

/**
 * What the registry knows of a credit rule: its names, its help line, its settings, the learning rates its recipes
 * use and how to build it. Every rule class declares one as {@code TYPE}; {@link CreditRules} lists them.
 *
 * @param id the short name ({@code bp}, {@code np}, ...), as on the command line and in results
 * @param aliases long names that also select the rule ({@code backprop}, ...)
 * @param help one line for the command-line help
 * @param settings the rule's own settings (none for most rules)
 * @param recipe the rule's learning rates and epochs in the default recipes
 * @param factory builds the rule for one network
 */
public record RuleType(String id, List<String> aliases, String help, List<RuleSetting> settings, Recipe recipe,
                       Factory factory) {

    public RuleType {
        aliases = List.copyOf(aliases);
        settings = List.copyOf(settings);
    }

    /** Builds a rule for one training run. */
    @FunctionalInterface
    public interface Factory {
        /** @return a fresh rule for {@code on}, reading its settings from {@code settings}. */
        CreditRule create(Context on, RuleSettings settings);
    }

    /**
     * What a rule is built for.
     *
     * @param net the network (its sizes and activations; the rule must not change it)
     * @param capacity the largest batch the rule will see
     * @param loss the loss the output error is taken of
     * @param init the forward weights' scheme (feedback alignment draws its B with it)
     * @param rng the stream the rule's own random connections are drawn from
     */
    public record Context(FeedForwardNet net, int capacity, Loss loss, Init init, SplittableRandom rng) { }

    /**
     * A rule's place in the default recipes (the training package's {@code Recipes}); the rest of a recipe
     * is the same for every rule, so that rules are compared on one network. The rates differ because the rules'
     * directions differ in scale.
     *
     * @param xorLr learning rate of both layers on XOR
     * @param xorEpochs passes over XOR's four patterns
     * @param imagesLr hidden layers' learning rate on images
     * @param imagesOutputLr output layer's learning rate on images
     */
    public record Recipe(double xorLr, int xorEpochs, double imagesLr, double imagesOutputLr) {
        /** The rates backprop trains well with, and every rule that has no reason for others. */
        public static final Recipe STANDARD = new Recipe(1.0, 2000, 0.05, 0.05);
    }
}
