package org.plasticity.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.plasticity.Version;
import org.plasticity.app.io.Finite;
import org.plasticity.io.ConfigWriter;
import org.plasticity.learnability.observability.ObservabilityResult;
import org.plasticity.stats.Summary;

/**
 * Writes the results of {@code observability} (docs/learnability.md#observability): {@code summary.json} (the table,
 * the options and the experiment's config), {@code observability.csv} (one row per observed-unit count and recording
 * length) and the Markdown table printed at the end. Nothing in them depends on the thread count or the clock.
 */
final class ObservabilityWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String CSV_HEADER = "neurons,samples,duration,samples_in_autocorrelation_times,spearman_mean,"
            + "spearman_sd,spearman_sem,spearman_variance_form_mean,spearman_variance_form_sd,"
            + "spearman_vs_experiment_flr2_mean,spearman_vs_experiment_flr2_sd";

    private ObservabilityWriter() {}

    static void writeSummary(ObservabilityResult r, Path config, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("command", "observability");
        root.put("version", Version.get());
        root.put("java", System.getProperty("java.version"));
        root.put("config_file", config.toString());
        root.put("seed", r.config().seed());
        root.put("units", r.units());
        root.put("tasks", r.measured().length);
        root.put("estimator", r.estimator());
        root.put("repeats", r.repeats());
        ArrayNode ks = root.putArray("neurons");
        for (int k : r.neurons()) {
            ks.add(k);
        }
        ArrayNode ns = root.putArray("samples");
        for (int n : r.samples()) {
            ns.add(n);
        }
        ObjectNode rec = root.putObject("recording");
        rec.put("sample_interval", r.sampleInterval());
        rec.put("burn_in", r.config().simulation().burnIn());
        rec.put("autocorrelation_time_samples", r.autocorrelationTime());
        rec.put("autocorrelation_time_samples_sd", Summary.sd(r.autocorrelationTimes()));
        rec.put("autocorrelation_time", r.autocorrelationTime() * r.sampleInterval());
        rec.put("design", "repeat r: an independent spontaneous run of the longest length and a random order of the "
                + "units; a cell takes the first K units of the order and the first n samples of the run");
        ObjectNode ref = root.putObject("experiment");
        ref.put("spearman_flr2_vs_measured", r.experimentSpearman());
        ref.put("spearman_flr2_variance_form_vs_measured", r.experimentSpearmanVarianceForm());
        ArrayNode tasks = ref.putArray("tasks");
        for (int t = 0; t < r.measured().length; t++) {
            ObjectNode o = tasks.addObject();
            o.put("index", t);
            o.put("measured_speed", r.measured()[t]);
            o.put("flr2", r.experimentFlr2()[t]);
        }
        ArrayNode table = root.putArray("table");
        for (int k = 0; k < r.neurons().length; k++) {
            for (int s = 0; s < r.samples().length; s++) {
                ObjectNode row = table.addObject();
                double[] v = row(r, k, s);
                String[] keys = CSV_HEADER.split(",");
                row.put(keys[0], r.neurons()[k]);
                row.put(keys[1], r.samples()[s]);
                for (int j = 2; j < keys.length; j++) {
                    Finite.put(row, keys[j], v[j]);
                }
                ArrayNode each = row.putArray("spearman");
                for (double x : r.spearman()[k][s]) {
                    each.add(x);
                }
            }
        }
        root.set("config", ConfigWriter.tree(r.config()));
        Files.writeString(file, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    }

    /** @return the CSV columns of cell (k, s), in the order of {@link #CSV_HEADER} */
    static double[] row(ObservabilityResult r, int k, int s) {
        return new double[] {r.neurons()[k], r.samples()[s], r.samples()[s] * r.sampleInterval(),
            r.inAutocorrelationTimes(s), ObservabilityResult.mean(r.spearman(), k, s),
            ObservabilityResult.sd(r.spearman(), k, s), ObservabilityResult.standardError(r.spearman(), k, s),
            ObservabilityResult.mean(r.spearmanVarianceForm(), k, s),
            ObservabilityResult.sd(r.spearmanVarianceForm(), k, s),
            ObservabilityResult.mean(r.spearmanVsExperiment(), k, s),
            ObservabilityResult.sd(r.spearmanVsExperiment(), k, s)};
    }

    static void writeCsv(ObservabilityResult r, Path file) throws IOException {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (int k = 0; k < r.neurons().length; k++) {
            for (int s = 0; s < r.samples().length; s++) {
                double[] v = row(r, k, s);
                b.append(r.neurons()[k]).append(',').append(r.samples()[s]);
                for (int j = 2; j < v.length; j++) {
                    b.append(',').append(Double.isFinite(v[j]) ? Double.toString(v[j]) : "");
                }
                b.append('\n');
            }
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    /** @return mean Spearman r +- its spread over the repeats: a row per K, a column per recording length */
    static String table(ObservabilityResult r) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Spearman r of learnability's FLR2 with the "
                + "measured speeds, mean +- sd over %d repeats (experiment's own FLR2, all %d units: %.3f)%n%n",
                r.repeats(), r.units(), r.experimentSpearman()));
        b.append("| K \\ samples |");
        for (int s = 0; s < r.samples().length; s++) {
            b.append(String.format(Locale.ROOT, " %d (%.0f tau) |", r.samples()[s], r.inAutocorrelationTimes(s)));
        }
        b.append("\n|---|").append("---|".repeat(r.samples().length)).append('\n');
        for (int k = 0; k < r.neurons().length; k++) {
            b.append("| ").append(r.neurons()[k]).append(" |");
            for (int s = 0; s < r.samples().length; s++) {
                b.append(String.format(Locale.ROOT, " %.3f +- %.3f |", ObservabilityResult.mean(r.spearman(), k, s),
                        ObservabilityResult.sd(r.spearman(), k, s)));
            }
            b.append('\n');
        }
        return b.toString();
    }
}
