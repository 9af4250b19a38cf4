package org.plasticity.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.plasticity.layered.credit.CreditRule;
import org.plasticity.layered.credit.CreditRules;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.data.IdxFormat;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Gradients;
import org.plasticity.layered.network.InputTransform;
import org.plasticity.layered.training.EpochRecord;
import org.plasticity.layered.training.Recipes;
import org.plasticity.layered.training.TrainConfig;
import org.plasticity.layered.training.TrainResult;
import org.plasticity.layered.training.Trainer;
import org.plasticity.layered.training.TrainingListener;
import org.plasticity.numeric.Blas;
import org.plasticity.numeric.Seeds;

/**
 * Wall time of one training epoch of 784-500-10 on Fashion-MNIST (60,000 images) with one credit rule, the Java side
 * of bench/epoch.sh (peer: bench/peer/epoch_torch.py). Prints one JSON object to stdout.
 *
 * <p>Default mode: {@code new Trainer(config, TrainingListener.NONE).train(rule, train, test)} with the rule's
 * {@code Recipes.images(rule, seed, 500)} settings (sigmoid hidden, softmax + cross-entropy, Xavier-normal, SGD
 * momentum 0.9, weight decay 1e-6, the recipe's learning rates), the requested batch size and
 * {@code warmup + epochs} epochs. The time of an epoch is core's own {@link EpochRecord#seconds()}: the training
 * steps only (permutation, gather, forward, loss, {@code rule.assign}, SGD step, {@code rule.afterStep}); the
 * per-epoch evaluation the Trainer does afterwards is not in it. The first {@code warmup} epochs (JIT compilation)
 * are reported but not counted; the result is the median of the others.
 *
 * <p>Why not JMH: {@code Trainer.train} runs its epochs back to back with an evaluation in between, and a JMH method
 * could only time "train plus evaluate" or a copy of the loop. Core already times exactly the part wanted, so this reads that.
 *
 * <p>{@code --parts}: a diagnostic. Runs a copy of the Trainer's loop (same calls, same order, core's
 * {@code training.Sgd}) and times each part per epoch with
 * {@code System.nanoTime}, then replays the rule's matrix products alone at the same shapes, to split the epoch into
 * GEMM time and everything else.
 *
 * <pre>
 *   OPENBLAS_NUM_THREADS=1 java --add-modules=jdk.incubator.vector -Xms2g -Xmx2g \
 *       -cp bench/target/benchmarks.jar org.plasticity.bench.EpochTimer --rule bp --batch 32 [--warmup 1]
 *       [--epochs 3] [--parts] [--limit N] [--data DIR] [--seed S]
 * </pre>
 */
public final class EpochTimer {
    private static final int HIDDEN = 500;
    private static final long STREAM_WEIGHTS = 0; // as training.Trainer
    private static final long STREAM_RULE = 1;
    private static final long STREAM_NOISE = 2;
    private static final long STREAM_ORDER = 3;

    private EpochTimer() {}

    private static void machine(Map<String, Object> out) {
        out.put("blas_backend", Blas.backend());
        out.put("jdk", System.getProperty("java.runtime.version"));
        out.put("cpus", Runtime.getRuntime().availableProcessors());
    }

    public static void main(String[] args) {
        String rule = "bp";
        int batch = 32;
        int warmup = 1;
        int epochs = 3;
        boolean parts = false;
        int limit = 0;
        long seed = 1;
        Path data = Path.of("/usr/share/datasets/fashion-mnist");
        String arch = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rule" -> rule = args[++i];
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--parts" -> parts = true;
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--arch" -> arch = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        rule = CreditRules.canonical(rule);
        double startWall = System.currentTimeMillis() / 1e3;
        Dataset train = IdxFormat.readDirectory(data, true, "fashion-mnist/train");
        TrainConfig base = Recipes.images(rule, seed, HIDDEN);
        TrainConfig.Builder builder = base.toBuilder().epochs(warmup + epochs).batchSize(batch).trainLimit(limit)
                .testLimit(0);
        if (!arch.isEmpty()) {
            if (parts) {
                throw new IllegalArgumentException("--parts times the fully connected network only");
            }
            Recipes.arch(builder, rule, arch); // the units TrainFields gives the rule
        }
        TrainConfig config = builder.build();

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("side", "java");
        out.put("rule", rule);
        out.put("batch", batch);
        String threads = System.getenv("OPENBLAS_NUM_THREADS");
        out.put("threads", threads == null ? "" : threads);
        out.put("mode", parts ? "parts" : "trainer");
        out.put("arch", config.arch());
        out.put("hidden_activation", config.hiddenActivation().id());
        out.put("lr", config.lr());
        out.put("output_lr", config.outputLr());
        double[] seconds;
        double[] losses;
        if (!parts) {
            // a small test set: the Trainer evaluates it after every epoch, outside the timed part
            Dataset test = train.head(1000);
            TrainResult r = new Trainer(config, TrainingListener.NONE).train(rule, train, test);
            List<EpochRecord> recs = r.epochs().subList(1, r.epochs().size());
            seconds = recs.stream().mapToDouble(EpochRecord::seconds).toArray();
            losses = recs.stream().mapToDouble(EpochRecord::trainLoss).toArray();
            out.put("examples", r.trainExamples());
            out.put("train_accuracy_last", r.last().trainAccuracy());
            if (!arch.isEmpty()) {
                FeedForwardNet net = new Trainer(config, TrainingListener.NONE).network(train);
                out.put("gemm_seconds_per_epoch", GemmAlone.epoch(net, batch, train.size(), rule));
            }
        } else {
            Parts p = new Parts(config, rule, train);
            seconds = new double[warmup + epochs];
            losses = new double[warmup + epochs];
            for (int ep = 1; ep <= warmup + epochs; ep++) {
                losses[ep - 1] = p.epoch(ep, ep > warmup);
                seconds[ep - 1] = p.lastEpochSeconds;
            }
            int timed = epochs;
            Map<String, Object> partMap = new LinkedHashMap<>();
            for (int k = 0; k < Parts.NAMES.length; k++) {
                partMap.put(Parts.NAMES[k], p.partNanos[k] / 1e9 / timed);
            }
            out.put("examples", p.tr.size());
            out.put("parts_seconds_per_epoch", partMap);
            out.put("gemm_seconds_per_epoch", p.gemmOnly());
            out.put("sigmoid_pass_seconds_per_epoch", p.sigmoidPass());
        }
        double[] timedSeconds = Arrays.copyOfRange(seconds, warmup, seconds.length);
        out.put("seconds_per_epoch", TimerOutput.median(timedSeconds));
        out.put("epoch_seconds", timedSeconds);
        out.put("warmup_seconds", Arrays.copyOfRange(seconds, 0, warmup));
        out.put("train_loss", losses);
        machine(out);
        out.put("start", startWall);
        out.put("end", System.currentTimeMillis() / 1e3);
        System.out.println(TimerOutput.json(out));
    }

    /** The Trainer's training loop, copied so that each part can be timed (diagnostic only). */
    private static final class Parts {
        static final String[] NAMES = {"permutation", "gather", "forward", "loss", "assign", "sgd", "after_step"};
        final long[] partNanos = new long[NAMES.length];
        final TrainConfig config;
        final Dataset tr;
        final float[] xTrain;
        final FeedForwardNet net;
        final CreditRule credit;
        final org.plasticity.layered.training.Sgd sgd;
        final SplittableRandom noise;
        final Activity act;
        final Gradients g;
        final float[] xb;
        final float[] yb;
        final String rule;
        double lastEpochSeconds;

        Parts(TrainConfig config, String rule, Dataset train) {
            this.config = config;
            this.rule = rule;
            tr = config.trainLimit() > 0 ? train.head(config.trainLimit()) : train;
            xTrain = config.standardize() ? standardized(tr.inputs()) : tr.inputs();
            net = new FeedForwardNet(config.sizes(tr.features(), tr.classes()), config.hiddenActivation(),
                    config.outputActivation(), config.init(), config.initGain(),
                    Seeds.stream(config.seed(), STREAM_WEIGHTS));
            int capacity = Math.max(config.batchSize(), Math.min(config.probe(), tr.size()));
            credit = CreditRules.create(rule, net, capacity, config.loss(), config.init(), config.settings(),
                    Seeds.stream(config.seed(), STREAM_RULE));
            sgd = new org.plasticity.layered.training.Sgd(net, config.lr(), config.outputLr(), config.momentum(), config.weightDecay(),
                    credit.readsSteps());
            noise = Seeds.stream(config.seed(), STREAM_NOISE);
            act = net.newActivity(capacity);
            g = new Gradients(net.sizes());
            xb = new float[config.batchSize() * tr.features()];
            yb = new float[config.batchSize() * tr.classes()];
        }

        /** @return the epoch's mean batch loss; records its seconds and, when {@code count}, its parts. */
        double epoch(int epoch, boolean count) {
            int features = tr.features();
            int classes = tr.classes();
            int bs = config.batchSize();
            int batches = (tr.size() + bs - 1) / bs;
            long[] t = new long[NAMES.length];
            long t0 = System.nanoTime();
            int[] order = permutation(tr.size(), Seeds.stream(config.seed(), STREAM_ORDER, epoch));
            long t1 = System.nanoTime();
            t[0] += t1 - t0;
            double lossSum = 0;
            for (int k = 0; k < batches; k++) {
                int from = k * bs;
                int b = Math.min(bs, tr.size() - from);
                long s0 = System.nanoTime();
                gather(order, from, b, xTrain, tr.labels(), features, classes, xb, yb);
                long s1 = System.nanoTime();
                net.forward(xb, 0, b, act);
                long s2 = System.nanoTime();
                lossSum += config.loss().mean(act.e[net.layers()], yb, b, classes);
                long s3 = System.nanoTime();
                credit.assign(net, act, yb, g, noise);
                long s4 = System.nanoTime();
                sgd.step(net, g);
                long s5 = System.nanoTime();
                credit.afterStep(net, sgd.steps());
                long s6 = System.nanoTime();
                t[1] += s1 - s0;
                t[2] += s2 - s1;
                t[3] += s3 - s2;
                t[4] += s4 - s3;
                t[5] += s5 - s4;
                t[6] += s6 - s5;
            }
            lastEpochSeconds = (System.nanoTime() - t0) / 1e9;
            if (count) {
                for (int i = 0; i < t.length; i++) {
                    partNanos[i] += t[i];
                }
            }
            return lossSum / batches;
        }

        /**
         * @return seconds per epoch that the rule's matrix products alone take at this batch size (each product
         *     replayed on the live arrays, full batches), by product
         */
        Map<String, Object> gemmOnly() {
            int b = config.batchSize();
            int n0 = net.size(0);
            int n1 = net.size(1);
            int n2 = net.size(2);
            int batches = (tr.size() + b - 1) / b;
            float[] x = new float[b * n0];
            System.arraycopy(xTrain, 0, x, 0, x.length);
            float[] a1 = new float[b * n1];
            float[] a2 = new float[b * n2];
            float[] d2 = new float[b * n2];
            float[] d1 = new float[b * n1];
            float[] gw1 = new float[n1 * n0];
            float[] gw2 = new float[n2 * n1];
            float[] zz = new float[n1 * n1];
            float[] w1 = net.weights[0];
            float[] w2 = net.weights[1];
            Arrays.fill(d2, 0.01f);
            Arrays.fill(d1, 0.01f);
            Map<String, Runnable> ops = new LinkedHashMap<>();
            ops.put("forward_l1 gemmNT(b,500,784)", () -> Blas.gemmNT(b, n1, n0, 1f, x, w1, 1f, a1));
            ops.put("forward_l2 gemmNT(b,10,500)", () -> Blas.gemmNT(b, n2, n1, 1f, a1, w2, 1f, a2));
            ops.put("grad_w2 gemmTN(10,500,b)", () -> Blas.gemmTN(n2, n1, b, 1f, d2, a1, 0f, gw2));
            ops.put("grad_w1 gemmTN(500,784,b)", () -> Blas.gemmTN(n1, n0, b, 1f, d1, x, 0f, gw1));
            int down = rule.equals("burstprop") ? 2 : 1; // burstprop: v and dv, both b x 500 from b x 10
            ops.put("down gemm(b,500,10) x" + down, () -> {
                for (int i = 0; i < down; i++) {
                    Blas.gemm(b, n1, n2, 1f, d2, w2, 0f, d1);
                }
            });
            if (rule.equals("burstprop")) {
                ops.put("inhibition gemmNT(b,500,500)", () -> Blas.gemmNT(b, n1, n1, 1f, d1, zz, 0f, a1));
                ops.put("z_update gemmTN(500,500,b)", () -> Blas.gemmTN(n1, n1, b, 1e-4f, d1, d1, 1f, zz));
            }
            Map<String, Object> res = new LinkedHashMap<>();
            double total = 0;
            for (Map.Entry<String, Runnable> e : ops.entrySet()) {
                Runnable r = e.getValue();
                for (int i = 0; i < 300; i++) {
                    r.run();
                }
                int reps = Math.max(200, Math.min(batches, 2000));
                double[] blocks = new double[5];
                for (int k = 0; k < blocks.length; k++) {
                    long s = System.nanoTime();
                    for (int i = 0; i < reps; i++) {
                        r.run();
                    }
                    blocks[k] = (System.nanoTime() - s) / 1e9 / reps * batches;
                }
                double sec = TimerOutput.median(blocks);
                res.put(e.getKey(), sec);
                total += sec;
            }
            res.put("total", total);
            return res;
        }

        /**
         * @return seconds per epoch of one sigmoid pass over the hidden layer (batch x 500 values per batch): as
         *     {@code Activation.SIGMOID.apply} does it in the core this was built with, and as a plain scalar
         *     {@code 1 / (1 + Math.exp(-x))} in double for comparison (what core did before its vectorised
         *     {@code numeric.Elementwise}); the forward pass makes one such pass, burstprop's hidden layer about
         *     four more
         */
        Map<String, Object> sigmoidPass() {
            int b = config.batchSize();
            int n1 = net.size(1);
            int n = b * n1;
            int batches = (tr.size() + b - 1) / b;
            float[] a = new float[n];
            float[] e = new float[n];
            SplittableRandom rng = new SplittableRandom(7);
            for (int i = 0; i < n; i++) {
                a[i] = (float) (2 * rng.nextGaussian());
            }
            Map<String, Runnable> ops = new LinkedHashMap<>();
            ops.put("activation_apply", () -> org.plasticity.layered.network.Activation.SIGMOID.apply(a, e, b, n1));
            ops.put("scalar_math_exp", () -> {
                for (int i = 0; i < n; i++) {
                    e[i] = (float) (1.0 / (1.0 + Math.exp(-a[i])));
                }
            });
            Map<String, Object> res = new LinkedHashMap<>();
            for (Map.Entry<String, Runnable> en : ops.entrySet()) {
                Runnable r = en.getValue();
                for (int i = 0; i < 2000; i++) {
                    r.run();
                }
                double[] blocks = new double[5];
                for (int k = 0; k < blocks.length; k++) {
                    long s = System.nanoTime();
                    for (int i = 0; i < batches; i++) {
                        r.run();
                    }
                    blocks[k] = (System.nanoTime() - s) / 1e9;
                }
                res.put(en.getKey(), TimerOutput.median(blocks));
            }
            return res;
        }

        private static float[] standardized(float[] x) {
            return InputTransform.fit(x).apply(x); // as training.Trainer
        }

        private static int[] permutation(int n, SplittableRandom rng) { // as training.Trainer
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int tmp = p[i];
                p[i] = p[j];
                p[j] = tmp;
            }
            return p;
        }

        private static void gather(int[] order, int from, int b, float[] x, int[] labels, int features, int classes,
                                   float[] xb, float[] yb) { // as training.Trainer
            Arrays.fill(yb, 0, b * classes, 0f);
            for (int r = 0; r < b; r++) {
                int i = order[from + r];
                System.arraycopy(x, i * features, xb, r * features, features);
                yb[r * classes + labels[i]] = 1f;
            }
        }
    }
}
