package org.plasticity.app.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.plasticity.Version;
import org.plasticity.neural.PredictivityStudy;
import org.plasticity.neural.PredictivityStudy.LayerScore;
import org.plasticity.neural.data.Responses;
import org.plasticity.neural.method.CeilingResult;

/**
 * Writes the results of {@code predictivity} and {@code brainlike}: {@code summary.json} ({@code ceiling} with
 * {@code median} and {@code se}, or null without repeats; {@code scores[]}, one per model and layer, with
 * {@code model}, {@code layer}, {@code units}, {@code r}, {@code r_se}, {@code r_over_ceiling},
 * {@code explained_variance}, {@code neurons}, {@code stimuli} and the per-split medians; the method's settings, the
 * seed and the version), {@code scores.csv} (the same, a row per layer), {@code neurons.csv} (a row per layer and
 * neuron: r, the neuron's own ceiling, their ratio and its square) and the table printed at the end.
 */
public final class PredictivityWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PredictivityWriter() {}

    /** The part of {@code summary.json} every scoring command shares: recording, method, ceiling and scores. */
    public static ObjectNode summary(String command, PredictivityStudy study, String stimuli, List<LayerScore> scores)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("command", command);
        root.put("version", Version.get());
        root.put("seed", study.options().seed());
        root.put("java", System.getProperty("java.version"));
        Responses r = study.responses();
        ObjectNode rec = root.putObject("responses");
        rec.put("file", r.source());
        rec.put("neurons", r.neurons());
        rec.put("stimuli", r.stimuli());
        rec.put("repeats", r.hasRepeats() ? r.repeats() : 1);
        root.put("stimuli", stimuli);
        PredictivityStudy.Options o = study.options();
        ObjectNode m = root.putObject("method");
        m.put("regression", o.regression());
        if (o.regression().equals("pls")) {
            m.put("components", o.components());
        }
        m.put("splits", o.splits());
        m.put("train_fraction", o.trainFraction());
        m.put("ceiling_splits", o.ceilingSplits());
        m.put("correlation", "pearson per neuron on held-out stimuli; median over neurons; mean over splits");
        m.put("normalisation", "r_over_ceiling = r / ceiling (Brain-Score 2018-2019); explained_variance ="
                + " (r / ceiling)^2 (Brain-Score about 2020 to 2025); r2_over_ceiling = r^2 / ceiling (Brain-Score since"
                + " December 2025); none clipped");
        CeilingResult c = study.ceiling();
        if (c == null) {
            root.putNull("ceiling");
        } else {
            ObjectNode co = root.putObject("ceiling");
            Finite.put(co, "median", c.median());
            Finite.put(co, "se", c.se());
            Finite.addAll(co.putArray("per_split"), c.perSplit());
        }
        ArrayNode a = root.putArray("scores");
        for (LayerScore s : scores) {
            score(a.addObject(), s);
        }
        return root;
    }

    /** Fills one {@code scores[]} entry. */
    public static void score(ObjectNode o, LayerScore s) {
        o.put("model", s.model());
        o.put("layer", s.layer());
        o.put("units", s.units());
        Finite.put(o, "r", s.score().r());
        Finite.put(o, "r_se", s.score().rSe());
        Finite.put(o, "r_over_ceiling", s.rOverCeiling());
        Finite.put(o, "explained_variance", s.explainedVariance());
        Finite.put(o, "r2_over_ceiling", s.score().r() * s.score().r() / s.ceiling());
        o.put("neurons", s.score().neurons());
        o.put("stimuli", s.score().stimuli());
        Finite.addAll(o.putArray("per_split"), s.score().perSplit());
    }

    /** Writes {@code root} as indented JSON. */
    public static void write(ObjectNode root, Path file) throws IOException {
        JSON.writeValue(file.toFile(), root);
    }

    /** {@code scores.csv}: a row per layer; {@code prefix} columns (e.g. rule, seed) come first when given. */
    public static void writeScores(List<LayerScore> scores, List<String[]> prefix, String[] prefixHeader, Path file)
            throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", prefixHeader));
            w.write(prefixHeader.length > 0 ? "," : "");
            w.write("model,layer,units,r,r_se,r_over_ceiling,explained_variance,neurons,stimuli\n");
            for (int i = 0; i < scores.size(); i++) {
                LayerScore s = scores.get(i);
                if (prefix != null) {
                    w.write(String.join(",", prefix.get(i)) + ",");
                }
                w.write(csv(s.model()) + "," + csv(s.layer()) + "," + s.units() + "," + Finite.csv(s.score().r()) + ","
                        + Finite.csv(s.score().rSe()) + "," + Finite.csv(s.rOverCeiling()) + "," + Finite.csv(s.explainedVariance()) + ","
                        + s.score().neurons() + "," + s.score().stimuli() + "\n");
            }
        }
    }

    /** {@code neurons.csv}: a row per layer and neuron, with the neuron's own ceiling (empty without repeats). */
    public static void writeNeurons(List<LayerScore> scores, List<String[]> prefix, String[] prefixHeader,
                                    CeilingResult ceiling, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", prefixHeader));
            w.write(prefixHeader.length > 0 ? "," : "");
            w.write("model,layer,neuron,r,neuron_ceiling,r_over_neuron_ceiling,explained_variance\n");
            for (int i = 0; i < scores.size(); i++) {
                LayerScore s = scores.get(i);
                double[] r = s.score().perNeuron();
                for (int n = 0; n < r.length; n++) {
                    double c = ceiling == null ? Double.NaN : ceiling.perNeuron()[n];
                    if (prefix != null) {
                        w.write(String.join(",", prefix.get(i)) + ",");
                    }
                    w.write(csv(s.model()) + "," + csv(s.layer()) + "," + n + "," + Finite.csv(r[n]) + "," + Finite.csv(c) + ","
                            + Finite.csv(r[n] / c) + "," + Finite.csv(r[n] / c * (r[n] / c)) + "\n");
                }
            }
        }
    }

    /** @return the table printed at the end and written to {@code results.md}. */
    public static String table(PredictivityStudy study, List<LayerScore> scores) {
        StringBuilder b = new StringBuilder();
        CeilingResult c = study.ceiling();
        b.append(String.format(Locale.ROOT, "%d neurons, %d stimuli; ceiling %s%n%n", study.responses().neurons(),
                study.responses().stimuli(), c == null ? "none (no repeats)"
                        : String.format(Locale.ROOT, "%.3f +- %.3f", c.median(), c.se())));
        b.append("| model | layer | units | r | r se | r / ceiling | (r / ceiling)^2 |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (LayerScore s : scores) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %s | %s |%n", s.model(), s.layer(),
                    s.units(), s.score().r(), s.score().rSe(), g(s.rOverCeiling()), g(s.explainedVariance())));
        }
        return b.toString();
    }

    private static String g(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "-";
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
