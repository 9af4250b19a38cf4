package org.plasticity.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.app.Main;

/**
 * Renders report.html in headless Chromium (Debian's {@code chromium}, installed by .ci/run): every figure image
 * decodes, the page logs nothing to the console, and a screenshot is saved to target/report-screenshot.png. A broken
 * page must fail the same checks, so the checks are known to work.
 */
@Tag("slow") // outside the fast tier (mvn -Pfast): starts headless Chromium
class ReportInBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    static Path tmp;

    @BeforeAll
    static void needsChromium() {
        if (System.getenv("CI") != null) {
            assertTrue(Files.isExecutable(CHROMIUM), "CI installs chromium; it is missing");
        }
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed here");
    }

    record Page(String dom, List<String> console) {}

    static Page render(Path html, Path screenshot) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "profile");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=5000"));
        List<String> dumpCmd = new ArrayList<>(cmd);
        dumpCmd.add("--dump-dom");
        dumpCmd.add(html.toUri().toString());
        Path out = tmp.resolve("dom.txt");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(dumpCmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium finished");
        List<String> console = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(":CONSOLE")).toList();
        if (screenshot != null) {
            cmd.add("--window-size=1100,1600");
            cmd.add("--screenshot=" + screenshot.toAbsolutePath());
            cmd.add(html.toUri().toString());
            Process s = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("s.txt").toFile())
                    .start();
            assertTrue(s.waitFor(60, TimeUnit.SECONDS), "screenshot finished");
        }
        return new Page(Files.readString(out), console);
    }

    @Test
    void reportRendersWithEveryFigureAndNoConsoleError() throws Exception {
        Path out = tmp.resolve("paper");
        assertEquals(0, Main.run(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), "reproduce", "--scale", "smoke", "--out",
                out.toString(), "-q"));
        Path shot = Path.of("target", "report-screenshot.png");
        Files.createDirectories(shot.getParent());
        Files.deleteIfExists(shot);
        Page page = render(out.resolve("report.html"), shot);
        assertTrue(page.dom().contains("data-figures-loaded=\"yes\""), "every figure image loaded");
        assertEquals(List.of(), page.console(), "no console messages");
        assertTrue(Files.size(shot) > 20_000, "screenshot saved");
    }

    @Test
    void trainingReportRendersToo() throws Exception {
        Path out = tmp.resolve("xor");
        assertEquals(0, Main.run(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), "compare", "--rules", "bp,fa,burstprop", "--data",
                "xor", "--epochs", "200", "--out", out.toString(), "-q"));
        Page page = render(out.resolve("report.html"), null);
        assertTrue(page.dom().contains("data-figures-loaded=\"yes\""), "both plots loaded");
        assertTrue(page.dom().contains("<td>burstprop</td>"), "the table lists the rules");
        assertEquals(List.of(), page.console(), "no console messages");
    }

    @Test
    void predictivityReportRendersToo() throws Exception {
        // A synthetic recording (6 neurons, 60 stimuli, 4 repeats) and features that carry its signal: no images.
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        double[] signal = new double[6 * 60];
        double[] responses = new double[6 * 60 * 4];
        for (int i = 0; i < signal.length; i++) {
            signal[i] = rng.nextDouble();
            for (int k = 0; k < 4; k++) {
                responses[i * 4 + k] = signal[i] + 0.3 * rng.nextDouble();
            }
        }
        float[] features = new float[60 * 6];
        for (int n = 0; n < 6; n++) {
            for (int s = 0; s < 60; s++) {
                features[s * 6 + n] = (float) (signal[n * 60 + s] + 0.1 * rng.nextDouble());
            }
        }
        Path r = tmp.resolve("r.npy");
        Path f = tmp.resolve("layer.npy");
        try (java.io.OutputStream o = Files.newOutputStream(r)) {
            org.plasticity.numeric.Npy.write(o, new int[] {6, 60, 4}, responses);
        }
        try (java.io.OutputStream o = Files.newOutputStream(f)) {
            org.plasticity.numeric.Npy.write(o, new int[] {60, 6}, features);
        }
        Path out = tmp.resolve("pred");
        assertEquals(0, Main.run(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), "predictivity", "--responses", r.toString(),
                "--features", f.toString(), "--components", "3", "--out", out.toString(), "-q"));
        Page page = render(out.resolve("report.html"), null);
        assertTrue(page.dom().contains("data-figures-loaded=\"yes\""), "the plot loaded");
        assertTrue(page.dom().contains("<td>layer</td>"), "the table lists the layer");
        assertEquals(List.of(), page.console(), "no console messages");
    }

    /** The checks fail on a page with a broken image and a script error. */
    @Test
    void aBrokenPageFailsTheChecks() throws Exception {
        String html = Files.readString(Path.of("src", "test", "resources", "broken-report.html"));
        Path page = Files.writeString(tmp.resolve("broken.html"), html);
        Page p = render(page, null);
        assertFalse(p.dom().contains("data-figures-loaded=\"yes\""));
        assertFalse(p.console().isEmpty());
    }
}
