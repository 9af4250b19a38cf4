package org.plasticity.layered.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Gradients;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Loss;
import org.plasticity.stats.Angles;

/** Node perturbation, feedback alignment and DFA against backprop where theory says they must agree or differ. */
class PerturbationAndFeedbackTest {
    private final int[] sizes = {5, 8, 4};
    private final int batch = 6;

    private FeedForwardNet net() {
        return new FeedForwardNet(sizes, Activation.TANH, Activation.SIGMOID, Init.XAVIER_NORMAL, 1.0,
                new SplittableRandom(3));
    }

    private float[][] batchData() {
        SplittableRandom rng = new SplittableRandom(4);
        float[] x = new float[batch * sizes[0]];
        float[] y = new float[batch * sizes[2]];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        for (int r = 0; r < batch; r++) {
            y[r * sizes[2] + rng.nextInt(sizes[2])] = 1f;
        }
        return new float[][] {x, y};
    }

    /** Runs the forward pass of the batch into {@code act} and returns backprop's gradient for it. */
    private Gradients forwardAndBackprop(FeedForwardNet net, float[][] d, Activity act) {
        net.forward(d[0], 0, batch, act);
        Gradients bp = new Gradients(sizes);
        new Backprop(sizes, batch, Loss.MSE).assign(net, act, d[1], bp, null);
        return bp;
    }

    @Test
    void nodePerturbationAveragesToTheGradient() {
        FeedForwardNet net = net();
        float[][] d = batchData();
        Activity act = net.newActivity(batch);
        Gradients bp = forwardAndBackprop(net, d, act);

        NodePerturbation np = new NodePerturbation(net, batch, Loss.MSE, 1e-3);
        Gradients one = new Gradients(sizes);
        SplittableRandom rng = new SplittableRandom(5);
        int draws = 20000;
        double[][] mean = new double[2][];
        for (int l = 0; l < 2; l++) {
            mean[l] = new double[bp.weights[l].length];
        }
        double singleAngle = 0;
        for (int k = 0; k < draws; k++) {
            np.assign(net, act, d[1], one, rng);
            if (k == 0) {
                singleAngle = Angles.degrees(one.weights[0], bp.weights[0]);
            }
            for (int l = 0; l < 2; l++) {
                for (int i = 0; i < mean[l].length; i++) {
                    mean[l][i] += one.weights[l][i] / draws;
                }
            }
        }
        for (int l = 0; l < 2; l++) {
            float[] m = new float[mean[l].length];
            for (int i = 0; i < m.length; i++) {
                m[i] = (float) mean[l][i];
            }
            double angle = Angles.degrees(m, bp.weights[l]);
            // unbiased estimator: the mean of 2e4 draws points along the gradient; the noise left is ~1/sqrt(draws)
            assertTrue(angle < 8, "layer " + (l + 1) + ": mean NP direction " + angle + " deg from the gradient");
        }
        assertTrue(singleAngle > 30, "one draw is noisy (" + singleAngle + " deg), so the average is what agrees");
    }

    @Test
    void feedbackAlignmentUsesItsOwnMatrixAndMatchesBackpropAtTheOutput() {
        FeedForwardNet net = net();
        float[][] d = batchData();
        Activity act = net.newActivity(batch);
        Gradients bp = forwardAndBackprop(net, d, act);
        FeedbackAlignment fa = new FeedbackAlignment(net, batch, Loss.MSE, Init.XAVIER_NORMAL,
                new SplittableRandom(9));
        Gradients g = new Gradients(sizes);
        fa.assign(net, act, d[1], g, null);
        assertEquals(0.0, Angles.degrees(g.weights[1], bp.weights[1]), 1e-3, "output layer: true gradient");
        double hidden = Angles.degrees(g.weights[0], bp.weights[0]);
        assertTrue(hidden > 20, "hidden layer follows B, not W: " + hidden + " deg");

        // with B set to W, feedback alignment is backprop
        System.arraycopy(net.weights[1], 0, fa.feedback(2), 0, net.weights[1].length);
        fa.assign(net, act, d[1], g, null);
        assertEquals(0.0, Angles.degrees(g.weights[0], bp.weights[0]), 1e-2);
    }

    @Test
    void directFeedbackAlignmentIsBackpropWhenItsMatrixIsTheOutputWeights() {
        FeedForwardNet net = net();
        float[][] d = batchData();
        Activity act = net.newActivity(batch);
        Gradients bp = forwardAndBackprop(net, d, act);
        DirectFeedbackAlignment dfa = new DirectFeedbackAlignment(sizes, batch, Loss.MSE, new SplittableRandom(2));
        Gradients g = new Gradients(sizes);
        dfa.assign(net, act, d[1], g, null);
        assertTrue(Angles.degrees(g.weights[0], bp.weights[0]) > 20);
        // with one hidden layer, D = W_2 makes the direct path the backprop path
        System.arraycopy(net.weights[1], 0, dfa.feedback(2), 0, net.weights[1].length);
        dfa.assign(net, act, d[1], g, null);
        assertEquals(0.0, Angles.degrees(g.weights[0], bp.weights[0]), 1e-2);
        assertEquals(0.0, Angles.degrees(g.weights[1], bp.weights[1]), 1e-3);
    }
}
