package org.plasticity.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plasticity.app.report.HtmlPage;
import org.plasticity.learnability.LearnabilityResult;

/**
 * {@code report.html} of {@code learnability}: one self-contained page (the plot embedded) with the recording, the
 * estimator and the bootstrap, the table of the best pairs, the plot and how to read the numbers.
 */
final class LearnabilityReport {
    private LearnabilityReport() {}

    static void write(LearnabilityResult r, LearnabilityWriter.Inputs in, String table, Path png, Path file)
            throws IOException {
        StringBuilder h = HtmlPage.open("Learnability", "Learnability from a recording", "code{background:#f4f4f4}");
        h.append("<ul>\n");
        for (String line : header(r, in)) {
            h.append("<li>").append(HtmlPage.esc(line)).append("</li>\n");
        }
        h.append("</ul>\n");
        appendTable(h, table);
        h.append(HtmlPage.image(png, "learnability.png"));
        for (String n : notes(r)) {
            h.append("<p>").append(HtmlPage.esc(n)).append("</p>\n");
        }
        h.append("<p>Numbers: summary.json and pairs.csv (every pair, with its rank and intervals).</p>\n");
        HtmlPage.close(h, file);
    }

    static List<String> header(LearnabilityResult r, LearnabilityWriter.Inputs in) {
        StringBuilder est = new StringBuilder("Covariance: " + r.estimator());
        for (Map.Entry<String, Double> e : r.estimatorDetails().entrySet()) {
            est.append(String.format(Locale.ROOT, "; %s %.4g", e.getKey(), e.getValue()));
        }
        return List.of("Recording: " + in.recording() + (in.variable() == null ? "" : " (" + in.variable() + ")")
                        + " (" + r.samples() + " samples x " + r.neurons() + " neurons"
                        + (in.neuronsBySamples() ? ", read as neurons x samples" : "") + ")",
                "Targets: " + in.targets() + " (" + in.targetRows() + " rows); inputs: "
                        + (in.inputs() == null ? "none (target variance alone)" : in.inputs() + " (" + in.inputRows()
                        + " rows)") + (r.normalised() ? "; every direction rescaled to length sqrt(N)" : ""),
                est.toString(),
                r.resamples() == 0 ? "Intervals: none (--bootstrap 0)" : String.format(Locale.ROOT,
                        "Intervals: %.0f %% percentile, %d moving-block resamples, block %d samples (%s; "
                                + "autocorrelation time %.2f samples, %.1f blocks in the recording), seed %d",
                        100 * r.level(), r.resamples(), r.block(), r.blockAutomatic() ? "automatic" : "given",
                        r.autocorrelationTime(), r.blocks(), r.seed()));
    }

    static List<String> notes(LearnabilityResult r) {
        return List.of("flr2 = (xi^T C xi / N)(eta^T C^2 eta / N) is the linear-response form of FLR2 and "
                        + "flr2_variance_form = (xi^T C xi / N)(eta^T C eta / N)(tr C / N) its variance form "
                        + "(docs/model.md#flr2); both leave out the prefactor kappa^3 gamma^2, the same for every pair."
                        + " They predict the initial learning speed of Hebbian-type learning of target xi from input"
                        + " eta; only their ranking and ratios carry over to a recording.",
                "The intervals resample blocks of consecutive samples, so that the recording's autocorrelation is "
                        + "kept; they cover the sampling noise of the recording only, not whether FLR2 holds for the "
                        + "recorded circuit." + (r.estimator().equals("factor-analysis") ? " With factor analysis C is"
                        + " the shared covariance L^T L alone, without the private variances." : ""));
    }

    /** Turns the Markdown table of {@link LearnabilityWriter#table} into HTML (its first line as a caption). */
    private static void appendTable(StringBuilder h, String markdown) {
        List<String> lines = markdown.lines().toList();
        h.append("<p>").append(HtmlPage.esc(lines.get(0))).append("</p>\n<table>\n");
        boolean head = true;
        for (String line : lines.subList(1, lines.size())) {
            if (!line.startsWith("|")) {
                if (!line.isBlank()) {
                    h.append("</table>\n<p>").append(HtmlPage.esc(line)).append("</p>\n<table>\n");
                }
                continue;
            }
            if (line.startsWith("|---")) {
                head = false;
                continue;
            }
            h.append("<tr>");
            String[] cells = line.substring(1, line.length() - 1).split("\\|");
            for (String c : cells) {
                String tag = head ? "th" : "td";
                h.append('<').append(tag).append('>').append(HtmlPage.esc(c.strip())).append("</").append(tag).append('>');
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }
}
