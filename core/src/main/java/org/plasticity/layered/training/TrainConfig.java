package org.plasticity.layered.training;

import java.util.Arrays;
import java.util.Objects;
import org.plasticity.ConfigException;
import org.plasticity.layered.credit.RuleSettings;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Architecture;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Loss;

/**
 * Everything a training run depends on besides the data and the rule's name; with the seed it fixes the result.
 * Built with {@link #builder()} or from another config with {@link #toBuilder()}; {@link Builder#build()} checks every
 * field and names the one at fault by its config key ({@code epochs}, {@code output_lr}, ...), the spelling of config
 * files and sweeps. Immutable.
 */
public final class TrainConfig {
    /** Most passes over the data. */
    public static final int MAX_EPOCHS = 1_000_000;
    /** Largest minibatch. */
    public static final int MAX_BATCH = 1 << 20;
    /** Widest hidden layer: a 65536-wide layer after another is already a 16 GiB weight matrix. */
    public static final int MAX_WIDTH = 1 << 16;

    private final long seed;
    private final int[] hidden;
    private final String arch;
    private final Activation hiddenActivation;
    private final Activation outputActivation;
    private final Loss loss;
    private final Init init;
    private final double initGain;
    private final int epochs;
    private final int batchSize;
    private final double lr;
    private final double outputLr;
    private final double momentum;
    private final double weightDecay;
    private final boolean standardize;
    private final int trainLimit;
    private final int testLimit;
    private final int probe;
    private final RuleSettings settings;

    private TrainConfig(Builder b) {
        seed = b.seed;
        hidden = b.hidden.clone();
        arch = Objects.requireNonNull(b.arch, "arch");
        hiddenActivation = Objects.requireNonNull(b.hiddenActivation, "activation");
        outputActivation = Objects.requireNonNull(b.outputActivation, "output_activation");
        loss = Objects.requireNonNull(b.loss, "loss");
        init = Objects.requireNonNull(b.init, "init");
        initGain = b.initGain;
        epochs = b.epochs;
        batchSize = b.batchSize;
        lr = b.lr;
        outputLr = b.outputLr;
        momentum = b.momentum;
        weightDecay = b.weightDecay;
        standardize = b.standardize;
        trainLimit = b.trainLimit;
        testLimit = b.testLimit;
        probe = b.probe;
        settings = Objects.requireNonNull(b.settings, "settings");
        check();
    }

    private void check() {
        // Upper bounds far beyond any real run, so that a typo fails at once instead of allocating for minutes.
        check(epochs >= 0 && epochs <= MAX_EPOCHS, "epochs", "must be in 0.." + MAX_EPOCHS + ", got " + epochs);
        check(batchSize >= 1 && batchSize <= MAX_BATCH, "batch", "must be in 1.." + MAX_BATCH + ", got " + batchSize);
        check(lr >= 0 && Double.isFinite(lr), "lr", "must be a finite number >= 0, got " + lr);
        check(outputLr >= 0 && Double.isFinite(outputLr), "output_lr", "must be a finite number >= 0, got "
                + outputLr);
        check(momentum >= 0 && momentum < 1, "momentum", "must be in [0, 1), got " + momentum);
        check(weightDecay >= 0 && Double.isFinite(weightDecay), "weight_decay", "must be a finite number >= 0, got "
                + weightDecay);
        check(initGain > 0 && Double.isFinite(initGain), "init_gain", "must be a finite number > 0, got " + initGain);
        check(trainLimit >= 0, "train_limit", "must be >= 0 (0: all), got " + trainLimit);
        check(testLimit >= 0, "test_limit", "must be >= 0 (0: all), got " + testLimit);
        check(probe >= 1, "probe", "must be >= 1, got " + probe);
        for (int h : hidden) {
            check(h >= 1 && h <= MAX_WIDTH, "hidden", "layer widths must be in 1.." + MAX_WIDTH + ", got " + h);
        }
        if (!arch.isEmpty()) {
            try {
                Architecture.parse(arch);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("arch", e.getMessage());
            }
        }
        check(hiddenActivation != Activation.SOFTMAX, "activation", "softmax is for the output layer only");
        check(loss != Loss.CROSS_ENTROPY || outputActivation == Activation.SOFTMAX, "loss",
                "cross-entropy needs a softmax output, got " + outputActivation.id());
        check(outputActivation != Activation.SOFTMAX || loss == Loss.CROSS_ENTROPY, "output_activation",
                "softmax output needs the cross-entropy loss");
    }

    private static void check(boolean ok, String key, String message) {
        if (!ok) {
            throw new ConfigException(key, message);
        }
    }

    /** @return a builder holding no choices yet: every field must be set before {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from this config. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed;
        b.hidden = hidden.clone();
        b.arch = arch;
        b.hiddenActivation = hiddenActivation;
        b.outputActivation = outputActivation;
        b.loss = loss;
        b.init = init;
        b.initGain = initGain;
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.lr = lr;
        b.outputLr = outputLr;
        b.momentum = momentum;
        b.weightDecay = weightDecay;
        b.standardize = standardize;
        b.trainLimit = trainLimit;
        b.testLimit = testLimit;
        b.probe = probe;
        b.settings = settings;
        return b;
    }

    /** @return the seed every random stream of the run derives from. */
    public long seed() {
        return seed;
    }

    /** @return hidden layer widths (input and output widths come from the data). */
    public int[] hidden() {
        return hidden.clone();
    }

    /**
     * @return the hidden layers as an {@link Architecture} name or layer list, or {@code ""} for a fully connected
     *     network of {@link #hidden} widths
     */
    public String arch() {
        return arch;
    }

    /** @return the hidden units' activation. */
    public Activation hiddenActivation() {
        return hiddenActivation;
    }

    /** @return the output units' activation. */
    public Activation outputActivation() {
        return outputActivation;
    }

    /** @return the loss. */
    public Loss loss() {
        return loss;
    }

    /** @return the weights' initialisation scheme. */
    public Init init() {
        return init;
    }

    /** @return the factor on the init scheme's standard deviation. */
    public double initGain() {
        return initGain;
    }

    /** @return passes over the training set. */
    public int epochs() {
        return epochs;
    }

    /** @return minibatch size. */
    public int batchSize() {
        return batchSize;
    }

    /** @return hidden layers' learning rate. */
    public double lr() {
        return lr;
    }

    /** @return output layer's learning rate. */
    public double outputLr() {
        return outputLr;
    }

    /** @return SGD momentum mu: v = mu v + g, W = W - lr v. */
    public double momentum() {
        return momentum;
    }

    /** @return L2 coefficient added to the direction, g = G + lambda W (as torch.optim.SGD does it). */
    public double weightDecay() {
        return weightDecay;
    }

    /** @return whether inputs are shifted and scaled by the training set's mean and standard deviation. */
    public boolean standardize() {
        return standardize;
    }

    /** @return use the first this-many training examples (0: all). */
    public int trainLimit() {
        return trainLimit;
    }

    /** @return use the first this-many test examples (0: all). */
    public int testLimit() {
        return testLimit;
    }

    /** @return examples in the fixed diagnostic batch (update-versus-backprop angles). */
    public int probe() {
        return probe;
    }

    /** @return the credit rules' own settings. */
    public RuleSettings settings() {
        return settings;
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
        return toBuilder().seed(s).build();
    }

    /** @return this config with other learning rates. */
    public TrainConfig withRates(double hiddenLr, double outLr) {
        return toBuilder().lr(hiddenLr).outputLr(outLr).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainConfig c && seed == c.seed && Arrays.equals(hidden, c.hidden) && arch.equals(c.arch)
                && hiddenActivation == c.hiddenActivation && outputActivation == c.outputActivation && loss == c.loss
                && init == c.init && Double.compare(initGain, c.initGain) == 0 && epochs == c.epochs
                && batchSize == c.batchSize && Double.compare(lr, c.lr) == 0
                && Double.compare(outputLr, c.outputLr) == 0 && Double.compare(momentum, c.momentum) == 0
                && Double.compare(weightDecay, c.weightDecay) == 0 && standardize == c.standardize
                && trainLimit == c.trainLimit && testLimit == c.testLimit && probe == c.probe
                && settings.equals(c.settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, Arrays.hashCode(hidden), arch, hiddenActivation, outputActivation, loss, init, initGain,
                epochs, batchSize, lr, outputLr, momentum, weightDecay, standardize, trainLimit, testLimit, probe,
                settings);
    }

    @Override
    public String toString() {
        return "TrainConfig[seed=" + seed + ", hidden=" + Arrays.toString(hidden) + ", arch=" + arch + ", activation=" + hiddenActivation
                + ", output_activation=" + outputActivation + ", loss=" + loss + ", init=" + init + ", init_gain="
                + initGain + ", epochs=" + epochs + ", batch=" + batchSize + ", lr=" + lr + ", output_lr=" + outputLr
                + ", momentum=" + momentum + ", weight_decay=" + weightDecay + ", standardize=" + standardize
                + ", train_limit=" + trainLimit + ", test_limit=" + testLimit + ", probe=" + probe + ", settings="
                + settings + "]";
    }

    /** Collects a config's fields; {@link #build()} checks them. Method names follow the config keys. */
    public static final class Builder {
        private long seed = 1;
        private int[] hidden;
        private String arch = "";
        private Activation hiddenActivation;
        private Activation outputActivation;
        private Loss loss;
        private Init init;
        private double initGain = 1.0;
        private int epochs;
        private int batchSize;
        private double lr;
        private double outputLr;
        private double momentum;
        private double weightDecay;
        private boolean standardize;
        private int trainLimit;
        private int testLimit;
        private int probe;
        private RuleSettings settings = RuleSettings.defaults();

        private Builder() { }

        /** @return this, with the run's seed. */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** @return this, with the hidden layer widths. */
        public Builder hidden(int... v) {
            hidden = v.clone();
            return this;
        }

        /** @return this, with the hidden layers as an architecture name or layer list ({@code ""}: dense). */
        public Builder arch(String v) {
            arch = v;
            return this;
        }

        /** @return this, with the hidden units' activation. */
        public Builder hiddenActivation(Activation v) {
            hiddenActivation = v;
            return this;
        }

        /** @return this, with the output units' activation. */
        public Builder outputActivation(Activation v) {
            outputActivation = v;
            return this;
        }

        /** @return this, with the loss. */
        public Builder loss(Loss v) {
            loss = v;
            return this;
        }

        /** @return this, with the initialisation scheme. */
        public Builder init(Init v) {
            init = v;
            return this;
        }

        /** @return this, with the factor on the init scheme's standard deviation. */
        public Builder initGain(double v) {
            initGain = v;
            return this;
        }

        /** @return this, with the passes over the training set. */
        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        /** @return this, with the minibatch size. */
        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        /** @return this, with the hidden layers' learning rate. */
        public Builder lr(double v) {
            lr = v;
            return this;
        }

        /** @return this, with the output layer's learning rate. */
        public Builder outputLr(double v) {
            outputLr = v;
            return this;
        }

        /** @return this, with both learning rates. */
        public Builder rates(double hiddenLr, double outLr) {
            return lr(hiddenLr).outputLr(outLr);
        }

        /** @return this, with the momentum. */
        public Builder momentum(double v) {
            momentum = v;
            return this;
        }

        /** @return this, with the weight decay. */
        public Builder weightDecay(double v) {
            weightDecay = v;
            return this;
        }

        /** @return this, with or without input standardisation. */
        public Builder standardize(boolean v) {
            standardize = v;
            return this;
        }

        /** @return this, with the training-set limit (0: all). */
        public Builder trainLimit(int v) {
            trainLimit = v;
            return this;
        }

        /** @return this, with the test-set limit (0: all). */
        public Builder testLimit(int v) {
            testLimit = v;
            return this;
        }

        /** @return this, with the probe batch's size. */
        public Builder probe(int v) {
            probe = v;
            return this;
        }

        /** @return this, with the credit rules' settings. */
        public Builder settings(RuleSettings v) {
            settings = v;
            return this;
        }

        /** @return this, with one rule setting changed (see {@link RuleSettings#with}). */
        public Builder setting(String key, Object value) {
            settings = settings.with(key, value);
            return this;
        }

        /**
         * @return the config
         * @throws ConfigException naming the config key of the first field out of range
         */
        public TrainConfig build() {
            if (hidden == null) {
                throw new ConfigException("hidden", "not set");
            }
            return new TrainConfig(this);
        }
    }
}
