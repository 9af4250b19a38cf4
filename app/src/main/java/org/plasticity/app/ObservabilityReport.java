package org.plasticity.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.plasticity.app.report.HtmlPage;
import org.plasticity.learnability.observability.ObservabilityResult;

/**
 * {@code report.html} of {@code observability}: one self-contained page with the network and the design, the table,
 * the figure (embedded) and how to read them.
 */
final class ObservabilityReport {
    private ObservabilityReport() {}

    static void write(ObservabilityResult r, Path config, Path png, Path file) throws IOException {
        StringBuilder h = HtmlPage.open("Observability", "How well learnability works on recordings", "");
        h.append("<ul>\n");
        for (String line : header(r, config)) {
            h.append("<li>").append(HtmlPage.esc(line)).append("</li>\n");
        }
        h.append("</ul>\n<table>\n<tr><th>K \\ samples</th>");
        for (int s = 0; s < r.samples().length; s++) {
            h.append(String.format(Locale.ROOT, "<th>%d (%.0f tau)</th>", r.samples()[s], r.inAutocorrelationTimes(s)));
        }
        h.append("</tr>\n");
        for (int k = 0; k < r.neurons().length; k++) {
            h.append("<tr><th>").append(r.neurons()[k]).append("</th>");
            for (int s = 0; s < r.samples().length; s++) {
                h.append(String.format(Locale.ROOT, "<td>%.3f &plusmn; %.3f</td>",
                        ObservabilityResult.mean(r.spearman(), k, s), ObservabilityResult.sd(r.spearman(), k, s)));
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n").append(HtmlPage.image(png, "observability.png"));
        h.append("<p>").append(HtmlPage.esc("Each cell: the Spearman rank correlation, across the tasks, between learnability's"
                + " FLR2 (xi^T C xi / N)(eta^T C^2 eta / N) computed from a recording of K units over n samples (the "
                + "targets and inputs restricted to those units) and the speed measured by learning, as mean +- sd over"
                + " the repeats. The sd is the spread a single recording of that size would see. tau is the "
                + "autocorrelation time of the recorded activity: n / tau counts roughly independent samples."))
                .append("</p>\n<p>Numbers: summary.json (every repeat's r, the variance form, the agreement with the "
                        + "experiment's FLR2) and observability.csv.</p>\n");
        HtmlPage.close(h, file);
    }

    static List<String> header(ObservabilityResult r, Path config) {
        return List.of(String.format(Locale.ROOT, "Experiment: %s (seed %d): N = %d units, %d %s tasks, rule %s, speed "
                        + "%s", config, r.config().seed(), r.units(), r.measured().length, r.config().task().type(),
                        r.config().rule(), r.config().speed().method().toString().toLowerCase(Locale.ROOT).replace('_', '-')),
                String.format(Locale.ROOT, "The experiment's own FLR2 (all units, its spontaneous run) against the "
                        + "measured speeds: Spearman %.3f (variance form %.3f)", r.experimentSpearman(),
                        r.experimentSpearmanVarianceForm()),
                String.format(Locale.ROOT, "Recordings: %d repeats, each an independent spontaneous run sampled every "
                        + "%.3g time units, with its own random order of the units; autocorrelation time %.2f samples "
                        + "(%.3g time units); covariance: %s", r.repeats(), r.sampleInterval(),
                        r.autocorrelationTime(), r.autocorrelationTime() * r.sampleInterval(), r.estimator()));
    }
}
