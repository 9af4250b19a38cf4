package org.plasticity.layered.training;

import org.plasticity.layered.credit.RuleParams;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Loss;

/**
 * Everything a training run depends on besides the data and the rule's name; with the seed it fixes the result.
 *
 * @param hidden hidden layer widths (input and output widths come from the data)
 * @param lr hidden layers' learning rate
 * @param outputLr output layer's learning rate
 * @param momentum SGD momentum mu: v = mu v + g, W = W - lr v
 * @param weightDecay L2 coefficient added to the direction, g = G + lambda W (as torch.optim.SGD does it)
 * @param initGain multiplies the init scheme's standard deviation
 * @param standardize shift and scale inputs by the training set's mean and standard deviation (one scalar each)
 * @param trainLimit use the first this-many training examples (0: all)
 * @param testLimit use the first this-many test examples (0: all)
 * @param probe examples in the fixed diagnostic batch (update-versus-backprop angles)
 */
public record TrainConfig(long seed, int[] hidden, Activation hiddenActivation, Activation outputActivation, Loss loss,
                          Init init, double initGain, int epochs, int batchSize, double lr, double outputLr,
                          double momentum, double weightDecay, boolean standardize, int trainLimit, int testLimit,
                          int probe, RuleParams params) {

    /** Most passes over the data. */
    public static final int MAX_EPOCHS = 1_000_000;
    /** Largest minibatch. */
    public static final int MAX_BATCH = 1 << 20;
    /** Widest hidden layer: a 65536-wide layer after another is already a 16 GiB weight matrix. */
    public static final int MAX_WIDTH = 1 << 16;

    public TrainConfig {
        hidden = hidden.clone();
        // Upper bounds far beyond any real run, so that a typo fails at once instead of allocating for minutes.
        check(epochs >= 0 && epochs <= MAX_EPOCHS, "epochs", "must be in 0.." + MAX_EPOCHS + ", got " + epochs);
        check(batchSize >= 1 && batchSize <= MAX_BATCH, "batch", "must be in 1.." + MAX_BATCH + ", got " + batchSize);
        check(lr >= 0 && Double.isFinite(lr), "lr", "must be a finite number >= 0, got " + lr);
        check(outputLr >= 0 && Double.isFinite(outputLr), "output-lr", "must be a finite number >= 0, got " + outputLr);
        check(momentum >= 0 && momentum < 1, "momentum", "must be in [0, 1), got " + momentum);
        check(weightDecay >= 0 && Double.isFinite(weightDecay), "weight-decay", "must be a finite number >= 0, got "
                + weightDecay);
        check(initGain > 0, "init-gain", "must be > 0, got " + initGain);
        check(trainLimit >= 0, "train-limit", "must be >= 0 (0: all), got " + trainLimit);
        check(testLimit >= 0, "test-limit", "must be >= 0 (0: all), got " + testLimit);
        check(probe >= 1, "probe", "must be >= 1, got " + probe);
        for (int h : hidden) {
            check(h >= 1 && h <= MAX_WIDTH, "hidden", "layer widths must be in 1.." + MAX_WIDTH + ", got " + h);
        }
        check(hiddenActivation != Activation.SOFTMAX, "hidden-activation", "softmax is for the output layer only");
        check(loss != Loss.CROSS_ENTROPY || outputActivation == Activation.SOFTMAX, "loss",
                "cross-entropy needs a softmax output, got " + outputActivation.id());
        check(outputActivation != Activation.SOFTMAX || loss == Loss.CROSS_ENTROPY, "output-activation",
                "softmax output needs the cross-entropy loss");
    }

    private static void check(boolean ok, String field, String message) {
        if (!ok) {
            throw new IllegalArgumentException(field + ": " + message);
        }
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** @return the layer widths for data with {@code inputs} features and {@code classes} classes. */
    public int[] sizes(int inputs, int classes) {
        int[] s = new int[hidden.length + 2];
        s[0] = inputs;
        System.arraycopy(hidden, 0, s, 1, hidden.length);
        s[s.length - 1] = classes;
        return s;
    }

    /** @return this config with another seed. */
    public TrainConfig withSeed(long s) {
        return new TrainConfig(s, hidden, hiddenActivation, outputActivation, loss, init, initGain, epochs, batchSize,
                lr, outputLr, momentum, weightDecay, standardize, trainLimit, testLimit, probe, params);
    }

    /** @return this config with other learning rates. */
    public TrainConfig withRates(double hiddenLr, double outLr) {
        return new TrainConfig(seed, hidden, hiddenActivation, outputActivation, loss, init, initGain, epochs,
                batchSize, hiddenLr, outLr, momentum, weightDecay, standardize, trainLimit, testLimit, probe, params);
    }
}
