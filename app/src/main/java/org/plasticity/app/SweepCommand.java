package org.plasticity.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.plasticity.app.progress.ConsoleProgress;
import org.plasticity.app.report.SweepMap;
import org.plasticity.sweep.Journal;
import org.plasticity.sweep.LocalSweep;
import org.plasticity.sweep.SweepResults;
import org.plasticity.sweep.SweepSpec;
import org.plasticity.sweep.SweepSpecReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plasticity sweep}: a grid or list of points over any config field, on all local cores, resumable. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run an experiment at every point of a sweep spec, on all local cores.",
            "Writes sweep.json and points.csv first, journal.jsonl as points finish, then results.csv, summary.json",
            "and a heat map (pairs of fields) or line plot (one field) per main metric. --resume continues a sweep",
            "that was interrupted, skipping finished points; a second sweep into a folder in use is refused.",
            "--seed replaces the spec's seed (the sweep seed every point's seed derives from); a resume needs the same."})
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "Sweep spec, YAML or JSON (required).")
    Path spec;

    @Option(names = "--resume", description = "Continue the sweep in --out, skipping the points already done (default: off).")
    boolean resume;

    @CommandLine.Mixin
    RunOptions run = new RunOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec cli;

    @Override
    public Integer call() throws Exception {
        SweepSpec s = SweepSpecReader.read(spec, run.seed);
        Path out = run.out();
        LocalSweep.Outcome o;
        int threads = run.threads();
        try (ConsoleProgress bar = ConsoleProgress.open("sweep " + spec.getFileName(), run.quiet)) {
            o = new LocalSweep(s, out).run(threads, resume, run.force, bar, entries -> plots(s, entries, out),
                    cli.commandLine().getErr()::println);
        }
        var w = cli.commandLine().getOut();
        w.printf("sweep: %d points (%d run now, %d failed) in %.1f s; results in %s%n", s.points().size(),
                o.ranNow(), o.failed(), o.seconds(), out.resolve(LocalSweep.RESULTS));
        return o.failed() > 0 ? ErrorHandler.FAILED : 0;
    }

    /**
     * Heat maps of the main metrics over each pair of numeric fields; with one numeric field, a line plot, one line
     * per value of a categorical field (such as the rule) when there is one.
     */
    static void plots(SweepSpec s, Map<String, Journal.Entry> entries, Path out) throws IOException {
        List<String> numeric = new ArrayList<>();
        List<String> categorical = new ArrayList<>();
        for (String f : s.fields()) {
            if (f.equals("seed")) {
                continue;
            }
            if (SweepResults.numericValues(s, f).stream().anyMatch(v -> v != null)) {
                numeric.add(f);
            } else {
                categorical.add(f);
            }
        }
        List<String> metrics = s.pointExperiment().metrics().subList(0, Math.min(3, s.pointExperiment().metrics()
                .size()));
        for (String m : metrics) {
            for (int i = 0; i < numeric.size(); i++) {
                List<Double> xs = SweepResults.numericValues(s, numeric.get(i));
                if (numeric.size() == 1) {
                    Map<String, List<SweepMap.Cell>> groups = new java.util.TreeMap<>();
                    for (var p : s.points()) {
                        String group = categorical.isEmpty() ? m : categorical.stream()
                                .map(c -> SweepResults.unquoted(p.values().get(c))).reduce((a, b) -> a + " " + b)
                                .orElse(m);
                        Journal.Entry e = entries.get(p.id());
                        if (e != null) {
                            Double v = e.metrics().get(m);
                            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new SweepMap.Cell(
                                    xs.get(p.index()), null, v == null ? Double.NaN : v));
                        }
                    }
                    SweepMap.lines(groups, numeric.get(i), m, out.resolve(m + "-vs-" + safe(numeric.get(i)) + ".png"));
                }
                for (int j = i + 1; j < numeric.size(); j++) {
                    List<Double> ys = SweepResults.numericValues(s, numeric.get(j));
                    SweepMap.heatmap(cells(s, entries, m, xs, ys), numeric.get(i), numeric.get(j), m,
                            out.resolve(m + "-" + safe(numeric.get(i)) + "-" + safe(numeric.get(j)) + ".png"));
                }
            }
        }
    }

    private static List<SweepMap.Cell> cells(SweepSpec s, Map<String, Journal.Entry> entries, String metric,
                                             List<Double> xs, List<Double> ys) {
        List<SweepMap.Cell> cells = new ArrayList<>();
        for (var p : s.points()) {
            Journal.Entry e = entries.get(p.id());
            if (e != null) {
                Double v = e.metrics().get(metric);
                cells.add(new SweepMap.Cell(xs.get(p.index()), ys.get(p.index()), v == null ? Double.NaN : v));
            }
        }
        return cells;
    }

    private static String safe(String field) {
        return field.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
