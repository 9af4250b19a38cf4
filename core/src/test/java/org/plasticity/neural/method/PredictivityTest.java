package org.plasticity.neural.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.plasticity.neural.data.Features;

/** The cross-validated score end to end: Y from Y, a known signal-to-noise ratio, NaN neurons. */
class PredictivityTest {

    @Test
    void predictingYFromYGivesOne() {
        SplittableRandom rng = new SplittableRandom(1);
        int stimuli = 200;
        int neurons = 8;
        float[] f = new float[stimuli * neurons];
        double[] y = new double[stimuli * neurons];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) rng.nextGaussian();
            y[i] = f[i];
        }
        AtomicInteger calls = new AtomicInteger();
        List<int[][]> splits = Splits.shuffle(stimuli, 10, 0.9, null, 3);
        Score s = Predictivity.score(new Features("y", stimuli, neurons, f), y, neurons, new Pls(25), splits,
                calls::incrementAndGet);
        assertEquals(10, calls.get());
        assertEquals(1.0, s.r(), 1e-12);
        assertEquals(0.0, s.rSe(), 1e-12);
        for (double r : s.perNeuron()) {
            assertEquals(1.0, r, 1e-12);
        }
        assertEquals(neurons, s.neurons());
        assertEquals(stimuli, s.stimuli());
    }

    /**
     * y_j = x . b_j + noise with signal variance 1 and noise variance sigma_j^2: a well-determined linear fit (1800
     * training stimuli, 10 units) predicts the held-out signal, whose correlation with y_j is 1 / sqrt(1 +
     * sigma_j^2). One split's r has sd (1 - rho^2) / sqrt(200 test stimuli); allowed 4 sd per neuron.
     */
    @Test
    void recoversTheKnownCorrelationOfSignalAndNoise() {
        SplittableRandom rng = new SplittableRandom(2);
        int stimuli = 2000;
        int units = 10;
        double[] sigma = {0.3, 0.6, 1.0, 1.5, 2.5};
        int neurons = sigma.length;
        float[] f = new float[stimuli * units];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) rng.nextGaussian();
        }
        double[] b = Fixtures.gaussian(rng, units, neurons);
        double[] y = new double[stimuli * neurons];
        for (int s = 0; s < stimuli; s++) {
            for (int j = 0; j < neurons; j++) {
                double signal = 0;
                for (int u = 0; u < units; u++) {
                    signal += f[s * units + u] * b[u * neurons + j];
                }
                y[s * neurons + j] = signal / Math.sqrt(colNorm2(b, units, neurons, j)) + sigma[j] * rng.nextGaussian();
            }
        }
        for (Regression reg : new Regression[] {new Pls(25), new Ridge()}) {
            Score s = Predictivity.score(new Features("x", stimuli, units, f), y, neurons, reg,
                    Splits.shuffle(stimuli, 10, 0.9, null, 4), null);
            for (int j = 0; j < neurons; j++) {
                double rho = 1 / Math.sqrt(1 + sigma[j] * sigma[j]);
                assertEquals(rho, s.perNeuron()[j], 4 * (1 - rho * rho) / Math.sqrt(200), reg + " neuron " + j);
            }
            assertEquals(Summary.mean(s.perSplit()), s.r(), 0);
            assertEquals(Summary.standardError(s.perSplit()), s.rSe(), 0);
        }
    }

    @Test
    void aConstantNeuronHasNoCorrelationAndIsSkipped() {
        SplittableRandom rng = new SplittableRandom(3);
        int stimuli = 120;
        int units = 6;
        int neurons = 4;
        float[] f = new float[stimuli * units];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) rng.nextGaussian();
        }
        double[] y = Fixtures.gaussian(rng, stimuli, neurons);
        double[] withConstant = new double[stimuli * (neurons + 1)];
        for (int s = 0; s < stimuli; s++) {
            System.arraycopy(y, s * neurons, withConstant, s * (neurons + 1), neurons);
            withConstant[s * (neurons + 1) + neurons] = 3.0;
        }
        for (int s = 0; s < stimuli; s++) {
            y[s * neurons] += 2 * f[s * units]; // one predictable neuron
        }
        for (int s = 0; s < stimuli; s++) {
            withConstant[s * (neurons + 1)] = y[s * neurons];
        }
        Features x = new Features("x", stimuli, units, f);
        List<int[][]> splits = Splits.shuffle(stimuli, 5, 0.8, null, 8);
        Ridge ridge = new Ridge();
        Score plain = Predictivity.score(x, y, neurons, ridge, splits, null);
        Score skipped = Predictivity.score(x, withConstant, neurons + 1, ridge, splits, null);
        assertTrue(Double.isNaN(skipped.perNeuron()[neurons]));
        assertArrayEquals(plain.perSplit(), skipped.perSplit(), 1e-12);
        assertTrue(plain.perNeuron()[0] > 0.5, "the predictable neuron: " + plain.perNeuron()[0]);
    }

    private static double colNorm2(double[] b, int rows, int cols, int j) {
        double s = 0;
        for (int i = 0; i < rows; i++) {
            s += b[i * cols + j] * b[i * cols + j];
        }
        return s;
    }
}
