package org.plasticity.neural;

import java.util.List;
import org.plasticity.ConfigException;
import org.plasticity.neural.data.Features;
import org.plasticity.neural.data.Responses;
import org.plasticity.neural.method.Ceiling;
import org.plasticity.neural.method.CeilingResult;
import org.plasticity.neural.method.Pls;
import org.plasticity.neural.method.Predictivity;
import org.plasticity.neural.method.Regression;
import org.plasticity.neural.method.Ridge;
import org.plasticity.neural.method.Score;
import org.plasticity.neural.method.Splits;

/**
 * Scores layers against one recording, the way Brain-Score scores a region: the stimuli are split once (seeded) and
 * every layer of every model is fitted and tested on the same splits, so that layers and models differ only in their
 * features; the neurons' ceiling comes from their repeats. Layers are scored one at a time, so a caller holds one
 * layer's activations at once.
 */
public final class PredictivityStudy {
    private final Responses responses;
    private final Options options;
    private final double[] targets;
    private final List<int[][]> splits;
    private final CeilingResult ceiling;

    /**
     * The method's settings, each a command-line flag (named in its error).
     *
     * @param regression {@code pls} or {@code ridge}
     * @param components PLS components (Brain-Score: 25)
     * @param splits cross-validation splits of the stimuli (Brain-Score: 10)
     * @param trainFraction share of the stimuli fitted on in each split (Brain-Score: 0.9)
     * @param ceilingSplits random halvings of the repeats for the ceiling (Brain-Score: 10)
     * @param seed fixes the splits and the halvings
     */
    public record Options(String regression, int components, int splits, double trainFraction, int ceilingSplits,
                          long seed) {
        /** Brain-Score's defaults: PLS with 25 components, 10 splits of 90 % / 10 %, 10 ceiling halvings. */
        public static Options defaults(long seed) {
            return new Options("pls", 25, 10, 0.9, 10, seed);
        }

        public Options {
            ConfigException.require(regression.equals("pls") || regression.equals("ridge"), "--regression",
                    "must be pls or ridge, got '" + ConfigException.shown(regression, 40) + "'");
            ConfigException.require(components >= 1 && components <= 100_000, "--components",
                    "must be in 1..100000, got " + components);
            ConfigException.require(splits >= 2 && splits <= 10_000, "--splits", "must be in 2..10000, got " + splits);
            ConfigException.require(trainFraction > 0 && trainFraction < 1, "--train-fraction",
                    "must be in (0, 1), got " + trainFraction);
            ConfigException.require(ceilingSplits >= 2 && ceilingSplits <= 10_000, "--ceiling-splits",
                    "must be in 2..10000, got " + ceilingSplits);
        }

        /** @return the regression the options name. */
        public Regression newRegression() {
            return regression.equals("pls") ? new Pls(components) : new Ridge(Ridge.defaultAlphas());
        }
    }

    /**
     * One layer's score with the ceiling it is normalised by.
     *
     * @param ceiling the neurons' median split-half reliability, NaN without repeats
     */
    public record LayerScore(String model, String layer, int units, Score score, double ceiling) {
        /** @return r / ceiling: the normalisation of the first Brain-Score releases; NaN without a ceiling. */
        public double rOverCeiling() {
            return score.r() / ceiling;
        }

        /** @return (r / ceiling)^2: Brain-Score's "explained variance" of about 2020 to 2025. */
        public double explainedVariance() {
            double x = rOverCeiling();
            return x * x;
        }
    }

    /**
     * Splits the stimuli and computes the ceiling.
     *
     * @param labels one per stimulus to stratify the splits by, or null
     */
    public PredictivityStudy(Responses responses, String[] labels, Options options) {
        this.responses = responses;
        this.options = options;
        int stimuli = responses.stimuli();
        int test = (int) Math.ceil((1 - options.trainFraction()) * stimuli);
        ConfigException.require(test >= 2 && stimuli - test >= 2, "--train-fraction", options.trainFraction()
                + " of " + stimuli + " stimuli leaves " + (stimuli - test) + " to fit and " + test
                + " to test; both need at least 2");
        this.targets = responses.means();
        this.splits = Splits.shuffle(stimuli, options.splits(), options.trainFraction(), labels, options.seed());
        this.ceiling = responses.hasRepeats() ? Ceiling.splitHalf(responses, options.ceilingSplits(), options.seed())
                : null;
    }

    /** @return the split-half ceiling, or null when the recording has no repeats. */
    public CeilingResult ceiling() {
        return ceiling;
    }

    /** @return the recording scored against. */
    public Responses responses() {
        return responses;
    }

    /** @return the settings. */
    public Options options() {
        return options;
    }

    /** @return the number of cross-validation splits, for progress totals. */
    public int splitCount() {
        return splits.size();
    }

    /**
     * Scores one layer on every split.
     *
     * @param afterEachSplit called once per split done, for progress
     */
    public LayerScore score(String model, Features layer, Runnable afterEachSplit) {
        if (layer.stimuli() != responses.stimuli()) {
            throw new IllegalArgumentException(model + "/" + layer.layer() + " has " + layer.stimuli()
                    + " stimuli, the recording " + responses.stimuli());
        }
        Score s = Predictivity.score(layer, targets, responses.neurons(), options.newRegression(), splits,
                afterEachSplit);
        return new LayerScore(model, layer.layer(), layer.units(), s, ceiling == null ? Double.NaN : ceiling.median());
    }
}
