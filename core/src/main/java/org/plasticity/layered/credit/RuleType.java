package org.plasticity.layered.credit;

import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.layered.network.Activation;
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
     * directions differ in scale. A rule that cannot train the shared network (equilibrium propagation needs units
     * whose rate is clip(s, 0, 1) and the squared error) names its own in {@code network}.
     *
     * @param xorLr learning rate of both layers on XOR
     * @param xorEpochs passes over XOR's four patterns
     * @param imagesLr hidden layers' learning rate on images
     * @param imagesOutputLr output layer's learning rate on images
     * @param network the rule's own units, loss and schedule; null for the shared network (every rule but one)
     */
    public record Recipe(double xorLr, int xorEpochs, double imagesLr, double imagesOutputLr, Network network) {
        /** The rates backprop trains well with, and every rule that has no reason for others. */
        public static final Recipe STANDARD = new Recipe(1.0, 2000, 0.05, 0.05);

        /** A recipe on the shared network. */
        public Recipe(double xorLr, int xorEpochs, double imagesLr, double imagesOutputLr) {
            this(xorLr, xorEpochs, imagesLr, imagesOutputLr, null);
        }
    }

    /**
     * The parts of a recipe a rule sets for itself when the shared network does not suit it. The activations, the
     * loss and the momentum apply on XOR and on images; the rest on images only.
     *
     * @param hidden the hidden units' activation
     * @param output the output units' activation
     * @param loss the loss the rule descends and the trainer reports
     * @param momentum SGD momentum
     * @param standardize whether image inputs are standardised (off keeps pixels in [0, 1])
     * @param imagesEpochs passes over an image training set
     * @param imagesBatch minibatch size on images
     */
    public record Network(Activation hidden, Activation output, Loss loss, double momentum, boolean standardize,
                          int imagesEpochs, int imagesBatch) { }
}
