package org.plasticity.layered.training;

import org.plasticity.layered.credit.CreditRules;
import org.plasticity.layered.credit.RuleParams;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Loss;

/**
 * Default training settings per rule and kind of data, the values the README's accuracy table was made with. All
 * rules share one network, so that they are compared on equal terms: sigmoid hidden units (which burstprop and
 * segregated dendrites need, as in their reference code), Xavier-normal weights, and for images a softmax output with
 * cross-entropy (a sigmoid output with MSE, the burstprop scripts' choice, collapses to all-off outputs at learning
 * rates that train in a few epochs). Only learning rates differ, because the rules' directions differ in scale
 * (burstprop's is p-bar times a gradient at the output, node perturbation's is noisy).
 */
public final class Recipes {
    private Recipes() {}

    /** @return the settings for {@code rule} on XOR (2-h-2, full batch of the 4 patterns). */
    public static TrainConfig xor(String rule, long seed) {
        String id = CreditRules.canonical(rule);
        double lr = switch (id) {
            case "burstprop" -> 4.0;
            case "np" -> 0.1;
            default -> 1.0;
        };
        int epochs = id.equals("np") ? 5000 : 2000; // node perturbation's noisy steps need more of them
        return new TrainConfig(seed, new int[] {8}, Activation.SIGMOID, Activation.SIGMOID, Loss.MSE,
                Init.XAVIER_NORMAL, 1.0, epochs, 4, lr, lr, 0.9, 0.0, false, 0, 0, 4, RuleParams.defaults());
    }

    /** @return the settings for {@code rule} on 28x28 or 32x32 images (one hidden layer of {@code hidden}). */
    public static TrainConfig images(String rule, long seed, int hidden) {
        double[] rates = switch (CreditRules.canonical(rule)) {
            case "burstprop" -> new double[] {0.1, 0.25};
            case "np" -> new double[] {0.001, 0.001};
            case "segdend" -> new double[] {0.05, 0.05};
            default -> new double[] {0.05, 0.05};
        };
        return new TrainConfig(seed, new int[] {hidden}, Activation.SIGMOID, Activation.SOFTMAX, Loss.CROSS_ENTROPY,
                Init.XAVIER_NORMAL, 1.0, 5, 32, rates[0], rates[1], 0.9, 1e-6, true, 0, 0, 256,
                RuleParams.defaults());
    }
}
