package org.plasticity.layered.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.ConfigException;
import org.plasticity.layered.credit.Backprop;
import org.plasticity.layered.credit.CreditRule;
import org.plasticity.layered.credit.CreditRules;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.Architecture;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Gradients;
import org.plasticity.layered.network.InputTransform;
import org.plasticity.layered.network.Layer;
import org.plasticity.layered.network.Shape;
import org.plasticity.numeric.Seeds;
import org.plasticity.stats.Angles;

/**
 * Trains a layered network with one credit-assignment rule: each epoch visits the training set in a seeded random
 * order, in minibatches; after each epoch it measures train and test accuracy and the alignment diagnostics.
 * Every random stream derives from the config's seed and what it is for (weights, the rule's connections, the
 * rule's noise, each epoch's order), so a run is reproducible and independent of what else runs beside it.
 */
public final class Trainer {
    private static final long STREAM_WEIGHTS = 0;
    private static final long STREAM_RULE = 1;
    private static final long STREAM_NOISE = 2;
    private static final long STREAM_ORDER = 3;
    private static final long STREAM_PROBE = 4;

    private final TrainConfig config;
    private final TrainingListener listener;

    public Trainer(TrainConfig config, TrainingListener listener) {
        this.config = config;
        this.listener = listener;
    }

    /** @return a network shaped for {@code train} with the config's architecture and its seeded weights. */
    public FeedForwardNet network(Dataset train) {
        return network(train.features(), train.classes());
    }

    /**
     * @return the network a run of this config starts from on data of {@code inputs} values and {@code classes}
     *     classes: the config's architecture, with the weights drawn from the seed's weight stream
     */
    public FeedForwardNet network(int inputs, int classes) {
        SplittableRandom weights = Seeds.stream(config.seed(), STREAM_WEIGHTS);
        if (config.arch().isEmpty()) {
            return new FeedForwardNet(config.sizes(inputs, classes), config.hiddenActivation(),
                    config.outputActivation(), config.init(), config.initGain(), weights);
        }
        Shape input;
        List<Layer> layers;
        try {
            input = Shape.image(inputs);
            layers = Architecture.parse(config.arch()).layers(input, classes, config.hiddenActivation(),
                    config.outputActivation());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("arch", e.getMessage());
        }
        return new FeedForwardNet(input, layers, config.init(), config.initGain(), weights);
    }

    /**
     * Builds the network and the rule for {@code train} without training, so that a rule that does not fit the
     * network (burstprop without sigmoid units, say) fails before any work starts.
     */
    public void validate(String ruleName, Dataset train) {
        FeedForwardNet net = network(train);
        CreditRules.create(ruleName, net, config.batchSize(), config.loss(), config.init(), config.settings(),
                Seeds.stream(config.seed(), STREAM_RULE));
    }

    /** Trains a fresh network with rule {@code ruleName} on {@code train}, measuring on {@code test}. */
    public TrainResult train(String ruleName, Dataset train, Dataset test) {
        return trainNetwork(ruleName, train, test).result();
    }

    /**
     * As {@link #train}, also handing back the trained network and the input transform it was trained with, which a
     * checkpoint needs. The network is not kept anywhere else.
     */
    public TrainedNetwork trainNetwork(String ruleName, Dataset train, Dataset test) {
        if (test.features() != train.features() || test.classes() != train.classes()) {
            throw new IllegalArgumentException("test set " + test.name() + " does not match the training set's shape");
        }
        long start = System.nanoTime();
        String rule = CreditRules.canonical(ruleName);
        Dataset tr = config.trainLimit() > 0 ? train.head(config.trainLimit()) : train;
        Dataset te = config.testLimit() > 0 ? test.head(config.testLimit()) : test;
        float[] xTrain = tr.inputs();
        float[] xTest = te.inputs();
        InputTransform input = InputTransform.NONE;
        if (config.standardize()) {
            input = InputTransform.fit(xTrain);
            xTrain = input.apply(xTrain);
            xTest = input.apply(xTest);
        }
        FeedForwardNet net = network(tr);
        int capacity = Math.max(config.batchSize(), Math.min(config.probe(), tr.size()));
        CreditRule credit = CreditRules.create(rule, net, capacity, config.loss(), config.init(), config.settings(),
                Seeds.stream(config.seed(), STREAM_RULE));
        Backprop reference = new Backprop(net.sizes(), capacity, config.loss());
        Sgd sgd = new Sgd(net, config.lr(), config.outputLr(), config.momentum(), config.weightDecay(),
                credit.readsSteps());
        SplittableRandom noise = Seeds.stream(config.seed(), STREAM_NOISE);
        Probe probe = new Probe(tr, xTrain, Math.min(config.probe(), tr.size()), net, capacity);

        int classes = tr.classes();
        int features = tr.features();
        Activity act = net.newActivity(capacity);
        Gradients g = new Gradients(net);
        float[] xb = new float[config.batchSize() * features];
        float[] yb = new float[config.batchSize() * classes];
        int batches = (tr.size() + config.batchSize() - 1) / config.batchSize();
        long total = (long) batches * config.epochs();

        List<EpochRecord> records = new ArrayList<>();
        records.add(evaluate(0, Double.NaN, 0, net, credit, reference, probe, act, tr, xTrain, te, xTest));
        listener.epoch(rule, records.get(0));
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long t0 = System.nanoTime();
            int[] order = permutation(tr.size(), Seeds.stream(config.seed(), STREAM_ORDER, epoch));
            double lossSum = 0;
            for (int k = 0; k < batches; k++) {
                int from = k * config.batchSize();
                int b = Math.min(config.batchSize(), tr.size() - from);
                gather(order, from, b, xTrain, tr.labels(), features, classes, xb, yb);
                credit.respond(net, xb, 0, b, act);
                lossSum += config.loss().mean(act.e[net.layers()], yb, b, classes);
                credit.assign(net, act, yb, g, noise);
                sgd.step(net, g);
                credit.afterStep(net, sgd.steps);
                listener.batches(rule, (long) (epoch - 1) * batches + k + 1, total);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            EpochRecord r = evaluate(epoch, lossSum / batches, seconds, net, credit, reference, probe, act, tr, xTrain,
                    te, xTest);
            records.add(r);
            listener.epoch(rule, r);
        }
        TrainResult result = new TrainResult(rule, config, net.sizes(), tr.size(), te.size(), List.copyOf(records),
                (System.nanoTime() - start) / 1e9);
        return new TrainedNetwork(result, net, input);
    }

    private EpochRecord evaluate(int epoch, double trainLoss, double seconds, FeedForwardNet net, CreditRule credit,
                                 Backprop reference, Probe probe, Activity act, Dataset tr, float[] xTrain, Dataset te,
                                 float[] xTest) {
        double[] trainScore = score(net, credit, act, xTrain, tr.labels(), tr.classes());
        double[] testScore = score(net, credit, act, xTest, te.labels(), te.classes());
        double[] wf = new double[net.layers()];
        for (int l = 1; l <= net.layers(); l++) {
            float[] b = credit.feedback(l);
            wf[l - 1] = b == null ? Double.NaN : Angles.degrees(net.weights[l - 1], b);
        }
        return new EpochRecord(epoch, trainLoss, trainScore[0], testScore[0], testScore[1], wf,
                probe.updateAngles(net, credit, reference), seconds);
    }

    /** @return {accuracy, mean loss} of the network on a whole set, in chunks of the work area's capacity. */
    private double[] score(FeedForwardNet net, CreditRule credit, Activity act, float[] x, int[] labels, int classes) {
        int n = labels.length;
        int hits = 0;
        double loss = 0;
        float[] y = new float[act.capacity() * classes];
        for (int from = 0; from < n; from += act.capacity()) {
            int b = Math.min(act.capacity(), n - from);
            credit.respond(net, x, from, b, act);
            hits += FeedForwardNet.correct(act, labels, from);
            Arrays.fill(y, 0f);
            for (int r = 0; r < b; r++) {
                y[r * classes + labels[from + r]] = 1f;
            }
            loss += config.loss().mean(act.e[net.layers()], y, b, classes) * b;
        }
        return new double[] {(double) hits / n, loss / n};
    }

    /** A fixed batch of training examples on which the rule's direction is compared with backprop's. */
    private final class Probe {
        final int size;
        final float[] x;
        final float[] y;
        final Activity act;
        final Gradients ruleDir;
        final Gradients bpDir;

        Probe(Dataset tr, float[] xTrain, int size, FeedForwardNet net, int capacity) {
            this.size = size;
            int[] order = permutation(tr.size(), Seeds.stream(config.seed(), STREAM_PROBE));
            x = new float[size * tr.features()];
            y = new float[size * tr.classes()];
            gather(order, 0, size, xTrain, tr.labels(), tr.features(), tr.classes(), x, y);
            act = net.newActivity(capacity);
            ruleDir = new Gradients(net);
            bpDir = new Gradients(net);
        }

        double[] updateAngles(FeedForwardNet net, CreditRule credit, Backprop reference) {
            credit.respond(net, x, 0, size, act);
            credit.assign(net, act, y, ruleDir, Seeds.stream(config.seed(), STREAM_PROBE, 1));
            reference.assign(net, act, y, bpDir, null);
            double[] angles = new double[net.layers()];
            for (int l = 0; l < angles.length; l++) {
                angles[l] = Angles.degrees(ruleDir.weights[l], bpDir.weights[l]);
            }
            return angles;
        }
    }

    static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) { // Fisher-Yates
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static void gather(int[] order, int from, int b, float[] x, int[] labels, int features, int classes,
                               float[] xb, float[] yb) {
        Arrays.fill(yb, 0, b * classes, 0f);
        for (int r = 0; r < b; r++) {
            int i = order[from + r];
            System.arraycopy(x, i * features, xb, r * features, features);
            yb[r * classes + labels[i]] = 1f;
        }
    }
}
