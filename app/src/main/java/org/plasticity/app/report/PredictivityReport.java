package org.plasticity.app.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
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
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(HtmlReport.esc(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:right}th{background:#f4f4f4}img{max-width:100%;border:1px solid #ddd}")
                .append("td:first-child,td:nth-child(2){text-align:left}\n</style></head><body>\n<h1>")
                .append(HtmlReport.esc(title)).append("</h1>\n<ul>\n");
        for (String line : header) {
            h.append("<li>").append(HtmlReport.esc(line)).append("</li>\n");
        }
        h.append("</ul>\n<table><tr>");
        for (String c : columns) {
            h.append("<th>").append(HtmlReport.esc(c)).append("</th>");
        }
        h.append("</tr>\n");
        for (List<String> row : rows) {
            h.append("<tr>");
            for (String cell : row) {
                h.append("<td>").append(HtmlReport.esc(cell)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        for (Path png : pngs) {
            h.append("<p><img alt=\"").append(HtmlReport.esc(png.getFileName().toString()))
                    .append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(Files.readAllBytes(png))).append("\"></p>\n");
        }
        for (String n : notes) {
            h.append("<p>").append(HtmlReport.esc(n)).append("</p>\n");
        }
        h.append("<p>Numbers: summary.json, scores.csv and neurons.csv (per neuron, with its own ceiling).</p>\n")
                .append("<script>window.addEventListener('load', function () {\n")
                .append("  var ok = Array.prototype.every.call(document.images, function (i) {\n")
                .append("    return i.complete && i.naturalWidth > 0; });\n")
                .append("  document.body.setAttribute('data-figures-loaded', ok ? 'yes' : 'no');\n")
                .append("});</script>\n</body></html>\n");
        Files.writeString(file, h.toString(), StandardCharsets.UTF_8);
    }
}
