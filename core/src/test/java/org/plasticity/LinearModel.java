package org.plasticity;

import org.plasticity.numeric.SymmetricEigen;
import org.plasticity.numeric.Vectors;
import org.plasticity.recurrent.model.RateNetwork;

/**
 * Closed forms of the linearised network {@code dx = (1/tau)[-A x + beta gamma eta] dt + sigma dW},
 * {@code A = I - beta J} with symmetric J (docs/model.md#derivation), and of its Euler–Maruyama discretisation with step dt,
 * {@code h = dt / tau}:
 * <pre>
 *   continuous:  A C + C A = tau sigma^2 I   =>  C = (sigma^2 tau / 2) A^-1
 *   Euler:       C_dt = (I - h A) C_dt (I - h A) + sigma^2 dt I   =>  C_dt = sigma^2 tau (2 A - h A^2)^-1
 *   both:        xbar_eta = beta gamma A^-1 eta   (the Euler scheme's stationary mean is exact)
 * </pre>
 */
public final class LinearModel {
    public final int n;
    public final double beta;
    public final double sigma;
    public final double dt;
    public final double tau;
    public final SymmetricEigen couplingSpectrum;

    public LinearModel(RateNetwork net) {
        this.n = net.n();
        this.beta = net.config().beta();
        this.sigma = net.config().sigma();
        this.dt = net.config().dt();
        this.tau = net.config().tau();
        this.couplingSpectrum = SymmetricEigen.of(n, net.coupling());
    }

    /** Continuous-time stationary covariance {@code (sigma^2 tau / 2) A^-1}. */
    public double[] covariance() {
        return couplingSpectrum.apply(l -> sigma * sigma * tau / 2 / (1 - beta * l));
    }

    /** Stationary covariance of the Euler scheme, {@code sigma^2 tau (2A - h A^2)^-1}. */
    public double[] eulerCovariance() {
        return couplingSpectrum.apply(l -> {
            double a = 1 - beta * l;
            return sigma * sigma * tau / (2 * a - dt / tau * a * a);
        });
    }

    /** {@code beta gamma A^-1 eta}. */
    public double[] evokedMean(double gamma, double[] eta) {
        double[] inv = couplingSpectrum.apply(l -> beta * gamma / (1 - beta * l));
        return Vectors.multiply(n, n, inv, eta);
    }

    /** Largest eigenvalue of A = I - beta J: sets the Euler bias {@code (dt/tau) a / 2} of the covariance. */
    public double maxDecayRate() {
        return 1 - beta * couplingSpectrum.min();
    }

    /** Bound on the relative Euler bias of the covariance, {@code (dt/tau) a_max / 2}. */
    public double eulerBias() {
        return dt / tau * maxDecayRate() / 2;
    }
}
