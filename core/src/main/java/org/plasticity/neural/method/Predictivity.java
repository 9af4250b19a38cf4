package org.plasticity.neural.method;

import java.util.List;
import org.plasticity.neural.data.Features;

/**
 * A layer's cross-validated predictivity, Brain-Score's {@code CrossRegressedCorrelation}: for each split, the
 * regression is fitted from the layer's activations to the responses on the training stimuli and predicts the test
 * stimuli; Pearson r per neuron between prediction and response across the test stimuli; the median over neurons;
 * then the mean over splits with the standard error {@code std(ddof=0) / sqrt(splits)}. A neuron that is constant on
 * a split's test stimuli (or predicted as constant) has no r there (NaN, as scipy's); the median skips it, as
 * Brain-Score's xarray median does.
 *
 * <p>Memory: the float32 activations stay as they are; each split converts only its training rows, then its test
 * rows, to double, one at a time.
 */
public final class Predictivity {
    private Predictivity() {}

    /**
     * @param x              the layer's activations, stimuli x units
     * @param y              responses, {@code stimuli x neurons} row-major (e.g. {@code Responses.means()})
     * @param neurons        number of neurons
     * @param regression     the mapping, e.g. {@code new Pls(25)}
     * @param splits         {@code {train, test}} stimulus indices per split ({@link Splits#shuffle})
     * @param afterEachSplit run after each split (progress), or null
     * @return r, its standard error, per split and per neuron
     */
    public static Score score(Features x, double[] y, int neurons, Regression regression, List<int[][]> splits,
                              Runnable afterEachSplit) {
        int stimuli = x.stimuli();
        if (neurons < 1 || (long) stimuli * neurons != y.length) {
            throw new IllegalArgumentException(y.length + " responses are not " + stimuli + " stimuli x " + neurons
                    + " neurons");
        }
        if (splits.isEmpty()) {
            throw new IllegalArgumentException("no splits");
        }
        double[][] r = new double[splits.size()][];
        double[] perSplit = new double[splits.size()];
        for (int s = 0; s < splits.size(); s++) {
            int[] train = checked(splits.get(s)[0], stimuli);
            int[] test = checked(splits.get(s)[1], stimuli);
            Fitted f = regression.fit(rows(x, train), rows(y, neurons, train), train.length, x.units(), neurons);
            double[] predicted = f.predict(rows(x, test), test.length);
            r[s] = Pearson.columns(predicted, rows(y, neurons, test), test.length, neurons);
            perSplit[s] = Summary.median(r[s]);
            if (afterEachSplit != null) {
                afterEachSplit.run();
            }
        }
        return new Score(Summary.mean(perSplit), Summary.standardError(perSplit), perSplit,
                Summary.columnMeans(r, neurons), neurons, stimuli);
    }

    private static int[] checked(int[] idx, int stimuli) {
        if (idx.length == 0) {
            throw new IllegalArgumentException("a split has an empty train or test set");
        }
        for (int i : idx) {
            if (i < 0 || i >= stimuli) {
                throw new IllegalArgumentException("stimulus index " + i + " outside 0.." + (stimuli - 1));
            }
        }
        return idx;
    }

    /** @return the rows {@code idx} of the activations, in double precision. */
    static double[] rows(Features x, int[] idx) {
        int u = x.units();
        float[] v = x.values();
        double[] out = new double[idx.length * u];
        for (int i = 0; i < idx.length; i++) {
            int from = idx[i] * u;
            for (int j = 0; j < u; j++) {
                out[i * u + j] = v[from + j];
            }
        }
        return out;
    }

    /** @return the rows {@code idx} of the row-major matrix {@code a} with {@code cols} columns. */
    static double[] rows(double[] a, int cols, int[] idx) {
        double[] out = new double[idx.length * cols];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(a, idx[i] * cols, out, i * cols, cols);
        }
        return out;
    }
}
