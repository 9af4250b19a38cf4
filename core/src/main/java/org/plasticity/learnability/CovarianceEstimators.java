package org.plasticity.learnability;

import java.util.List;
import org.plasticity.ConfigException;

/** The covariance estimators by name: {@code sample}, {@code ledoit-wolf}, {@code factor-analysis}. */
public final class CovarianceEstimators {
    /** The names, in the order the help lists them. */
    public static final List<String> NAMES = List.of(SampleCovariance.NAME, LedoitWolf.NAME, FactorAnalysis.NAME);

    private CovarianceEstimators() {}

    /**
     * @param factors the number of factors of {@code factor-analysis}; null for the others (it is refused with them,
     *     since it would be silently ignored)
     * @throws ConfigException naming {@code --estimator} or {@code --factors}
     */
    public static CovarianceEstimator byName(String name, Integer factors) {
        if (!NAMES.contains(name)) {
            throw new ConfigException("--estimator", "must be one of " + NAMES + ", got '"
                    + ConfigException.shown(String.valueOf(name), 40) + "'");
        }
        if (name.equals(FactorAnalysis.NAME)) {
            if (factors == null) {
                throw new ConfigException("--factors", "is required with --estimator factor-analysis: the number of"
                        + " shared factors");
            }
            return new FactorAnalysis(factors);
        }
        if (factors != null) {
            throw new ConfigException("--factors", "applies to --estimator factor-analysis only, not '" + name + "'");
        }
        return name.equals(LedoitWolf.NAME) ? new LedoitWolf() : new SampleCovariance();
    }
}
