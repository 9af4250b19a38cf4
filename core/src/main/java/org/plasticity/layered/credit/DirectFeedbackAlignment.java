package org.plasticity.layered.credit;

import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Gradients;
import org.plasticity.layered.network.Loss;
import org.plasticity.numeric.Blas;

/**
 * Direct feedback alignment (Nøkland 2016, arXiv:1609.01596): the output error g = dL/da_L reaches every hidden
 * layer through its own fixed random matrix D_l ({@code n_L x n_l}), delta_l = (D_l^T g) . f'(a_l); the output layer
 * takes its true gradient. D_l is uniform in &plusmn;1/sqrt(n_l), the scale of the reference code.
 */
public final class DirectFeedbackAlignment implements CreditRule {
    /** Registry entry. */
    public static final RuleType TYPE = new RuleType("dfa", List.of("direct-feedback-alignment"),
            "direct feedback alignment: the output error sent to each layer", List.of(),
            RuleType.Recipe.STANDARD,
            (on, s) -> new DirectFeedbackAlignment(on.net().sizes(), on.capacity(), on.loss(), on.rng()));

    private final Loss loss;
    private final float[][] d;
    private final float[][] delta;

    public DirectFeedbackAlignment(int[] sizes, int capacity, Loss loss, SplittableRandom rng) {
        this.loss = loss;
        int top = sizes.length - 1;
        d = new float[top][];
        delta = new float[sizes.length][];
        for (int l = 1; l <= top; l++) {
            delta[l] = new float[capacity * sizes[l]];
            if (l < top) {
                d[l] = new float[sizes[top] * sizes[l]];
                double h = 1.0 / Math.sqrt(sizes[l]);
                for (int i = 0; i < d[l].length; i++) {
                    d[l][i] = (float) rng.nextDouble(-h, h);
                }
            }
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
        float[] g = delta[top];
        loss.outputGradient(net.activation(top), act.a[top], act.e[top], y, g, b, net.size(top));
        net.gradient(top, g, act, out);
        for (int l = top - 1; l >= 1; l--) {
            Blas.gemm(b, net.size(l), net.size(top), 1f, g, d[l], 0f, delta[l]);
            Activation f = net.activation(l);
            f.multiplyByDerivative(delta[l], act.a[l], act.e[l], b * net.size(l));
            net.gradient(l, delta[l], act, out);
        }
    }

    /** D_{L-1} has W_L's shape: it is the one feedback matrix the W-versus-feedback angle applies to. */
    @Override
    public float[] feedback(int l) {
        return l == d.length ? d[l - 1] : null;
    }
}
