package org.plasticity.recurrent.model;

import java.util.SplittableRandom;
import org.plasticity.ConfigException;
import org.plasticity.numeric.Seeds;
import org.plasticity.numeric.SymmetricEigen;
import org.plasticity.recurrent.config.NetworkConfig;

/**
 * A rate network of N units with pre-embedded memories (docs/model.md#network, after Kurikawa &amp; Kaneko, arXiv
 * 2409.13597):
 * <pre>
 *   dx_i = (1/tau) [ -x_i + phi( beta ( sum_j J_ij x_j + gamma eta_i ) ) ] dt + sigma dW_i,     phi = tanh
 *   J    = (1/N) sum_mu p^mu p^mu^T  (zero diagonal)  +  g (R + R^T)/sqrt 2,   R_ij ~ N(0, 1/N)
 * </pre>
 * Immutable: learning produces a new network through {@link #withCoupling(double[])}.
 *
 * <table>
 * <caption>Parameters</caption>
 * <tr><th>symbol</th><th>config key</th><th>meaning</th></tr>
 * <tr><td>N</td><td>network.n</td><td>units</td></tr>
 * <tr><td>M</td><td>network.memories</td><td>embedded patterns p^mu</td></tr>
 * <tr><td>beta</td><td>network.beta</td><td>gain</td></tr>
 * <tr><td>sigma</td><td>network.sigma</td><td>noise amplitude</td></tr>
 * <tr><td>g</td><td>network.random_part</td><td>symmetric random coupling scale (diagonal kept at zero)</td></tr>
 * <tr><td>tau</td><td>network.tau</td><td>neural time constant</td></tr>
 * </table>
 */
public final class RateNetwork {
    private final NetworkConfig config;
    private final Memories memories;
    private final double[] coupling;
    /** lambda_max(J) when {@link #build} computed it for its stability check, else NaN (found on demand). */
    private final double couplingTop;

    private RateNetwork(NetworkConfig config, Memories memories, double[] coupling) {
        this(config, memories, coupling, Double.NaN);
    }

    private RateNetwork(NetworkConfig config, Memories memories, double[] coupling, double couplingTop) {
        this.config = config;
        this.memories = memories;
        this.coupling = coupling;
        this.couplingTop = couplingTop;
    }

    /**
     * Builds the network for {@code config}, drawing memories and the random part from streams derived from
     * {@code seed}, and checks Euler stability of its linearisation.
     *
     * @throws ConfigException naming {@code network.dt} when {@code dt max_k |1 - beta lambda_k| >= 2}
     */
    public static RateNetwork build(NetworkConfig config, long seed) {
        int n = config.n();
        Memories memories = Memories.random(n, config.memories(), Seeds.stream(seed, 1));
        double[] j = memories.hebbianCoupling();
        if (config.randomPart() > 0) {
            SplittableRandom rng = Seeds.stream(seed, 2);
            double scale = config.randomPart() / Math.sqrt(n) / Math.sqrt(2);
            for (int r = 0; r < n; r++) {
                for (int c = r + 1; c < n; c++) {
                    double v = scale * (rng.nextGaussian() + rng.nextGaussian());
                    j[r * n + c] += v;
                    j[c * n + r] += v;
                }
            }
        }
        SymmetricEigen spectrum = SymmetricEigen.values(n, j);
        RateNetwork net = new RateNetwork(config, memories, j, spectrum.max());
        net.checkStepStability(spectrum);
        return net;
    }

    /** A network with the given memories and coupling (row-major, copied); no stability check. */
    public static RateNetwork of(NetworkConfig config, Memories memories, double[] coupling) {
        return new RateNetwork(config, memories, coupling.clone());
    }

    /** @return the same network with coupling {@code j} (row-major, copied), e.g. {@code J + dJ} after learning. */
    public RateNetwork withCoupling(double[] j) {
        return new RateNetwork(config, memories, j.clone());
    }

    private void checkStepStability(SymmetricEigen eig) {
        // The linearised drift has eigenvalues -(1 - beta lambda_k)/tau; Euler is stable when
        // (dt/tau) |1 - beta lambda_k| < 2.
        double worst = Math.max(Math.abs(1 - config.beta() * eig.min()), Math.abs(1 - config.beta() * eig.max()));
        if (config.driftStep() * worst >= 2) {
            throw new ConfigException("network.dt", String.format(java.util.Locale.ROOT,
                    "%.4g is too large for this network: Euler stability needs dt < %.4g "
                            + "(dt/tau * max|1 - beta*lambda| < 2)", config.dt(), 2 * config.tau() / worst));
        }
    }

    /**
     * @return the largest eigenvalue of J: kept from {@link #build}'s stability check (at N = 2000 a decomposition
     *     takes seconds), decomposed on each call for a network made otherwise
     */
    public double couplingTopEigenvalue() {
        return Double.isNaN(couplingTop) ? SymmetricEigen.values(n(), coupling).max() : couplingTop;
    }

    public NetworkConfig config() {
        return config;
    }

    public int n() {
        return config.n();
    }

    public Memories memories() {
        return memories;
    }

    /** @return a copy of the row-major coupling J. */
    public double[] coupling() {
        return coupling.clone();
    }

    /** @return J itself, shared: for simulators, which never write to it. Do not modify. */
    public double[] sharedCoupling() {
        return coupling;
    }

    /** @return the fluctuation-response constant {@code kappa = 2 beta / (sigma^2 tau)}. */
    public double kappa() {
        return config.kappa();
    }

    public boolean tanh() {
        return config.activation() == NetworkConfig.Transfer.TANH;
    }
}
