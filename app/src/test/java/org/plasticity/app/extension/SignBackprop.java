package org.plasticity.app.extension;

import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.layered.credit.Backprop;
import org.plasticity.layered.credit.CreditRule;
import org.plasticity.layered.credit.RuleProvider;
import org.plasticity.layered.credit.RuleSetting;
import org.plasticity.layered.credit.RuleType;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Gradients;

/**
 * A credit rule from outside the core, as docs/extending.md adds one: backprop's direction with each entry replaced
 * by its sign times a step size (sign-SGD). It is registered only through
 * {@code META-INF/services/org.plasticity.layered.credit.RuleProvider} on the test class path.
 */
public final class SignBackprop implements CreditRule {
    /** Its one setting. */
    public static final RuleSetting STEP = RuleSetting.number("sign_step", 0.01, "S",
            "Sign backprop: size of every entry of the direction (default: 0.01).");
    /** Registry entry. */
    public static final RuleType TYPE = new RuleType("sign-bp", List.of("sign-backprop"),
            "backprop's direction, sign only (an extension example)", List.of(STEP),
            new RuleType.Recipe(1.0, 2000, 0.05, 0.05),
            (on, s) -> new SignBackprop(new Backprop(on.net().sizes(), on.capacity(), on.loss()),
                    (float) s.number(STEP.key())));

    /** What ServiceLoader instantiates. */
    public static final class Provider implements RuleProvider {
        @Override
        public RuleType type() {
            return TYPE;
        }
    }

    private final Backprop gradient;
    private final float step;

    private SignBackprop(Backprop gradient, float step) {
        this.gradient = gradient;
        this.step = step;
    }

    @Override
    public String id() {
        return TYPE.id();
    }

    @Override
    public void assign(FeedForwardNet net, Activity act, float[] y, Gradients out, SplittableRandom rng) {
        gradient.assign(net, act, y, out, rng);
        for (float[][] part : new float[][][] {out.weights, out.biases}) {
            for (float[] layer : part) {
                for (int i = 0; i < layer.length; i++) {
                    layer[i] = Math.signum(layer[i]) * step;
                }
            }
        }
    }
}
