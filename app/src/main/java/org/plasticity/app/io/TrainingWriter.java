package org.plasticity.app.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.plasticity.Version;
import org.plasticity.layered.credit.CreditRules;
import org.plasticity.layered.credit.RuleSetting;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.network.Architecture;
import org.plasticity.layered.training.EpochRecord;
import org.plasticity.layered.training.TrainConfig;
import org.plasticity.layered.training.TrainResult;
import org.plasticity.numeric.Blas;

/**
 * Writes the results of {@code train} and {@code compare}: {@code summary.json} (per rule: {@code rule},
 * {@code final_train_accuracy}, {@code final_test_accuracy}, {@code epochs}, {@code wall_seconds}, and the alignment
 * angles per layer, with the config and seed that produced them), {@code epochs.csv} (one row per rule and epoch,
 * for learning curves) and {@code results.md} (the table printed at the end).
 */
public final class TrainingWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainingWriter() {}

    public static void writeSummary(String command, String dataName, Dataset[] data, long seed,
                                    List<TrainResult> results, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("command", command);
        root.put("version", Version.get());
        root.put("seed", seed);
        root.put("blas", Blas.backend());
        // The normal generator of java.util.random differs between Java releases (docs/reproducibility.md).
        root.put("java", System.getProperty("java.version"));
        ObjectNode d = root.putObject("data");
        d.put("name", dataName);
        d.put("train_examples", results.isEmpty() ? data[0].size() : results.get(0).trainExamples());
        d.put("test_examples", results.isEmpty() ? data[1].size() : results.get(0).testExamples());
        d.put("features", data[0].features());
        d.put("classes", data[0].classes());
        ArrayNode rules = root.putArray("rules");
        for (TrainResult r : results) {
            ObjectNode o = rules.addObject();
            EpochRecord last = r.last();
            o.put("rule", r.rule());
            Finite.put(o, "final_train_accuracy", last.trainAccuracy());
            Finite.put(o, "final_test_accuracy", last.testAccuracy());
            o.put("epochs", r.config().epochs());
            Finite.put(o, "wall_seconds", r.wallSeconds());
            angles(o.putArray("weight_feedback_angles"), last.weightFeedbackAngles());
            angles(o.putArray("update_angles"), last.updateAngles());
            angles(o.putArray("initial_weight_feedback_angles"), r.epochs().get(0).weightFeedbackAngles());
            angles(o.putArray("initial_update_angles"), r.epochs().get(0).updateAngles());
            config(o.putObject("config"), r.rule(), r.config(), r.sizes());
        }
        JSON.writeValue(file.toFile(), root);
    }

    /** @return the layer list of {@code arch} (a registered name spelled out), as {@code --arch} reads it. */
    private static String net(String arch) {
        return Architecture.parse(arch).spec();
    }

    private static void config(ObjectNode o, String rule, TrainConfig c, int[] sizes) {
        ArrayNode s = o.putArray("layers");
        for (int n : sizes) {
            s.add(n);
        }
        if (!c.arch().isEmpty()) { // units per layer above; the layer list when the network is not fully connected
            o.put("arch", net(c.arch()));
        }
        o.put("seed", c.seed());
        o.put("hidden_activation", c.hiddenActivation().id());
        o.put("output_activation", c.outputActivation().id());
        o.put("loss", c.loss().id());
        o.put("init", c.init().id());
        o.put("init_gain", c.initGain());
        o.put("epochs", c.epochs());
        o.put("batch", c.batchSize());
        o.put("lr", c.lr());
        o.put("output_lr", c.outputLr());
        o.put("momentum", c.momentum());
        o.put("weight_decay", c.weightDecay());
        o.put("standardize", c.standardize());
        o.put("train_limit", c.trainLimit());
        o.put("test_limit", c.testLimit());
        o.put("probe", c.probe());
        // Every built-in rule's settings, as before the registry, and the run's own rule's when it comes from outside.
        List<RuleSetting> own = CreditRules.type(rule).settings();
        List<String> builtIn = CreditRules.builtIn().stream().flatMap(t -> t.settings().stream())
                .map(RuleSetting::key).toList();
        ObjectNode p = o.putObject("rule_params");
        for (RuleSetting setting : CreditRules.settings()) {
            if (!builtIn.contains(setting.key()) && !own.contains(setting)) {
                continue;
            }
            Object v = c.settings().get(setting.key());
            if (v instanceof Boolean flag) {
                p.put(setting.reportKey(), flag);
            } else {
                p.put(setting.reportKey(), (Double) v);
            }
        }
    }

    /** Per layer l = 1..L; null where undefined (no feedback matrix, or backprop against itself is 0). */
    private static void angles(ArrayNode a, double[] v) {
        Finite.addAll(a, v);
    }

    public static void writeEpochs(List<TrainResult> results, Path file) throws IOException {
        int layers = results.get(0).sizes().length - 1;
        StringBuilder b = new StringBuilder("rule,epoch,train_loss,train_accuracy,test_accuracy,test_loss,seconds");
        for (int l = 1; l <= layers; l++) {
            b.append(",weight_feedback_angle_").append(l);
        }
        for (int l = 1; l <= layers; l++) {
            b.append(",update_angle_").append(l);
        }
        b.append('\n');
        for (TrainResult r : results) {
            for (EpochRecord e : r.epochs()) {
                b.append(r.rule()).append(',').append(e.epoch());
                for (double v : new double[] {e.trainLoss(), e.trainAccuracy(), e.testAccuracy(), e.testLoss(),
                    e.seconds()}) {
                    b.append(',').append(cell(v));
                }
                for (double v : e.weightFeedbackAngles()) {
                    b.append(',').append(cell(v));
                }
                for (double v : e.updateAngles()) {
                    b.append(',').append(cell(v));
                }
                b.append('\n');
            }
        }
        Files.writeString(file, b);
    }

    private static String cell(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    public static void writeTable(String dataName, List<TrainResult> results, Path file) throws IOException {
        Files.writeString(file, table(dataName, results) + "\n");
    }

    /**
     * @return a Markdown table: per rule, final accuracies, epochs, time, the W-versus-feedback angle of the top
     *     layer and the update-versus-backprop angle of the first hidden layer.
     */
    public static String table(String dataName, List<TrainResult> results) {
        StringBuilder b = new StringBuilder();
        b.append("| rule | data | layers | epochs | train acc | test acc | W vs feedback (top layer) "
                + "| update vs BP (first layer) | seconds |\n");
        b.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (TrainResult r : results) {
            EpochRecord last = r.last();
            double[] wf = last.weightFeedbackAngles();
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.2f %% | %.2f %% | %s | %s | %.1f |%n",
                    r.rule(), dataName, join(r.sizes()), r.config().epochs(), 100 * last.trainAccuracy(),
                    100 * last.testAccuracy(), degrees(wf[wf.length - 1]), degrees(last.updateAngles()[0]),
                    r.wallSeconds()));
        }
        return b.toString().strip();
    }

    private static String degrees(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f°", v) : "—";
    }

    private static String join(int[] sizes) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sizes.length; i++) {
            b.append(i == 0 ? "" : "-").append(sizes[i]);
        }
        return b.toString();
    }
}
