package org.plasticity.app.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plasticity.app.io.ResultWriter;
import org.plasticity.papers.kurikawa2025.FigureKind;
import org.plasticity.papers.kurikawa2025.FigureResult;

/**
 * {@code report.html}: one self-contained page (figures embedded as PNG data, no external assets) with, per figure,
 * the paper's claim, the regenerated plot, the verdict computed from the numbers, the table and the config.
 */
public final class HtmlReport {
    private HtmlReport() {}

    /**
     * @param pngs  the figure images, in the order of {@code figures}
     * @param notes per figure id, one line for each experiment run whose regime is not ok (docs/model.md#regime);
     *              a figure with lines gets them in a note under its verdict
     */
    public static void write(List<FigureResult> figures, List<Path> pngs, Map<String, List<String>> notes,
                             String header, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<title>Plasticity: fluctuation-learning reproduction</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:right}th{background:#f4f4f4}.ok{color:#1a7f37;font-weight:bold}")
                .append(".no{color:#b42318;font-weight:bold}pre{background:#f7f7f7;padding:.5em;overflow:auto;")
                .append("font-size:85%}.regime{color:#9a3412}img{max-width:100%;border:1px solid #ddd}section{margin-bottom:2.5em}\n")
                .append("</style></head><body>\n<h1>Fluctuation-learning relation: regenerated figures</h1>\n")
                .append("<p>").append(HtmlPage.esc(header)).append("</p>\n<table><tr><th>figure</th><th>claim</th>")
                .append("<th>verdict</th></tr>\n");
        for (FigureResult f : figures) {
            h.append("<tr><td><a href=\"#").append(f.id()).append("\">").append(HtmlPage.esc(f.id())).append("</a></td><td ")
                    .append("style=\"text-align:left\">").append(HtmlPage.esc(f.claim())).append("</td><td class=\"")
                    .append(f.reproduced() ? "ok\">reproduced" : "no\">not reproduced").append("</td></tr>\n");
        }
        h.append("</table>\n");
        for (int k = 0; k < figures.size(); k++) {
            FigureResult f = figures.get(k);
            String png = Base64.getEncoder().encodeToString(Files.readAllBytes(pngs.get(k)));
            h.append("<section id=\"").append(f.id()).append("\"><h2>").append(HtmlPage.esc(f.title())).append("</h2>\n")
                    .append("<p><b>Paper:</b> ").append(HtmlPage.esc(f.claim())).append("</p>\n")
                    .append("<p><b>Verdict:</b> <span class=\"").append(f.reproduced() ? "ok\">reproduced" : "no\">not reproduced")
                    .append("</span>: ").append(HtmlPage.esc(f.verdictDetail())).append("</p>\n");
            List<String> regime = notes.getOrDefault(f.id(), List.of());
            if (!regime.isEmpty()) {
                h.append("<div class=\"regime\"><p><b>Regime:</b> ").append(regime.size())
                        .append(regime.size() == 1 ? " run is" : " runs are")
                        .append(" flagged by the regime check (FLR1 and FLR2 assume linear response around one quiet"
                                + " state):</p><ul>\n");
                regime.forEach(l -> h.append("<li>").append(HtmlPage.esc(l)).append("</li>\n"));
                h.append("</ul></div>\n");
            }
            h.append("<img alt=\"").append(HtmlPage.esc(f.title())).append("\" src=\"data:image/png;base64,")
                    .append(png).append("\">\n<table>");
            if (f.kind() != FigureKind.SWEEP) {
                h.append("<tr><th>quantity</th><th>value</th></tr>\n");
                f.numbers().forEach((name, v) -> h.append("<tr><td style=\"text-align:left\">").append(HtmlPage.esc(name))
                        .append("</td><td>").append(String.format(Locale.ROOT, "%.4g", v)).append("</td></tr>\n"));
            } else {
                h.append("<tr>");
                for (String c : f.columns()) {
                    h.append("<th>").append(HtmlPage.esc(c.equals("x") ? f.xLabel() : c)).append("</th>");
                }
                h.append("</tr>\n");
                for (double[] row : f.rows()) {
                    h.append("<tr>");
                    for (double v : row) {
                        h.append("<td>").append(String.format(Locale.ROOT, "%.5g", v)).append("</td>");
                    }
                    h.append("</tr>\n");
                }
            }
            h.append("</table>\n<details><summary>config (seed ").append(f.baseConfig().seed())
                    .append("; the swept field varies)</summary><pre>")
                    .append(HtmlPage.esc(json.writerWithDefaultPrettyPrinter().writeValueAsString(
                            ResultWriter.config(f.baseConfig()))))
                    .append("</pre></details></section>\n");
        }
        HtmlPage.close(h, file);
    }
}
