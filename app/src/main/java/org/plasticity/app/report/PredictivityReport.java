package org.plasticity.app.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code report.html} of {@code predictivity} and {@code brainlike}: one self-contained page (plots embedded) with
 * the recording and method, the scores table, the plots and the caveats that go with the numbers.
 */
public final class PredictivityReport {
    private PredictivityReport() {}

    /**
     * @param header lines about the recording, stimuli and method, shown as a list
     * @param columns the table's header
     * @param rows the table's cells, already formatted
     * @param notes paragraphs under the plots (how to read the numbers, caveats)
     */
    public static void write(String title, List<String> header, List<String> columns, List<List<String>> rows,
                             List<Path> pngs, List<String> notes, Path file) throws IOException {
        StringBuilder h = HtmlPage.open(title, title, "td:first-child,td:nth-child(2){text-align:left}");
        h.append("<ul>\n");
        for (String line : header) {
            h.append("<li>").append(HtmlPage.esc(line)).append("</li>\n");
        }
        h.append("</ul>\n<table><tr>");
        for (String c : columns) {
            h.append("<th>").append(HtmlPage.esc(c)).append("</th>");
        }
        h.append("</tr>\n");
        for (List<String> row : rows) {
            h.append("<tr>");
            for (String cell : row) {
                h.append("<td>").append(HtmlPage.esc(cell)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        for (Path png : pngs) {
            h.append(HtmlPage.image(png, png.getFileName().toString()));
        }
        for (String n : notes) {
            h.append("<p>").append(HtmlPage.esc(n)).append("</p>\n");
        }
        h.append("<p>Numbers: summary.json, scores.csv and neurons.csv (per neuron, with its own ceiling).</p>\n");
        HtmlPage.close(h, file);
    }
}
