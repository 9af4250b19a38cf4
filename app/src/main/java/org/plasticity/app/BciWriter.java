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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.plasticity.Version;
import org.plasticity.app.io.Finite;
import org.plasticity.learnability.BciResult;

/**
 * Writes the results of {@code learnability --bci} (docs/learnability.md#bci): {@code summary.json} with a
 * {@code bci} section (the learning curve among it), {@code scores.csv} (a row per decoder) and the tables printed
 * at the end (also {@code results.md}). Scores carry their intervals as
 * flat keys {@code <estimator>_ci_low}, {@code <estimator>_ci_high}, as in {@code learnability}'s own outputs.
 */
final class BciWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BciWriter() {}

    /** @return the score keys of a decoder: each estimator, then the session's manifold. */
    static List<String> scoreKeys(BciResult r) {
        List<String> k = new ArrayList<>(r.estimators());
        k.add("session-manifold");
        return k;
    }

    /** @return decoder d's score {@code key}: value, low, high (NaN where not defined). */
    static double[] score(BciResult r, String key, int d) {
        int e = r.estimators().indexOf(key);
        if (e < 0) {
            return new double[] {r.sessionManifold()[d], Double.NaN, Double.NaN};
        }
        return new double[] {r.scores()[e][d], r.low()[e][d], r.high()[e][d]};
    }

    static void writeSummary(BciResult r, Path recording, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("command", "learnability --bci");
        root.put("version", Version.get());
        root.put("java", System.getProperty("java.version"));
        root.put("seed", r.seed());
        ObjectNode b = root.putObject("bci");
        ObjectNode s = b.putObject("session");
        s.put("file", recording.toString());
        s.put("units", r.units());
        s.put("factors", r.factors());
        s.put("intuitive_steps", r.intuitiveSteps());
        s.put("intuitive_steps_outside_freeze", r.samples());
        Finite.put(s, "velnext_reproduction_intuitive", r.reproduction()[0]);
        Finite.put(s, "velnext_reproduction_perturbed", r.reproduction()[1]);
        Finite.put(s, "readout_mismatch_factor_decoder", r.readoutMismatch());
        ArrayNode perm = s.putArray("perturbed_factor_permutation");
        if (r.perturbedPermutation() != null) {
            Arrays.stream(r.perturbedPermutation()).forEach(perm::add);
        }
        ObjectNode defs = b.putObject("definitions");
        defs.put("readout", "W = the nDecoder's M2 (2 x units): velNext = M0 + M1 vel + M2 spikes; equal to the"
                + " fDecoder composed with the factor-analysis posterior mean (readout_mismatch_factor_decoder)");
        defs.put("score", "target variance tr(W C W^T) / N of the intuitive block's counts outside freeze periods");
        defs.put("within", "G P N: the factor readout G of the intuitive decoder with its unit-variance factors"
                + " permuted (Sadtler et al. 2014); N = diag(1/factorStd) beta diag(1/sd) the posterior mean");
        defs.put("outside", "W Q: the intuitive readout reading a permuted set of units, W'[:, i] = W[:, perm[i]]");
        defs.put("session-manifold", "C = diag(sd) L L^T diag(sd), the session's own factor-analysis shared"
                + " covariance of the counts (no interval)");
        defs.put("auc", "P(within-manifold score > outside-manifold score), ties half");
        defs.put("angular_error", "mean |angle(velNext) - thetas| in degrees over steps outside freeze periods;"
                + " angles clockwise (y down): atan2(-vy, vx)");
        ObjectNode boot = b.putObject("bootstrap");
        boot.put("method", "moving block over the intuitive block's steps outside freeze periods, percentile");
        boot.put("resamples", r.resamples());
        boot.put("dropped", r.dropped());
        boot.put("level", r.level());
        boot.put("block", r.block());
        Finite.put(boot, "autocorrelation_time", r.autocorrelationTime());
        ArrayNode decs = b.putArray("decoders");
        for (int d = 0; d < r.decoders().size(); d++) {
            BciResult.Decoder dec = r.decoders().get(d);
            ObjectNode o = decs.addObject();
            o.put("family", dec.family());
            o.put("index", dec.index());
            if (dec.permutation() == null) {
                o.putNull("permutation");
            } else {
                ArrayNode p = o.putArray("permutation");
                Arrays.stream(dec.permutation()).forEach(p::add);
            }
            Finite.put(o, "readout_norm", dec.norm());
            Finite.put(o, "outside_fraction", dec.outsideFraction());
            for (String k : scoreKeys(r)) {
                double[] v = score(r, k, d);
                Finite.put(o, k, v[0]);
                Finite.put(o, k + "_ci_low", v[1]);
                Finite.put(o, k + "_ci_high", v[2]);
            }
        }
        ArrayNode sep = b.putArray("separation");
        for (BciResult.Separation x : r.separation()) {
            ObjectNode o = sep.addObject();
            o.put("score", x.score());
            Finite.put(o, "auc_within_over_outside", x.auc());
            Finite.put(o, "within_median", x.withinMedian());
            Finite.put(o, "outside_median", x.outsideMedian());
            Finite.put(o, "intuitive", x.intuitive());
            Finite.put(o, "perturbed", x.perturbed());
            Finite.put(o, "perturbed_quantile_within", x.perturbedQuantileWithin());
        }
        ObjectNode curve = b.putObject("learning_curve");
        window(curve.putObject("intuitive_block"), r.baseline());
        ArrayNode w = curve.putArray("perturbed_windows");
        r.curve().forEach(x -> window(w.addObject(), x));
        JSON.writeValue(file.toFile(), root);
    }

    private static void window(ObjectNode o, BciResult.Window w) {
        o.put("first_trial", w.firstTrial());
        o.put("trials", w.trials());
        o.put("steps", w.steps());
        Finite.put(o, "angular_error_deg", w.angularError());
        Finite.put(o, "cosine", w.cosine());
        Finite.put(o, "variance_along_perturbed", w.varianceNew());
        Finite.put(o, "variance_along_intuitive", w.varianceIntuitive());
    }

    /** {@code scores.csv}: family, index, readout norm, outside fraction, every score and interval. */
    static void writeDecoders(BciResult r, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("family,index,readout_norm,outside_fraction");
            for (String k : scoreKeys(r)) {
                w.write("," + k + "," + k + "_ci_low," + k + "_ci_high");
            }
            w.write(",permutation\n");
            for (int d = 0; d < r.decoders().size(); d++) {
                BciResult.Decoder dec = r.decoders().get(d);
                w.write(dec.family() + "," + dec.index() + "," + Finite.csv(dec.norm()) + "," + Finite.csv(dec.outsideFraction()));
                for (String k : scoreKeys(r)) {
                    double[] v = score(r, k, d);
                    w.write("," + Finite.csv(v[0]) + "," + Finite.csv(v[1]) + "," + Finite.csv(v[2]));
                }
                w.write("," + (dec.permutation() == null ? "" : Arrays.toString(dec.permutation())
                        .replace(", ", " ").replace("[", "").replace("]", "")) + "\n");
            }
        }
    }

    /** @return the tables printed at the end: the session decoders and family medians, the separation, the curve. */
    static String table(BciResult r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %d units, %d factors; intuitive block %d steps, %d outside freeze"
                + " periods; %d within- and %d outside-manifold perturbations%s%n%n", r.source(), r.units(),
                r.factors(), r.intuitiveSteps(), r.samples(), count(r, "within"), count(r, "outside"),
                r.resamples() == 0 ? "" : String.format(Locale.ROOT, "; %.0f %% intervals from %d block-bootstrap"
                        + " resamples (block %d)", 100 * r.level(), r.resamples(), r.block())));
        b.append("| score | intuitive | perturbed (session) | within median | outside median | AUC within > outside |\n");
        b.append("|---|---:|---:|---:|---:|---:|\n");
        for (BciResult.Separation x : r.separation()) {
            int e = r.estimators().indexOf(x.score());
            b.append("| ").append(x.score()).append(" | ").append(e < 0 ? g(x.intuitive()) : cell(r, e, 0))
                    .append(" | ").append(e < 0 ? g(x.perturbed()) : cell(r, e, 1)).append(" | ")
                    .append(g(x.withinMedian())).append(" | ").append(g(x.outsideMedian())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.3f", x.auc())).append(" |\n");
        }
        b.append("\n| block | trials | steps | angular error (deg) | variance along perturbed | along intuitive |\n");
        b.append("|---|---:|---:|---:|---:|---:|\n");
        List<BciResult.Window> all = new ArrayList<>();
        all.add(r.baseline());
        all.addAll(r.curve());
        for (int i = 0; i < all.size(); i++) {
            BciResult.Window x = all.get(i);
            b.append(String.format(Locale.ROOT, "| %s | %d-%d | %d | %.1f | %s | %s |%n",
                    i == 0 ? "intuitive" : "perturbed " + i, x.firstTrial(), x.firstTrial() + x.trials() - 1,
                    x.steps(), x.angularError(), g(x.varianceNew()), g(x.varianceIntuitive())));
        }
        return b.toString();
    }

    static long count(BciResult r, String family) {
        return r.decoders().stream().filter(d -> d.family().equals(family)).count();
    }

    private static String cell(BciResult r, int e, int d) {
        String v = g(r.scores()[e][d]);
        return Double.isFinite(r.low()[e][d]) ? v + " [" + g(r.low()[e][d]) + ", " + g(r.high()[e][d]) + "]" : v;
    }

    static String g(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "-";
    }
}
