package org.plasticity.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.plasticity.ConfigException;
import org.plasticity.Version;
import org.plasticity.app.io.ResultWriter;
import org.plasticity.app.progress.ConsoleProgress;
import org.plasticity.app.report.GeometryPlot;
import org.plasticity.app.report.HtmlReport;
import org.plasticity.app.report.ScatterPlot;
import org.plasticity.app.report.SweepPlot;
import org.plasticity.io.OutputDirectory;
import org.plasticity.papers.kurikawa2025.FigureResult;
import org.plasticity.papers.kurikawa2025.Figures;
import org.plasticity.papers.kurikawa2025.Reproduction;
import org.plasticity.papers.kurikawa2025.Scale;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.experiment.ProgressListener;
import org.plasticity.recurrent.experiment.Regime;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plasticity reproduce}: regenerate the paper's figures, with verdicts, into one HTML report. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Regenerate figures of the fluctuation-learning paper with verdicts computed from the numbers.",
            "Writes report.html, summary.json and fig-<id>.png / fig-<id>.json per figure into --out."})
final class ReproduceCommand implements Callable<Integer> {

    @Option(names = "--figure", split = ",", paramLabel = "ID", completionCandidates = FigureIds.class,
            description = "Figures to run, comma-separated: ${COMPLETION-CANDIDATES} (default: all but rules, which "
                + "runs when named).")
    List<String> figures;

    /** The figure ids of the registry, listed in the help. */
    static final class FigureIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Figures.allIds().iterator();
        }
    }

    @Option(names = "--scale", paramLabel = "SCALE", defaultValue = "default",
            description = "smoke, default (minutes on 2 cores) or full (the paper's scale) (default: ${DEFAULT-VALUE}).")
    String scale;

    @CommandLine.Mixin
    RunOptions run = new RunOptions(Path.of("runs", "paper"));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scale s = parseScale(scale);
        List<String> ids = figures == null ? Figures.ids() : figures;
        for (String id : ids) {
            Figures.byId(id); // an unknown id is reported before any figure runs
        }
        int threads = run.threads();
        List<FigureResult> results;
        try (OutputDirectory dir = run.openOut()) {
            results = write(ids, s, run.seed == null ? 42 : run.seed, threads, run.quiet, dir.path(),
                    spec.commandLine().getErr());
            dir.commit();
        }
        report(results, run.out(), spec.commandLine().getOut());
        return 0;
    }

    /**
     * Runs figures {@code ids} and writes report.html, summary.json and fig-&lt;id&gt;.png/.json into {@code dir} (a
     * staging folder, created if needed). Each experiment run whose regime is not ok (docs/model.md#regime) gets one
     * warning line on {@code err}, after the progress bar, and a note under its figure in report.html.
     */
    static List<FigureResult> write(List<String> ids, Scale s, long seed, int threads, boolean quiet, Path dir,
                                    PrintWriter err) throws java.io.IOException {
        long start = System.nanoTime();
        long total = ids.stream().mapToLong(id -> Reproduction.points(id, s)).sum();
        AtomicLong done = new AtomicLong();
        List<FigureResult> results = new ArrayList<>();
        Map<String, List<String>> notes = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.createDirectories(dir);
        try (ConsoleProgress progress = ConsoleProgress.open("reproduce", quiet)) {
            for (String id : ids) {
                long before = done.get();
                List<String> figureNotes = Collections.synchronizedList(new ArrayList<>());
                results.add(Reproduction.run(id, s, seed, threads, new ProgressListener() {
                    @Override
                    public void progress(long d, long t) {
                        done.set(before + d);
                        progress.progress(done.get(), total);
                    }

                    @Override
                    public void regime(FlrConfig config, Regime regime) {
                        if (!regime.ok()) {
                            figureNotes.add(point(config) + ": " + regime.line());
                        }
                    }
                }));
                notes.put(id, figureNotes);
            }
        }
        notes.forEach((id, lines) -> lines.forEach(l -> err.println("warning: figure " + id + ", " + l)));
        err.flush();
        List<Path> pngs = new ArrayList<>();
        ArrayNode list = json.createArrayNode();
        for (FigureResult f : results) {
            Path png = dir.resolve("fig-" + f.id() + ".png");
            switch (f.kind()) {
                case SCATTER -> ScatterPlot.writePng(f, png);
                case GEOMETRY -> GeometryPlot.writePng(f, png);
                case SWEEP -> SweepPlot.writePng(f, png);
                default -> throw new IllegalStateException("no plot for " + f.kind());
            }
            pngs.add(png);
            ObjectNode node = figureJson(json, f);
            json.writeValue(dir.resolve("fig-" + f.id() + ".json").toFile(), node);
            list.add(node);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        ObjectNode summary = json.createObjectNode();
        summary.put("version", Version.get());
        summary.put("seed", seed);
        summary.put("scale", s.name().toLowerCase(Locale.ROOT));
        summary.put("wall_seconds", wall);
        summary.set("figures", list);
        json.writeValue(dir.resolve("summary.json").toFile(), summary);
        String header = String.format(Locale.ROOT, "plasticity %s, seed %d, scale %s, %d threads, %.0f s.",
                Version.get(), seed, s.name().toLowerCase(Locale.ROOT), threads, wall);
        HtmlReport.write(results, pngs, notes, header, dir.resolve("report.html"));
        return results;
    }

    /** @return the parameters that tell a figure's points apart, e.g. {@code N=100 M=10 beta=0.8 gamma=0.1} */
    static String point(FlrConfig c) {
        return String.format(Locale.ROOT, "point N=%d M=%d beta=%.3g sigma=%.3g gamma=%.3g rule %s task %s",
                c.network().n(), c.network().memories(), c.network().beta(), c.network().sigma(), c.task().gamma(),
                c.rule(), c.task().type());
    }

    /** Prints each figure's verdict and where the report is. */
    static void report(List<FigureResult> results, Path out, java.io.PrintWriter stdout) {
        for (FigureResult f : results) {
            stdout.printf(Locale.ROOT, "%-13s %-15s %s%n", f.id(), f.reproduced() ? "reproduced" : "not-reproduced",
                    f.verdictDetail());
        }
        stdout.println("report: " + out.resolve("report.html").toAbsolutePath());
        stdout.flush();
    }

    private static ObjectNode figureJson(ObjectMapper json, FigureResult f) {
        ObjectNode o = json.createObjectNode();
        o.put("id", f.id());
        o.put("title", f.title());
        o.put("kind", f.kind().id());
        o.put("claim", f.claim());
        ArrayNode series = o.putArray("series");
        f.series().forEach(series::add);
        o.put("verdict", f.reproduced() ? "reproduced" : "not-reproduced");
        o.put("verdict_detail", f.verdictDetail());
        ObjectNode numbers = o.putObject("numbers");
        f.numbers().forEach(numbers::put);
        ArrayNode cols = o.putArray("columns");
        f.columns().forEach(cols::add);
        ArrayNode rows = o.putArray("rows");
        for (double[] r : f.rows()) {
            ArrayNode a = rows.addArray();
            for (double v : r) {
                a.add(v);
            }
        }
        o.put("x", f.xLabel());
        o.set("config", ResultWriter.config(f.baseConfig()));
        return o;
    }

    private static Scale parseScale(String s) {
        for (Scale v : Scale.values()) {
            if (v.name().equalsIgnoreCase(s)) {
                return v;
            }
        }
        throw new ConfigException("--scale", "must be smoke, default or full, got '" + s + "'");
    }
}
