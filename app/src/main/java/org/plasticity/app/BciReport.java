package org.plasticity.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.plasticity.app.report.HtmlPage;
import org.plasticity.learnability.BciResult;

/**
 * {@code report.html} of {@code learnability --bci}: one self-contained page (the figure embedded) with the session,
 * how the decoders were built and scored, the tables, the figure and the plain reading of the numbers.
 */
final class BciReport {
    private BciReport() {}

    static void write(BciResult r, String table, Path png, Path file) throws IOException {
        StringBuilder h = HtmlPage.open("BCI learnability", "Learnability of BCI decoders from a session",
                "body{max-width:1200px}");
        for (String p : intro(r)) {
            h.append("<p>").append(HtmlPage.esc(p)).append("</p>\n");
        }
        appendTables(h, table);
        h.append(HtmlPage.image(png, "bci.png"));
        for (String p : reading(r)) {
            h.append("<p>").append(HtmlPage.esc(p)).append("</p>\n");
        }
        h.append("<p>Numbers: summary.json (the bci section, with the learning curve), scores.csv (a row per decoder), results.md. Method and sources:"
                        + " docs/learnability.md#bci (Sadtler et al. 2014, Nature 512:423; Hennig et al. 2018, eLife)."
                        + "</p>\n");
        HtmlPage.close(h, file);
    }

    private static List<String> intro(BciResult r) {
        return List.of(String.format(Locale.ROOT, "Session %s: %d units, a %d-factor intrinsic manifold. Activity: the"
                        + " intuitive block's %d steps outside freeze periods (of %d; in a freeze period the cursor"
                        + " is held still at a trial's start, so the activity there does not move it).", r.source(),
                        r.units(), r.factors(), r.samples(), r.intuitiveSteps()),
                "Each decoder is its readout W of the spike counts (2 x units, velocity x and y): the nDecoder's M2."
                        + " Within-manifold perturbations permute the decoder's unit-variance factors, outside-"
                        + "manifold ones the units it reads (Sadtler et al. 2014). The score is the target variance"
                        + " tr(W C W^T) / N of the activity under each covariance estimate; /norm2 rows divide it by"
                        + " the readout's squared length (per N).");
    }

    private static List<String> reading(BciResult r) {
        BciResult.Separation s = r.separation().get(0);
        BciResult.Window first = r.curve().get(0);
        BciResult.Window last = r.curve().get(r.curve().size() - 1);
        return List.of(String.format(Locale.ROOT, "Under the sample covariance, within-manifold perturbations score"
                        + " above outside-manifold ones with probability %.3f (AUC); the medians are %.4g and %.4g,"
                        + " the intuitive decoder %.4g and the session's perturbed decoder %.4g (above %.0f %% of the"
                        + " within-manifold family).", s.auc(), s.withinMedian(), s.outsideMedian(), s.intuitive(),
                        s.perturbed(), 100 * s.perturbedQuantileWithin()),
                String.format(Locale.ROOT, "In the perturbed block the angular error went from %.1f deg (trials"
                        + " %d-%d) to %.1f deg (trials %d-%d); under the intuitive decoder it was %.1f deg. The"
                        + " variance of the activity along the perturbed decoder went from %.4g to %.4g (%.4g in the"
                        + " intuitive block).", first.angularError(), first.firstTrial(),
                        first.firstTrial() + first.trials() - 1, last.angularError(), last.firstTrial(),
                        last.firstTrial() + last.trials() - 1, r.baseline().angularError(), first.varianceNew(),
                        last.varianceNew(), r.baseline().varianceNew()),
                "A variance score measures how much the activity already varies along a readout; it does not measure"
                        + " learning. One session holds one perturbation, so the data can say whether the scores"
                        + " separate the families, not whether the separation predicts learning speed across"
                        + " perturbations.");
    }

    private static void appendTables(StringBuilder h, String table) {
        boolean open = false;
        for (String line : table.split("\n")) {
            if (line.startsWith("|---")) {
                continue;
            }
            if (line.startsWith("|")) {
                if (!open) {
                    h.append("<table>\n");
                    open = true;
                }
                h.append("<tr>");
                for (String c : line.substring(1, line.length() - 1).split("\\|")) {
                    h.append("<td>").append(HtmlPage.esc(c.trim())).append("</td>");
                }
                h.append("</tr>\n");
            } else {
                if (open) {
                    h.append("</table>\n");
                    open = false;
                }
                if (!line.isBlank()) {
                    h.append("<p>").append(HtmlPage.esc(line)).append("</p>\n");
                }
            }
        }
        if (open) {
            h.append("</table>\n");
        }
    }
}
