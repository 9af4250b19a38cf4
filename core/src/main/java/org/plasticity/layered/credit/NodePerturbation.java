package org.plasticity.layered.credit;

import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Gradients;
import org.plasticity.layered.network.Loss;

/**
 * Node perturbation (Williams 1992; the all-layers form of the NP baseline of Payeur et al. 2021): a second forward
 * pass adds xi_l ~ N(0, sigma^2) to every pre-activation, and each example's loss change is the credit,
 * delta_l = ((l_xi - l) / sigma^2) xi_l / batch. Since E[(l_xi - l) xi_l] = sigma^2 dl/da_l + O(sigma^4), the direction
 * is an unbiased estimate of the gradient in the small-sigma limit, with a variance that grows with the number of
 * units. Credit is per example (the reference code uses the batch-mean loss, a cruder estimate).
 */
public final class NodePerturbation implements CreditRule {
    /** The noise sigma; {@code perturbation} in {@code summary.json}, its name there before the registry. */
    public static final RuleSetting SIGMA = RuleSetting.number("np_sigma", 1e-3, "S",
            "Node perturbation noise (default: 1e-3).").reportedAs("perturbation");
    /** Registry entry: noisy steps need a smaller rate and, on XOR, more epochs. */
    public static final RuleType TYPE = new RuleType("np", List.of("node-perturbation"),
            "node perturbation: loss change under noise as the credit", List.of(SIGMA),
            new RuleType.Recipe(0.1, 5000, 0.001, 0.001),
            (on, s) -> new NodePerturbation(on.net(), on.capacity(), on.loss(), Params.of(s).sigma()));

    /**
     * Node perturbation's settings.
     *
     * @param sigma the noise's standard deviation on every pre-activation (reference code: 1e-3)
     */
    public record Params(double sigma) {
        /** @return the values in {@code s}. */
        public static Params of(RuleSettings s) {
            return new Params(s.number(SIGMA.key()));
        }
    }

    private final Loss loss;
    private final double sigma;
    private final Activity noisy;
    private final float[][] xi;
    private final float[] credit;

    public NodePerturbation(FeedForwardNet net, int capacity, Loss loss, double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("node perturbation needs sigma > 0, got " + sigma);
        }
        this.loss = loss;
        this.sigma = sigma;
        noisy = net.newActivity(capacity);
        credit = new float[capacity];
        xi = new float[net.layers()][];
        for (int l = 1; l <= net.layers(); l++) {
            xi[l - 1] = new float[capacity * net.size(l)];
        }
    }

    @Override
    public String id() {
        return TYPE.id();
    }

    @Override
    public void assign(FeedForwardNet net, Activity act, float[] y, Gradients out, SplittableRandom rng) {
        int b = act.batch;
        int top = net.layers();
        for (int l = 1; l <= top; l++) {
            float[] p = xi[l - 1];
            for (int i = 0; i < b * net.size(l); i++) {
                p[i] = (float) (sigma * rng.nextGaussian());
            }
        }
        net.forward(act.e[0], 0, b, noisy, xi);
        int k = net.size(top);
        for (int r = 0; r < b; r++) {
            double change = loss.example(noisy.e[top], y, r * k, k) - loss.example(act.e[top], y, r * k, k);
            credit[r] = (float) (change / (sigma * sigma * b));
        }
        for (int l = 1; l <= top; l++) {
            int n = net.size(l);
            float[] p = xi[l - 1];
            for (int r = 0; r < b; r++) {
                for (int j = 0; j < n; j++) {
                    p[r * n + j] *= credit[r];
                }
            }
            net.gradient(l, p, act, out);
        }
    }
}
