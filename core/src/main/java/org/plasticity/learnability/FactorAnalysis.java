package org.plasticity.learnability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.plasticity.ConfigException;
import org.plasticity.DataException;
import org.plasticity.numeric.SymmetricEigen;

/**
 * Factor analysis with k factors: the recording is modelled as {@code x = L^T z + e}, k shared latent factors z
 * ~ N(0, I) seen through the loadings L ({@code k x p}) plus private noise e ~ N(0, diag psi), so its covariance is
 * {@code L^T L + diag psi}. The estimate is the shared part {@code C = L^T L}: the "intrinsic manifold" of Sadtler et
 * al., "Neural constraints on learning", Nature 512 (2014), fitted there the same way.
 *
 * <p>The fit is scikit-learn's {@code FactorAnalysis(svd_method="lapack")} (docs/learnability.md#factor-analysis):
 * starting from psi = 1, each iteration takes the top k eigenpairs (lambda_j, v_j) of
 * {@code M = D^-1/2 S D^-1/2} with {@code S = X^T X / n} and {@code D^1/2 = diag(sqrt(psi) + 1e-12)} (scikit-learn
 * takes the singular values of {@code X D^-1/2 / sqrt(n)}, whose squares these are), sets
 * <pre>
 *   L_j  = sqrt(max(lambda_j - 1, 0)) v_j^T D^1/2
 *   ll   = -(n/2) (p log 2 pi + k + sum_j log lambda_j + sum_{j > k} lambda_j + sum_i log psi_i)
 *   psi  = max(diag S - diag(L^T L), 1e-12)
 * </pre>
 * and stops when the log-likelihood ll rose by less than {@code tol} (0.01) since the last iteration, or after
 * {@code maxIterations} (1000). Working on the {@code p x p} matrix M instead of the {@code n x p} data keeps an
 * iteration's cost independent of the recording's length, which is what the bootstrap needs.
 */
public final class FactorAnalysis implements CovarianceEstimator {
    /** The name it is chosen by. */
    public static final String NAME = "factor-analysis";
    /** scikit-learn's default tolerance on the rise of the log-likelihood. */
    public static final double DEFAULT_TOL = 1e-2;
    /** scikit-learn's default iteration cap. */
    public static final int DEFAULT_MAX_ITERATIONS = 1000;
    private static final double SMALL = 1e-12;

    private final int factors;
    private final double tol;
    private final int maxIterations;

    /** Factor analysis with scikit-learn's default tolerance and iteration cap. */
    public FactorAnalysis(int factors) {
        this(factors, DEFAULT_TOL, DEFAULT_MAX_ITERATIONS);
    }

    /** @throws ConfigException naming {@code --factors} when {@code factors < 1} */
    public FactorAnalysis(int factors, double tol, int maxIterations) {
        ConfigException.require(factors >= 1, "--factors", "must be at least 1, got " + factors);
        if (!(tol >= 0) || maxIterations < 1) {
            throw new IllegalArgumentException("tol " + tol + " and maxIterations " + maxIterations);
        }
        this.factors = factors;
        this.tol = tol;
        this.maxIterations = maxIterations;
    }

    /**
     * A fitted model.
     *
     * @param loadings L, {@code factors x neurons} row-major (each row's sign is arbitrary)
     * @param privateVariance psi, one per neuron
     * @param iterations iterations run, as scikit-learn's {@code n_iter_}
     * @param logLikelihood the last iteration's log-likelihood, as the last of scikit-learn's {@code loglike_}
     * @param converged whether the tolerance was met before the cap
     */
    public record Fit(int factors, int neurons, double[] loadings, double[] privateVariance, int iterations,
                      double logLikelihood, boolean converged) {
        /** @return the shared covariance {@code L^T L}, {@code neurons x neurons} row-major. */
        public double[] sharedCovariance() {
            return Covariances.gram(loadings, factors, neurons, 1.0);
        }
    }

    /** @return the number of factors. */
    public int factors() {
        return factors;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void check(int samples, int neurons, String source) {
        ConfigException.require(factors < neurons, "--factors", "must be below the number of neurons (" + neurons
                + "), got " + factors + ": with as many factors as neurons nothing is private");
        if (samples < factors + 2) {
            throw new DataException(source, "holds " + samples + " samples; factor analysis with " + factors
                    + " factors needs at least " + (factors + 2) + " (the centred recording must have rank > "
                    + factors + ")");
        }
    }

    @Override
    public Estimate estimate(double[] centred, int samples, int neurons) {
        Fit f = fit(centred, samples, neurons);
        double[] shared = f.sharedCovariance();
        double sharedTrace = Covariances.trace(shared, neurons);
        double privateSum = 0;
        for (double v : f.privateVariance()) {
            privateSum += v;
        }
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("factors", (double) factors);
        d.put("iterations", (double) f.iterations());
        d.put("converged", f.converged() ? 1.0 : 0.0);
        d.put("log_likelihood", f.logLikelihood());
        d.put("shared_variance_fraction", sharedTrace / (sharedTrace + privateSum));
        return new Estimate(shared, d);
    }

    /** @param centred {@code samples x neurons}, centred; not modified */
    public Fit fit(double[] centred, int samples, int neurons) {
        int p = neurons;
        int k = factors;
        double n = samples;
        double[] s = Covariances.gram(centred, samples, p, 1.0 / samples);
        double[] var = new double[p];
        double[] psi = new double[p];
        for (int i = 0; i < p; i++) {
            var[i] = s[i * p + i];
            psi[i] = 1.0;
        }
        double llConst = p * Math.log(2.0 * Math.PI) + k;
        double oldLl = Double.NEGATIVE_INFINITY;
        double ll = Double.NaN;
        double[] w = new double[k * p];
        double[] sqrtPsi = new double[p];
        double[] m = new double[p * p];
        int iteration = 0;
        boolean converged = false;
        while (iteration < maxIterations) {
            iteration++;
            for (int i = 0; i < p; i++) {
                sqrtPsi[i] = Math.sqrt(psi[i]) + SMALL;
            }
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    m[i * p + j] = s[i * p + j] / (sqrtPsi[i] * sqrtPsi[j]);
                }
            }
            SymmetricEigen e = SymmetricEigen.of(p, m); // ascending: the top k are the last k
            double sumLog = 0;
            for (int j = 0; j < k; j++) {
                int col = p - 1 - j;
                double lambda = e.values()[col];
                sumLog += Math.log(lambda);
                double scale = Math.sqrt(Math.max(lambda - 1.0, 0.0));
                for (int i = 0; i < p; i++) {
                    w[j * p + i] = scale * e.vectors()[i * p + col] * sqrtPsi[i];
                }
            }
            double unexplained = 0;
            for (int col = 0; col < p - k; col++) {
                unexplained += Math.max(e.values()[col], 0.0); // squared singular values are >= 0
            }
            double sumLogPsi = 0;
            for (double v : psi) {
                sumLogPsi += Math.log(v);
            }
            ll = -n / 2.0 * (llConst + sumLog + unexplained + sumLogPsi);
            if (ll - oldLl < tol) {
                converged = true;
                break;
            }
            oldLl = ll;
            for (int i = 0; i < p; i++) {
                double shared = 0;
                for (int j = 0; j < k; j++) {
                    shared += w[j * p + i] * w[j * p + i];
                }
                psi[i] = Math.max(var[i] - shared, SMALL);
            }
        }
        return new Fit(k, p, w, psi, iteration, ll, converged);
    }
}
