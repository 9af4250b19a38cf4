package org.plasticity.recurrent.config;

import static org.plasticity.ConfigException.positive;
import static org.plasticity.ConfigException.require;

/**
 * The rate network {@code tau dx = [-x + phi(beta (J x + gamma eta))] dt + tau sigma dW} and its pre-embedded
 * memories; written per unit time, {@code dx = (1/tau)[-x + phi(...)] dt + sigma dW}.
 *
 * <table>
 * <caption>Keys under {@code network}</caption>
 * <tr><th>key</th><th>symbol</th><th>meaning</th><th>default</th></tr>
 * <tr><td>n</td><td>N</td><td>number of units, at least 2</td><td>100</td></tr>
 * <tr><td>memories</td><td>M</td><td>random +-1 patterns embedded by the Hebbian sum, 0..N</td><td>10</td></tr>
 * <tr><td>beta</td><td>beta</td><td>gain of the activation, &gt; 0</td><td>0.6</td></tr>
 * <tr><td>sigma</td><td>sigma</td><td>white-noise amplitude, &gt;= 0</td><td>0.2</td></tr>
 * <tr><td>dt</td><td>dt</td><td>Euler–Maruyama step, in (0, tau]</td><td>0.05</td></tr>
 * <tr><td>random_part</td><td>g</td><td>scale of the symmetric random part g (R + R^T)/sqrt 2, &gt;= 0</td><td>0</td></tr>
 * <tr><td>activation</td><td>phi</td><td>{@code tanh}, or {@code linear} for the linearised model</td><td>tanh</td></tr>
 * <tr><td>tau</td><td>tau</td><td>neural time constant, &gt; 0 (times are in the same unit)</td><td>1</td></tr>
 * </table>
 * The step must also satisfy {@code (dt/tau) max_k |1 - beta lambda_k(J)| < 2} (Euler stability of the linearisation);
 * that is checked once J is built, see the model's RateNetwork.
 */
public record NetworkConfig(int n, int memories, double beta, double sigma, double dt, double randomPart,
                            Transfer activation, double tau) {

    /**
     * The transfer function phi, written under the key {@code activation}. Named apart from the layered family's
     * {@code Activation} so that the two never meet in one file.
     */
    public enum Transfer { TANH, LINEAR }

    public NetworkConfig {
        require(n >= 2, "network.n", "must be an integer >= 2, got " + n);
        require(memories >= 0 && memories <= n, "network.memories", "must be in 0..network.n (" + n + "), got " + memories);
        positive(beta, "network.beta");
        require(sigma >= 0 && Double.isFinite(sigma), "network.sigma", "must be a finite number >= 0, got " + sigma);
        require(tau > 0 && Double.isFinite(tau), "network.tau", "must be a finite number > 0, got " + tau);
        require(dt > 0 && dt <= tau, "network.dt", "must be in (0, network.tau] (" + tau + "), got " + dt);
        require(randomPart >= 0 && Double.isFinite(randomPart), "network.random_part", "must be a finite number >= 0, got " + randomPart);
        require(activation != null, "network.activation", "must be tanh or linear");
    }

    /** The defaults of the reconstruction (docs/model.md#network), with the time constant as the time unit. */
    public static NetworkConfig defaults() {
        return new NetworkConfig(100, 10, 0.6, 0.2, 0.05, 0.0, Transfer.TANH, 1.0);
    }

    /** @return this network with {@code n} units (lower {@code memories} first when shrinking below it). */
    public NetworkConfig withN(int n) {
        return new NetworkConfig(n, memories, beta, sigma, dt, randomPart, activation, tau);
    }

    /** @return this network with {@code memories} embedded patterns. */
    public NetworkConfig withMemories(int memories) {
        return new NetworkConfig(n, memories, beta, sigma, dt, randomPart, activation, tau);
    }

    /** @return this network with gain {@code beta}. */
    public NetworkConfig withBeta(double beta) {
        return new NetworkConfig(n, memories, beta, sigma, dt, randomPart, activation, tau);
    }

    /** @return this network with noise amplitude {@code sigma}. */
    public NetworkConfig withSigma(double sigma) {
        return new NetworkConfig(n, memories, beta, sigma, dt, randomPart, activation, tau);
    }

    /** @return this network with Euler step {@code dt}. */
    public NetworkConfig withDt(double dt) {
        return new NetworkConfig(n, memories, beta, sigma, dt, randomPart, activation, tau);
    }

    /** @return this network with random part {@code g}. */
    public NetworkConfig withRandomPart(double randomPart) {
        return new NetworkConfig(n, memories, beta, sigma, dt, randomPart, activation, tau);
    }

    /** @return this network with transfer function {@code activation}. */
    public NetworkConfig withActivation(Transfer activation) {
        return new NetworkConfig(n, memories, beta, sigma, dt, randomPart, activation, tau);
    }

    /** @return this network with time constant {@code tau} (raise it before a {@code dt} above the old tau). */
    public NetworkConfig withTau(double tau) {
        return new NetworkConfig(n, memories, beta, sigma, dt, randomPart, activation, tau);
    }

    /**
     * @return the fluctuation-response constant {@code kappa = 2 beta / (sigma^2 tau)}: for the linearised network
     *     {@code C = (sigma^2 tau / 2) A^-1} and {@code d xbar / d(gamma eta) = beta A^-1 = kappa C}
     */
    public double kappa() {
        return 2 * beta / (sigma * sigma * tau);
    }

    /** @return the Euler factor of the drift, {@code dt / tau}. */
    public double driftStep() {
        return dt / tau;
    }
}
