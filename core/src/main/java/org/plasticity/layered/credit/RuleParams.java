package org.plasticity.layered.credit;

/**
 * The settings of the rules that have any, one record for all so a config or sweep can name each as a field.
 *
 * @param perturbation node perturbation's noise sigma on every pre-activation (reference code: 1e-3)
 * @param burstBaseline burstprop's baseline burst probability p-bar (reference code: 0.2)
 * @param feedbackStd standard deviation of the random feedback weights Y of burstprop and segregated dendrites
 * @param learnFeedback burstprop: Y receives the same steps as W (Kolen-Pollack style) instead of staying fixed
 * @param recurrent burstprop: recurrent dendrite-targeting inhibition Z in the hidden layers
 * @param recurrentLr burstprop: plain SGD rate of Z (reference code: 1e-4)
 * @param nudge segregated dendrites: how far the target phase moves the output rates toward the target (1 = all the
 *     way)
 */
public record RuleParams(double perturbation, double burstBaseline, double feedbackStd, boolean learnFeedback,
                         boolean recurrent, double recurrentLr, double nudge) {

    /** @return the reference codes' defaults (Payeur et al. 2021 MNIST scripts; Guerguiev et al. 2017). */
    public static RuleParams defaults() {
        return new RuleParams(1e-3, 0.2, 1.0, false, true, 1e-4, 1.0);
    }
}
