package org.plasticity.app.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.plasticity.layered.training.EpochRecord;
import org.plasticity.layered.training.TrainResult;

/**
 * {@code report.html} of {@code train} and {@code compare}: one self-contained page (plots embedded) with the
 * per-rule table, the learning curves, the alignment plot and each rule's settings.
 */
public final class TrainingReport {
    private TrainingReport() {}

    public static void write(String title, List<TrainResult> results, List<Path> pngs, Path file) throws IOException {
        StringBuilder h = HtmlPage.open(title, title, "td:first-child{text-align:left}");
        h.append("<table><tr><th>rule</th><th>layers</th><th>epochs</th>")
                .append("<th>train accuracy</th><th>test accuracy</th><th>update vs backprop, per layer (deg)</th>")
                .append("<th>W vs feedback, per layer (deg)</th><th>lr hidden / output</th><th>seconds</th></tr>\n");
        for (TrainResult r : results) {
            EpochRecord last = r.last();
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%d</td><td>%.2f %%</td><td>%.2f %%</td>"
                            + "<td>%s</td><td>%s</td><td>%s / %s</td><td>%.1f</td></tr>%n", r.rule(), layers(r.sizes()),
                    r.config().epochs(), 100 * last.trainAccuracy(), 100 * last.testAccuracy(),
                    angles(last.updateAngles()), angles(last.weightFeedbackAngles()), r.config().lr(),
                    r.config().outputLr(), r.wallSeconds()));
        }
        h.append("</table>\n<p>Angles: 0 is the same direction, 90 unrelated. The update angle compares each rule's ")
                .append("direction with backprop's on a fixed probe batch; W vs feedback compares a layer's forward ")
                .append("weights with the matrix that carries its error down (none for backprop, node perturbation ")
                .append("and segregated dendrites).</p>\n");
        for (Path png : pngs) {
            h.append(HtmlPage.image(png, png.getFileName().toString()));
        }
        h.append("<p>Numbers: summary.json (with each rule's full settings and seed) and epochs.csv.</p>\n");
        HtmlPage.close(h, file);
    }

    private static String angles(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) {
            b.append(b.length() == 0 ? "" : ", ").append(Double.isFinite(x)
                    ? String.format(Locale.ROOT, "%.1f", x) : "&mdash;");
        }
        return b.toString();
    }

    private static String layers(int[] sizes) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sizes.length; i++) {
            b.append(i == 0 ? "" : "-").append(sizes[i]);
        }
        return b.toString();
    }
}
