package org.plasticity.app.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.plasticity.io.ConfigWriter;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.experiment.FlrResult;
import org.plasticity.recurrent.experiment.Regime;
import org.plasticity.recurrent.experiment.TaskResult;
import org.plasticity.stats.Agreement;

/**
 * Formats an {@link FlrResult} as {@code summary.json} and {@code tasks.csv}. Numbers are written in the root locale;
 * values that are not finite (e.g. a learning time never reached) become JSON null and an empty CSV cell.
 */
public final class ResultWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Columns of {@code tasks.csv}, in order. */
    public static final String[] TASK_COLUMNS = {"index", "align_xi", "align_eta", "variance_xi", "variance_eta",
        "evoked_response", "overlap", "predicted_flr1", "predicted_flr2", "predicted_flr2_variance", "measured_speed",
        "measured_speed_se", "perturbation_scale", "learning_time", "final_overlap"};

    private ResultWriter() {}

    /** @return the JSON tree of {@code summary.json}. */
    public static ObjectNode summary(FlrResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", r.version());
        root.put("seed", r.config().seed());
        root.set("config", config(r.config()));
        Finite.put(root, "wall_seconds", r.wallSeconds());
        ObjectNode run = root.putObject("run");
        run.put("threads", r.threads());
        run.put("blas_backend", r.blasBackend());
        // The normal generator of java.util.random differs between Java releases (docs/reproducibility.md).
        run.put("java", System.getProperty("java.version"));
        ObjectNode sp = root.putObject("spontaneous");
        var s = r.spontaneous();
        Finite.put(sp, "mean_variance", s.meanVariance());
        Finite.put(sp, "mean_variance_se", s.meanVarianceError());
        Finite.put(sp, "top_eigenvalue", s.topEigenvalue());
        Finite.put(sp, "top_eigenvalue_se", s.topEigenvalueError());
        Finite.put(sp, "coupling_top_eigenvalue", s.couplingTopEigenvalue());
        Finite.put(sp, "beta_times_coupling_top_eigenvalue", r.config().network().beta() * s.couplingTopEigenvalue());
        Finite.put(sp, "mean_activity", s.meanActivity());
        sp.put("samples", s.samples());
        root.set("regime", regime(r.regime()));
        Finite.put(root, "kappa", r.config().network().kappa());
        root.set("flr1", agreement(r.flr1()));
        root.set("flr2", agreement(r.flr2()));
        root.set("flr2_variance_form", agreement(r.flr2Variance()));
        if (r.learningTime() != null) {
            ObjectNode lt = agreement(r.learningTime());
            lt.put("compared", "1/learning_time against predicted_flr1");
            root.set("learning_time", lt);
        } else {
            root.putNull("learning_time");
        }
        ArrayNode tasks = root.putArray("tasks");
        for (TaskResult t : r.tasks()) {
            ObjectNode o = tasks.addObject();
            double[] row = row(t);
            for (int i = 0; i < TASK_COLUMNS.length; i++) {
                if (i == 0) {
                    o.put(TASK_COLUMNS[0], t.index());
                } else {
                    Finite.put(o, TASK_COLUMNS[i], row[i]);
                }
            }
        }
        return root;
    }

    private static double[] row(TaskResult t) {
        return new double[] {t.index(), t.alignXi(), t.alignEta(), t.varianceXi(), t.varianceEta(),
            t.evokedResponse(), t.overlap(), t.predicted().flr1(), t.predicted().flr2(), t.predicted().flr2Variance(),
            t.measured().speed(), t.measured().standardError(), t.measured().scale(), t.learningTime().time(),
            t.learningTime().finalOverlap()};
    }

    /** @return the resolved config as a tree with the same keys as a config file. */
    public static ObjectNode config(FlrConfig c) {
        return ConfigWriter.tree(c);
    }

    /**
     * @return the {@code regime} object: status, reasons and the number behind each criterion, with the thresholds
     *     (docs/model.md#regime)
     */
    public static ObjectNode regime(Regime g) {
        ObjectNode o = JSON.createObjectNode();
        o.put("status", g.status());
        ArrayNode reasons = o.putArray("reasons");
        g.reasons().forEach(x -> reasons.add(x.id()));
        Finite.put(o, "linear_gain", g.linearGain());
        Finite.put(o, "mean_state_gain", g.meanStateGain());
        Finite.put(o, "top_eigenvalue_relative_se", g.topEigenvalueRelativeError());
        Finite.put(o, "between_trial_share", g.betweenTrialShare());
        Finite.put(o, "opposed_overlap", g.opposedOverlap());
        ObjectNode t = o.putObject("thresholds");
        t.put("near_critical", Regime.NEAR_CRITICAL);
        t.put("supercritical", Regime.SUPERCRITICAL);
        t.put("top_eigenvalue_relative_se", Regime.NOT_CONVERGED);
        t.put("between_trial_share", Regime.TRIALS_DISAGREE);
        return o;
    }

    private static ObjectNode agreement(Agreement a) {
        ObjectNode o = JSON.createObjectNode();
        Finite.put(o, "pearson_r", a.pearsonR());
        Finite.put(o, "loglog_slope", a.loglogSlope());
        Finite.put(o, "fit_slope", a.fitSlope());
        Finite.put(o, "loglog_r", a.loglogR());
        o.put("positive_pairs", a.positivePairs());
        return o;
    }

    /** Writes {@code summary.json}. */
    public static void writeSummary(FlrResult r, Path file) throws IOException {
        JSON.writeValue(file.toFile(), summary(r));
    }

    /** Writes {@code tasks.csv}: a header and one row per task. */
    public static void writeTasks(FlrResult r, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", TASK_COLUMNS));
            w.write('\n');
            for (TaskResult t : r.tasks()) {
                double[] row = row(t);
                StringBuilder sb = new StringBuilder().append(t.index());
                for (int i = 1; i < row.length; i++) {
                    sb.append(',');
                    if (Double.isFinite(row[i])) {
                        sb.append(String.format(Locale.ROOT, "%.10g", row[i]));
                    }
                }
                w.write(sb.append('\n').toString());
            }
        }
    }
}
