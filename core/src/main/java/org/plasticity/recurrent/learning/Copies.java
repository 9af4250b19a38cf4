package org.plasticity.recurrent.learning;

import java.util.SplittableRandom;
import org.plasticity.numeric.Blas;
import org.plasticity.numeric.EulerKernels;
import org.plasticity.numeric.Seeds;
import org.plasticity.recurrent.dynamics.Simulator;
import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.recurrent.rule.LearnerContext;
import org.plasticity.recurrent.task.IoMappingTask;

/**
 * One trial of the network under a task's input, stepped in double precision with a coupling the caller owns (it may
 * change between steps), and, for a rule with a nudged phase, its nudged copy: same J, input and noise, plus the
 * field {@code lambda (xi - y)} inside the gain (docs/model.md#contrastive-hebbian). The free copy's step is the one
 * {@link PlasticRun} has always taken: {@code u = J x}, then the fused Euler update with this step's draws.
 */
final class Copies {
    final int n;
    /** The free state. */
    final double[] x;
    /** The nudged state, or null without a nudged phase. */
    final double[] y;
    /** This step's standard normal draws, shared by both copies. */
    final double[] z;
    private final double[] u;
    private final double[] uy;
    private final double[] h;
    private final double[] xi;
    private final double lambda;
    private final boolean tanh;
    private final double beta;
    private final double drift;
    private final double s;

    /** @param lambda the nudge strength, 0 for the free copy alone */
    Copies(RateNetwork network, IoMappingTask task, double lambda) {
        this.n = network.n();
        this.x = new double[n];
        this.u = new double[n];
        this.z = new double[n];
        this.y = lambda > 0 ? new double[n] : null;
        this.uy = lambda > 0 ? new double[n] : null;
        this.h = task.field();
        this.xi = task.xi();
        this.lambda = lambda;
        this.tanh = network.tanh();
        this.beta = network.config().beta();
        this.drift = network.config().driftStep();
        this.s = network.config().sigma() * Math.sqrt(network.config().dt());
    }

    /** Draws the initial state {@code 0.1 N(0, I)} from {@code rng}; the nudged copy starts at the same state. */
    void start(SplittableRandom rng) {
        Seeds.gaussians(rng, x, 0, n);
        for (int i = 0; i < n; i++) {
            x[i] *= Simulator.INITIAL_SPREAD;
        }
        if (y != null) {
            System.arraycopy(x, 0, y, 0, n);
        }
    }

    /** One Euler–Maruyama step of both copies under coupling {@code j}, with draws from {@code rng}. */
    void step(double[] j, SplittableRandom rng) {
        Blas.gemv(n, n, 1.0, j, 0, x, 0, 0.0, u, 0);
        Seeds.gaussians(rng, z, 0, n);
        EulerKernels.step(tanh, n, x, 0, u, 0, h, z, 0, beta, drift, s);
        if (y != null) {
            Blas.gemv(n, n, 1.0, j, 0, y, 0, 0.0, uy, 0);
            for (int i = 0; i < n; i++) {
                uy[i] += lambda * (xi[i] - y[i]);
            }
            EulerKernels.step(tanh, n, y, 0, uy, 0, h, z, 0, beta, drift, s);
        }
    }

    /** @return the constants a learner may need (docs/model.md#dynamics). */
    static LearnerContext context(RateNetwork network) {
        var c = network.config();
        return new LearnerContext(network.n(), c.beta(), c.sigma(), c.dt(), c.tau());
    }
}
