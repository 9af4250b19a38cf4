package org.plasticity.app;

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
import java.util.Map;
import org.plasticity.Version;
import org.plasticity.app.io.Finite;
import org.plasticity.learnability.BlockBootstrap;
import org.plasticity.learnability.LearnabilityResult;
import org.plasticity.learnability.PairScores;

/**
 * Writes the results of {@code learnability} (docs/learnability.md#outputs): {@code summary.json}, {@code pairs.csv}
 * (a row per pair) and the table of {@code results.md}. Every score comes with its interval as two flat keys,
 * {@code <score>_ci_low} and {@code <score>_ci_high}, in both files; a score that is not defined (no inputs) or an
 * interval that was not computed ({@code --bootstrap 0}) is null in JSON and an empty cell in CSV.
 */
final class LearnabilityWriter {
    /** The scores in the order of {@link PairScores#get(int)}, as named in the results. */
    static final List<String> SCORES = List.of("flr2", "flr2_variance_form", "target_variance", "input_variance");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LearnabilityWriter() {}

    /** What the user gave, for the provenance in {@code summary.json}. */
    record Inputs(Path recording, String variable, boolean neuronsBySamples, Path targets, int targetRows,
                  Path inputs, int inputRows, Integer factors) {}

    static void writeSummary(LearnabilityResult r, Inputs in, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("command", "learnability");
        root.put("version", Version.get());
        root.put("java", System.getProperty("java.version"));
        root.put("seed", r.seed());
        ObjectNode rec = root.putObject("recording");
        rec.put("file", in.recording().toString());
        rec.put("variable", in.variable());
        rec.put("layout", in.neuronsBySamples() ? "neurons x samples (transposed on reading)" : "samples x neurons");
        rec.put("samples", r.samples());
        rec.put("neurons", r.neurons());
        ObjectNode t = root.putObject("targets");
        t.put("file", in.targets().toString());
        t.put("rows", in.targetRows());
        if (in.inputs() == null) {
            root.putNull("inputs");
        } else {
            ObjectNode i = root.putObject("inputs");
            i.put("file", in.inputs().toString());
            i.put("rows", in.inputRows());
        }
        root.put("normalised", r.normalised());
        ObjectNode est = root.putObject("estimator");
        est.put("name", r.estimator());
        ObjectNode details = est.putObject("details");
        for (Map.Entry<String, Double> e : r.estimatorDetails().entrySet()) {
            Finite.put(details, e.getKey(), e.getValue());
        }
        ObjectNode defs = root.putObject("definitions");
        defs.put("flr2", "(xi^T C xi / N) (eta^T C^2 eta / N)");
        defs.put("flr2_variance_form", "(xi^T C xi / N) (eta^T C eta / N) (tr C / N)");
        defs.put("target_variance", "xi^T C xi / N");
        defs.put("input_variance", "eta^T C eta / N");
        defs.put("prefactor", "left out: kappa^3 gamma^2 (kappa = 2 beta / (sigma^2 tau)) is the same for every pair"
                + " and changes no ranking; multiply by it for the model's FLR2");
        ObjectNode boot = root.putObject("bootstrap");
        boot.put("method", "moving block, percentile intervals");
        boot.put("resamples", r.resamples());
        boot.put("dropped", r.dropped());
        boot.put("level", r.level());
        boot.put("block", r.block());
        boot.put("block_rule", r.blockAutomatic() ? String.format(Locale.ROOT,
                "max(ceil(n^(1/3)), ceil(%.0f autocorrelation times))", BlockBootstrap.TIMES_AUTOCORRELATION) : "given (--block)");
        Finite.put(boot, "autocorrelation_time", r.autocorrelationTime());
        Finite.put(boot, "blocks", r.blocks());
        root.put("ranked_by", r.rankedBy());
        ArrayNode ranking = root.putArray("ranking");
        for (int k : r.ranking()) {
            ranking.add(k);
        }
        int[] rank = ranks(r);
        ArrayNode pairs = root.putArray("pairs");
        for (int k = 0; k < r.pairs(); k++) {
            ObjectNode p = pairs.addObject();
            p.put("index", k);
            p.put("rank", rank[k]);
            p.put("target_row", in.targetRows() == 1 ? 0 : k);
            if (r.hasInputs()) {
                p.put("input_row", in.inputRows() == 1 ? 0 : k);
            } else {
                p.putNull("input_row");
            }
            for (int j = 0; j < SCORES.size(); j++) {
                String s = SCORES.get(j);
                Finite.put(p, s, r.estimate().get(j)[k]);
                Finite.put(p, s + "_ci_low", r.low().get(j)[k]);
                Finite.put(p, s + "_ci_high", r.high().get(j)[k]);
            }
        }
        JSON.writeValue(file.toFile(), root);
    }

    /** @return each pair's rank, 1 for the best. */
    static int[] ranks(LearnabilityResult r) {
        int[] rank = new int[r.pairs()];
        for (int i = 0; i < r.ranking().length; i++) {
            rank[r.ranking()[i]] = i + 1;
        }
        return rank;
    }

    /** {@code pairs.csv}: a row per pair, in index order, with its rank and every score and interval. */
    static void writePairs(LearnabilityResult r, Inputs in, Path file) throws IOException {
        int[] rank = ranks(r);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("index,rank,target_row,input_row");
            for (String s : SCORES) {
                w.write("," + s + "," + s + "_ci_low," + s + "_ci_high");
            }
            w.write("\n");
            for (int k = 0; k < r.pairs(); k++) {
                w.write(k + "," + rank[k] + "," + (in.targetRows() == 1 ? 0 : k) + ","
                        + (!r.hasInputs() ? "" : String.valueOf(in.inputRows() == 1 ? 0 : k)));
                for (int j = 0; j < SCORES.size(); j++) {
                    w.write("," + Finite.csv(r.estimate().get(j)[k]) + "," + Finite.csv(r.low().get(j)[k]) + ","
                            + Finite.csv(r.high().get(j)[k]));
                }
                w.write("\n");
            }
        }
    }

    /** @return the best {@code top} pairs as a Markdown table (printed and written to {@code results.md}). */
    static String table(LearnabilityResult r, int top) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d samples x %d neurons, %s covariance; %d pairs ranked by %s%s%n%n",
                r.samples(), r.neurons(), r.estimator(), r.pairs(), r.rankedBy(), r.resamples() == 0 ? ""
                        : String.format(Locale.ROOT, "; %.0f %% intervals from %d block-bootstrap resamples (block %d)",
                        100 * r.level(), r.resamples(), r.block())));
        List<Integer> shown = r.hasInputs() ? List.of(0, 1, 2, 3) : List.of(2);
        b.append("| rank | pair |");
        for (int j : shown) {
            b.append(' ').append(SCORES.get(j)).append(" |");
        }
        b.append("\n|---:|---:|").append("---:|".repeat(shown.size())).append('\n');
        int rows = Math.min(top, r.pairs());
        for (int i = 0; i < rows; i++) {
            int k = r.ranking()[i];
            b.append("| ").append(i + 1).append(" | ").append(k).append(" |");
            for (int j : shown) {
                b.append(' ').append(cell(r, j, k)).append(" |");
            }
            b.append('\n');
        }
        if (rows < r.pairs()) {
            b.append(String.format(Locale.ROOT, "%n%d more pairs in pairs.csv%n", r.pairs() - rows));
        }
        return b.toString();
    }

    /** @return the score with its interval, e.g. {@code 0.0123 [0.0101, 0.0150]}. */
    static String cell(LearnabilityResult r, int score, int pair) {
        String v = g(r.estimate().get(score)[pair]);
        double lo = r.low().get(score)[pair];
        return Double.isFinite(lo) ? v + " [" + g(lo) + ", " + g(r.high().get(score)[pair]) + "]" : v;
    }

    static String g(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "-";
    }
}
