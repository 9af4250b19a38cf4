package org.plasticity.recurrent.dynamics;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.numeric.Blas;
import org.plasticity.numeric.EulerKernels;
import org.plasticity.numeric.Seeds;
import org.plasticity.numeric.Vectors;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.model.RateNetwork;

/**
 * Euler–Maruyama integration of a batch of independent trials of a {@link RateNetwork} with fixed coupling:
 * <pre>
 *   U   = X J^T                                      (one GEMM for the whole batch; row b is trial b)
 *   X  &lt;- X + (dt/tau) ( phi(beta (U + gamma eta)) - X ) + sigma sqrt(dt) Z,    Z ~ N(0, I)
 * </pre>
 * Trial {@code b} draws its initial state and its noise from its own stream {@code Seeds.stream(seed, b)}, so a
 * trial's path is the same whatever batch it is simulated in, and two runs with the same seed share their noise
 * (common random numbers). In {@code float} precision the state, J and the products are single precision; samples
 * handed to recorders are double.
 *
 * <p>A batch may stack several {@link Ensemble}s that share J but not their input: every task's evoked trials in one
 * product, each row with its own field, stream and recorder. Each entry of {@code X J^T} is summed in an order fixed
 * by N alone ({@code numeric.Blas}), so a row's path is the same bits whichever rows share its batch
 * (docs/reproducibility.md).
 */
public final class Simulator {
    /** Spread of the initial state around zero; burn-in removes its trace. */
    public static final double INITIAL_SPREAD = 0.1;

    private final RateNetwork network;
    private final SimulationConfig sim;

    public Simulator(RateNetwork network, SimulationConfig sim) {
        this.network = network;
        this.sim = sim;
    }

    /**
     * Trials {@code firstTrial .. firstTrial + trials - 1} of one run: the same input field and seed, observed by one
     * recorder.
     *
     * @param field external field {@code gamma eta} (length N, not modified), or null for spontaneous activity
     */
    public record Ensemble(double[] field, long seed, int firstTrial, int trials, Recorder recorder) {}

    /**
     * Simulates trials {@code firstTrial .. firstTrial + trials - 1} for burn-in plus duration, sampling every
     * {@code sample_every} steps after burn-in.
     *
     * @param field external field {@code gamma eta} (length N, not modified), or null for spontaneous activity
     * @throws DivergenceException when a state becomes NaN or infinite
     */
    public void run(double[] field, long seed, int firstTrial, int trials, Recorder recorder) {
        run(List.of(new Ensemble(field, seed, firstTrial, trials, recorder)));
    }

    /**
     * Simulates the ensembles' trials stacked in one batch: one product per step for all of them. Each recorder
     * sees its own trials, in order, every {@code sample_every} steps after burn-in.
     *
     * @throws DivergenceException when a state becomes NaN or infinite (naming the first such row's trial)
     */
    public void run(List<Ensemble> ensembles) {
        int rows = 0;
        for (Ensemble e : ensembles) {
            rows = Math.addExact(rows, e.trials());
        }
        double[][] fields = new double[rows][];
        int[] trialOf = new int[rows];
        SplittableRandom[] rngs = new SplittableRandom[rows];
        int r = 0;
        for (Ensemble e : ensembles) {
            for (int b = 0; b < e.trials(); b++, r++) {
                fields[r] = e.field();
                trialOf[r] = e.firstTrial() + b;
                rngs[r] = Seeds.stream(e.seed(), e.firstTrial() + b);
            }
        }
        Batch batch = sim.precision() == SimulationConfig.Precision.FLOAT
                ? new FloatBatch(network, fields) : new DoubleBatch(network, fields);
        batch.init(rngs);
        double dt = network.config().dt();
        long burn = SimulationConfig.steps(sim.burnIn(), dt);
        long total = Math.addExact(burn, SimulationConfig.steps(sim.duration(), dt));
        int n = network.n();
        double[][] snapshots = new double[ensembles.size()][];
        for (int k = 0; k < snapshots.length; k++) {
            snapshots[k] = new double[Math.multiplyExact(ensembles.get(k).trials(), n)];
        }
        for (long step = 1; step <= total; step++) {
            batch.step(rngs);
            int bad = batch.firstNonFinite();
            if (bad >= 0) {
                throw new DivergenceException(step, step * dt, trialOf[bad]);
            }
            if (step > burn && (step - burn) % sim.sampleEvery() == 0) {
                int row = 0;
                for (int k = 0; k < snapshots.length; k++) {
                    Ensemble e = ensembles.get(k);
                    batch.copyTo(row, e.trials(), snapshots[k]);
                    e.recorder().sample(e.firstTrial(), e.trials(), n, snapshots[k]);
                    row += e.trials();
                }
            }
        }
    }

    /** The state of a batch in one precision. */
    private abstract static class Batch {
        final int n;
        /** Row length of the state and of J as stored: N rounded up to whole blocks of the product's partials. */
        final int stride;
        final int trials;
        final boolean tanh;

        Batch(RateNetwork net, int trials, int lanes) {
            this.n = net.n();
            this.stride = (n + lanes - 1) / lanes * lanes;
            this.trials = trials;
            this.tanh = net.tanh();
        }

        /** @return {@code rows x n} row-major {@code v}, each row zero-padded to {@link #stride} */
        final double[] padded(double[] v, int rows) {
            double[] out = new double[rows * stride];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(v, r * n, out, r * stride, n);
            }
            return out;
        }

        abstract void init(SplittableRandom[] rngs);

        abstract void step(SplittableRandom[] rngs);

        abstract int firstNonFinite();

        /** Copies rows {@code first .. first + count - 1} of the state into {@code out}, as doubles. */
        abstract void copyTo(int first, int count, double[] out);
    }

    /**
     * Rows of X and J are stored zero-padded to a whole number of the product's blocks of partials: the products
     * then have no scalar tail, and the sums are the same bits, because {@code numeric.Blas} defines the order of a
     * length-N sum as padded with +0 to that length (docs/reproducibility.md).
     */
    private static final class DoubleBatch extends Batch {
        final double[] j;
        final double[][] h;
        final double[] x;
        final double[] u;
        final double[] z;
        final double beta;
        final double dt;
        final double s;

        DoubleBatch(RateNetwork net, double[][] fields) {
            super(net, fields.length, Blas.DOUBLE_LANES);
            j = padded(net.sharedCoupling(), n);
            h = fields;
            x = new double[trials * stride];
            u = new double[trials * n];
            z = new double[trials * n];
            beta = net.config().beta();
            dt = net.config().driftStep();
            s = net.config().sigma() * Math.sqrt(net.config().dt());
        }

        @Override
        void init(SplittableRandom[] rngs) {
            for (int b = 0; b < trials; b++) {
                Seeds.gaussians(rngs[b], x, b * stride, n);
                for (int i = 0; i < n; i++) {
                    x[b * stride + i] *= INITIAL_SPREAD;
                }
            }
        }

        @Override
        void step(SplittableRandom[] rngs) {
            Blas.gemmNT(trials, n, stride, 1.0, x, j, 0.0, u);
            for (int b = 0; b < trials; b++) {
                Seeds.gaussians(rngs[b], z, b * n, n);
                EulerKernels.step(tanh, n, x, b * stride, u, b * n, h[b], z, b * n, beta, dt, s);
            }
        }

        @Override
        int firstNonFinite() {
            for (int b = 0; b < trials; b++) {
                double sum = 0;
                for (int i = b * stride, end = i + n; i < end; i++) {
                    sum += x[i];
                }
                if (!Double.isFinite(sum)) {
                    return b;
                }
            }
            return -1;
        }

        @Override
        void copyTo(int first, int count, double[] out) {
            for (int r = 0; r < count; r++) {
                System.arraycopy(x, (first + r) * stride, out, r * n, n);
            }
        }
    }

    private static final class FloatBatch extends Batch {
        final float[] j;
        final float[][] h;
        final float[] x;
        final float[] u;
        final float[] z;
        final float beta;
        final float dt;
        final float s;

        FloatBatch(RateNetwork net, double[][] fields) {
            super(net, fields.length, Blas.FLOAT_LANES);
            j = Vectors.toFloat(padded(net.sharedCoupling(), n));
            h = new float[trials][];
            IdentityHashMap<double[], float[]> converted = new IdentityHashMap<>();
            for (int b = 0; b < trials; b++) {
                h[b] = fields[b] == null ? null : converted.computeIfAbsent(fields[b], Vectors::toFloat);
            }
            x = new float[trials * stride];
            u = new float[trials * n];
            z = new float[trials * n];
            beta = (float) net.config().beta();
            dt = (float) net.config().driftStep();
            s = (float) (net.config().sigma() * Math.sqrt(net.config().dt()));
        }

        @Override
        void init(SplittableRandom[] rngs) {
            double[] row = new double[n];
            for (int b = 0; b < trials; b++) {
                Seeds.gaussians(rngs[b], row, 0, n);
                for (int i = 0; i < n; i++) {
                    x[b * stride + i] = (float) (row[i] * INITIAL_SPREAD);
                }
            }
        }

        @Override
        void step(SplittableRandom[] rngs) {
            Blas.gemmNT(trials, n, stride, 1f, x, j, 0f, u);
            for (int b = 0; b < trials; b++) {
                Seeds.gaussians(rngs[b], z, b * n, n);
                EulerKernels.step(tanh, n, x, b * stride, u, b * n, h[b], z, b * n, beta, dt, s);
            }
        }

        @Override
        int firstNonFinite() {
            for (int b = 0; b < trials; b++) {
                float sum = 0;
                for (int i = b * stride, end = i + n; i < end; i++) {
                    sum += x[i];
                }
                if (!Float.isFinite(sum)) {
                    return b;
                }
            }
            return -1;
        }

        @Override
        void copyTo(int first, int count, double[] out) {
            for (int r = 0; r < count; r++) {
                for (int i = 0; i < n; i++) {
                    out[r * n + i] = x[(first + r) * stride + i];
                }
            }
        }
    }
}
