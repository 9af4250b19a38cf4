package org.plasticity.app.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The frame every {@code report.html} shares: one self-contained page (plots embedded as PNG data, no external
 * assets) in the house style, ending in a script that marks, once loaded, whether every image decoded (what the
 * headless-browser test reads back from the DOM).
 */
public final class HtmlPage {
    /** The style every report starts from; a page adds its own rules after it. */
    static final String STYLE = "body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}"
            + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;"
            + "text-align:right}th{background:#f4f4f4}img{max-width:100%;border:1px solid #ddd}";

    private HtmlPage() {}

    /**
     * @param title the page's title
     * @param heading its {@code h1}
     * @param style CSS rules added to {@link #STYLE} (may be empty)
     * @return the page up to and including the heading
     */
    public static StringBuilder open(String title, String heading, String style) {
        return new StringBuilder().append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(esc(title)).append("</title>\n<style>\n").append(STYLE).append(style)
                .append("\n</style></head><body>\n<h1>").append(esc(heading)).append("</h1>\n");
    }

    /** @return a paragraph holding the PNG at {@code png}, embedded. */
    public static String image(Path png, String alt) throws IOException {
        return "<p><img alt=\"" + esc(alt) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(Files.readAllBytes(png)) + "\"></p>\n";
    }

    /** Ends the page with the image-check script and writes it as UTF-8. */
    public static void close(StringBuilder h, Path file) throws IOException {
        h.append("<script>window.addEventListener('load', function () {\n")
                .append("  var ok = Array.prototype.every.call(document.images, function (i) {\n")
                .append("    return i.complete && i.naturalWidth > 0; });\n")
                .append("  document.body.setAttribute('data-figures-loaded', ok ? 'yes' : 'no');\n")
                .append("});</script>\n</body></html>\n");
        Files.writeString(file, h.toString(), StandardCharsets.UTF_8);
    }

    /** @return {@code s} with HTML's special characters escaped. */
    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
