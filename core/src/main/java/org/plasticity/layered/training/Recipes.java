package org.plasticity.layered.training;

import java.util.SplittableRandom;
import org.plasticity.layered.credit.CreditRules;
import org.plasticity.layered.credit.RuleSettings;
import org.plasticity.layered.credit.RuleType;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Architecture;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Loss;

/**
 * Default training settings per rule and kind of data, the values the README's accuracy table was made with. All
 * rules share one network, so that they are compared on equal terms: sigmoid hidden units (which burstprop and
 * segregated dendrites need, as in their reference code), Xavier-normal weights, and for images a softmax output with
 * cross-entropy (a sigmoid output with MSE, the burstprop scripts' choice, collapses to all-off outputs at learning
 * rates that train in a few epochs). Only learning rates (and on XOR epochs) differ, each rule's
 * {@link RuleType.Recipe}, because the rules' directions differ in scale. The exception is a rule that cannot run
 * that network: equilibrium propagation brings its own ({@link RuleType.Network}: hard-sigmoid units, squared error,
 * raw pixels, its own batch and epochs), and a command-line option still overrides each of those.
 */
public final class Recipes {
    private Recipes() {}

    /** @return the settings for {@code rule} on XOR (2-h-2, full batch of the 4 patterns). */
    public static TrainConfig xor(String rule, long seed) {
        RuleType.Recipe r = CreditRules.type(rule).recipe();
        TrainConfig.Builder b = TrainConfig.builder().seed(seed).hidden(8).hiddenActivation(Activation.SIGMOID)
                .outputActivation(Activation.SIGMOID).loss(Loss.MSE).init(Init.XAVIER_NORMAL).initGain(1.0)
                .epochs(r.xorEpochs()).batchSize(4).rates(r.xorLr(), r.xorLr()).momentum(0.9).weightDecay(0.0)
                .standardize(false).trainLimit(0).testLimit(0).probe(4);
        RuleType.Network own = r.network();
        if (own != null) {
            b.hiddenActivation(own.hidden()).outputActivation(own.output()).loss(own.loss()).momentum(own.momentum());
        }
        return b.build();
    }

    /** @return the settings for {@code rule} on 28x28 or 32x32 images (one hidden layer of {@code hidden}). */
    public static TrainConfig images(String rule, long seed, int hidden) {
        RuleType.Recipe r = CreditRules.type(rule).recipe();
        TrainConfig.Builder b = TrainConfig.builder().seed(seed).hidden(hidden).hiddenActivation(Activation.SIGMOID)
                .outputActivation(Activation.SOFTMAX).loss(Loss.CROSS_ENTROPY).init(Init.XAVIER_NORMAL).initGain(1.0)
                .epochs(5).batchSize(32).rates(r.imagesLr(), r.imagesOutputLr()).momentum(0.9).weightDecay(1e-6)
                .standardize(true).trainLimit(0).testLimit(0).probe(256);
        RuleType.Network own = r.network();
        if (own != null) {
            b.hiddenActivation(own.hidden()).outputActivation(own.output()).loss(own.loss()).momentum(own.momentum())
                    .standardize(own.standardize()).epochs(own.imagesEpochs()).batchSize(own.imagesBatch());
        }
        return b.build();
    }

    /**
     * Gives {@code b} the hidden layers {@code arch} (a registered name or a layer list). A registered architecture
     * also brings its source's hidden units (LeNet's ReLU, say), unless {@code rule} cannot train them: then sigmoid
     * units, the ones every rule here can train (burstprop and segregated dendrites need them), in every layer, its
     * {@code :<activation>} overrides dropped ({@link Architecture#uniform}), as the rule's sources train.
     *
     * @return {@code b}
     */
    public static TrainConfig.Builder arch(TrainConfig.Builder b, String rule, String arch) {
        b.arch(arch);
        Architecture.Named named = Architecture.named(arch);
        if (named != null) {
            Activation units = units(rule, named);
            b.hiddenActivation(units);
            if (units != named.activation()) {
                b.arch(Architecture.parse(arch).uniform().spec());
            }
        }
        return b;
    }

    /**
     * @return the architecture's own hidden units if {@code rule} can train them, else sigmoid units; the rule's own
     *     constructor is what decides, so a new rule needs no entry here
     */
    private static Activation units(String rule, Architecture.Named arch) {
        FeedForwardNet probe = new FeedForwardNet(new int[] {2, 2, 2}, arch.activation(), Activation.SOFTMAX,
                Init.XAVIER_NORMAL, 1.0, new SplittableRandom(0));
        try {
            CreditRules.create(rule, probe, 1, Loss.CROSS_ENTROPY, Init.XAVIER_NORMAL, RuleSettings.defaults(),
                    new SplittableRandom(0));
            return arch.activation();
        } catch (IllegalArgumentException e) {
            return Activation.SIGMOID;
        }
    }

    /** @return the recipe for {@code rule} on data of the given kind (images with {@code hidden} units, or XOR). */
    public static TrainConfig forData(boolean images, String rule, long seed) {
        return images ? images(rule, seed, 500) : xor(rule, seed);
    }
}
