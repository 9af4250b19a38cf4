package org.plasticity.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.plasticity.ConfigException;
import org.plasticity.Version;
import org.plasticity.io.FolderLock;
import org.plasticity.io.OutputDirectory;
import org.plasticity.recurrent.experiment.ProgressListener;

/**
 * Runs a sweep on this machine's cores, crash-safe. Before any point runs, the spec and its expanded points are
 * written ({@code sweep.json}, {@code points.csv}). Each finished point is appended to {@code journal.jsonl} and
 * forced to disk, and {@code summary.json} is replaced atomically, so a kill at any moment loses at most the points
 * in flight. {@code resume} skips the points in the journal; since every point's seed comes from the spec, the final
 * {@code results.csv} is the same as an uninterrupted run's.
 */
public final class LocalSweep {
    public static final String SPEC = "sweep.json";
    public static final String POINTS = "points.csv";
    public static final String JOURNAL = "journal.jsonl";
    public static final String SUMMARY = "summary.json";
    public static final String RESULTS = "results.csv";

    private final SweepSpec spec;
    private final PointExperiment experiment;
    private final Path out;
    private final Map<String, Journal.Entry> done = new LinkedHashMap<>();
    private Journal journal;
    private long started;
    private int ranNow;

    public LocalSweep(SweepSpec spec, Path out) {
        this.spec = spec;
        this.experiment = spec.pointExperiment();
        this.out = out;
    }

    /** Result of a run: the finished entries (by id) and how many points failed. */
    public record Outcome(Map<String, Journal.Entry> entries, int failed, int ranNow, double seconds) {}

    /** Writes files derived from the finished entries (plots) while the sweep still holds its folder. */
    public interface Finisher {
        void finish(Map<String, Journal.Entry> entries) throws IOException;
    }

    public Outcome run(int threads, boolean resume, ProgressListener progress) throws IOException,
            InterruptedException {
        return run(threads, resume, progress, System.err::println);
    }

    /** As {@link #run(int, boolean, ProgressListener)}; {@code notes} hears of a torn journal line dropped. */
    public Outcome run(int threads, boolean resume, ProgressListener progress, Consumer<String> notes)
            throws IOException, InterruptedException {
        return run(threads, resume, false, progress, entries -> { }, notes);
    }

    /**
     * Runs the points not done yet, holding the folder's lock throughout.
     *
     * @param replace whether other results in the folder may be replaced (--force); ignored with {@code resume}
     * @param notes   hears of a torn journal line dropped on resume
     */
    public Outcome run(int threads, boolean resume, boolean replace, ProgressListener progress, Finisher finish,
                       Consumer<String> notes) throws IOException, InterruptedException {
        started = System.nanoTime();
        try (FolderLock lock = lockFolder(resume, replace)) {
            prepare(resume, notes);
            Outcome o = runPoints(threads, progress);
            finish.finish(o.entries());
            return o;
        }
    }

    /**
     * Creates and locks the sweep folder. Without {@code resume}, a folder holding other results is refused unless
     * {@code replace}, and then replaced as a whole (renamed aside, recreated, the old one deleted).
     */
    private FolderLock lockFolder(boolean resume, boolean replace) throws IOException {
        Path absolute = OutputDirectory.absolute(out);
        OutputDirectory.recoverStale(absolute);
        // refuse what is clearly wrong before creating anything
        if (resume && !Files.exists(absolute.resolve(SPEC))) {
            throw new ConfigException("--resume", "there is no sweep to resume in " + out);
        }
        OutputDirectory.Contents before = OutputDirectory.contents(absolute);
        if (!resume && !before.results().contains(SPEC)) {
            OutputDirectory.check(out, before, replace);
        }
        OutputDirectory.createFolder(out, absolute);
        FolderLock lock = FolderLock.acquire(absolute, out);
        try {
            // temp files of a killed writer; no one else writes here while we hold the lock
            try (var files = Files.list(absolute)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (f.getFileName().toString().matches("\\..+\\.tmp")) {
                        Files.deleteIfExists(f);
                    }
                }
            }
            OutputDirectory.Contents c = OutputDirectory.contents(absolute);
            if (resume || c.results().isEmpty() && c.other().isEmpty()) {
                return lock;
            }
            if (!replace && c.other().isEmpty() && c.results().contains(SPEC)) {
                return lock; // prepare() says to resume it
            }
            OutputDirectory.check(out, c, replace);
            Path aside = OutputDirectory.moveAside(absolute); // the lock travels with the old folder
            try {
                Files.createDirectory(absolute);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new ConfigException("--out", out + " is in use by another sweep");
            }
            FolderLock fresh = FolderLock.acquire(absolute, out);
            try {
                lock.close();
                OutputDirectory.deleteTree(aside);
            } catch (IOException e) {
                fresh.close();
                throw e;
            }
            return fresh;
        } catch (RuntimeException | IOException e) {
            lock.close();
            throw e;
        }
    }

    private Outcome runPoints(int threads, ProgressListener progress) throws IOException, InterruptedException {
        List<SweepPoint> todo = new ArrayList<>();
        for (SweepPoint p : spec.points()) {
            if (!done.containsKey(p.id())) {
                todo.add(p);
            }
        }
        progress.progress(done.size(), spec.points().size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try (Journal appended = Journal.append(out.resolve(JOURNAL))) {
            journal = appended;
            List<Future<?>> futures = new ArrayList<>();
            for (SweepPoint p : todo) {
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    Journal.Entry e;
                    try {
                        e = new Journal.Entry(p.index(), p.id(), experiment.run(p), null,
                                (System.nanoTime() - t0) / 1e9);
                    } catch (ConfigException bad) {
                        throw bad; // the user's mistake (e.g. data missing): stop the sweep
                    } catch (RuntimeException failure) {
                        LinkedHashMap<String, Double> none = new LinkedHashMap<>();
                        experiment.metrics().forEach(m -> none.put(m, Double.NaN));
                        e = new Journal.Entry(p.index(), p.id(), none, String.valueOf(failure.getMessage()),
                                (System.nanoTime() - t0) / 1e9);
                    }
                    record(e);
                    progress.progress(doneCount(), spec.points().size());
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException ex) {
                    if (ex.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IOException(ex.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        SweepResults.writeAtomically(out.resolve(RESULTS), SweepResults.table(spec, experiment.metrics(), done));
        writeSummary(true);
        int failed = (int) done.values().stream().filter(e -> e.error() != null).count();
        return new Outcome(new LinkedHashMap<>(done), failed, ranNow, (System.nanoTime() - started) / 1e9);
    }

    private synchronized int doneCount() {
        return done.size();
    }

    private void prepare(boolean resume, Consumer<String> notes) throws IOException {
        Path specFile = out.resolve(SPEC);
        if (Files.exists(specFile)) {
            if (!resume) {
                throw new ConfigException("--out", out + " already holds a sweep: add --resume to continue it, --force "
                        + "to replace it, or choose another folder");
            }
            JsonNode stored = storedSpec(specFile);
            // numbers by value: a spec that writes 1.0 where the stored one has 1 is the same sweep
            if (!SweepSpecReader.normalized(stored).toString().equals(
                    SweepSpecReader.normalized(SweepSpecReader.JSON.readTree(spec.text())).toString())) {
                throw new ConfigException("--resume", "the spec differs from the one this sweep in " + out
                        + " started with; resume with the same spec (and --seed) or choose another folder");
            }
            done.putAll(Journal.read(out.resolve(JOURNAL), spec, experiment.metrics(), notes));
            // the point list follows from the spec just checked: restore it if it was lost or damaged
            SweepResults.writeAtomically(out.resolve(POINTS), SweepResults.pointList(spec));
            // drop a line a crash cut short, so that appends start on a fresh line
            Journal.rewrite(out.resolve(JOURNAL), done.values());
        } else {
            if (resume) {
                throw new ConfigException("--resume", "there is no sweep to resume in " + out);
            }
            ObjectNode o = SweepSpecReader.JSON.createObjectNode();
            o.put("version", Version.get());
            o.set("spec", SweepSpecReader.JSON.readTree(spec.text()));
            ArrayNode pts = o.putArray("points");
            for (SweepPoint p : spec.points()) {
                ObjectNode po = pts.addObject();
                po.put("index", p.index());
                po.put("id", p.id());
                po.put("seed", p.seed());
                ObjectNode v = po.putObject("values");
                p.values().forEach((k, val) -> v.set(k, FlrPoints.parse(val)));
            }
            SweepResults.writeAtomically(out.resolve(POINTS), SweepResults.pointList(spec));
            SweepResults.writeAtomically(specFile,
                    SweepSpecReader.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o));
        }
        writeSummary(false);
    }

    /** @return the spec a sweep folder's {@code sweep.json} recorded, or a one-line error naming the file. */
    private static JsonNode storedSpec(Path specFile) {
        JsonNode root;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(specFile)))
                    .toString();
            root = SweepSpecReader.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(specFile.toString(), "not valid JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + "); the sweep state is damaged");
        } catch (CharacterCodingException e) {
            throw new ConfigException(specFile.toString(), "not UTF-8 text; the sweep state is damaged");
        } catch (IOException e) {
            throw SweepResults.unreadable(specFile, e);
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new ConfigException(specFile.toString(), "empty or not a JSON object; the sweep state is damaged");
        }
        JsonNode stored = root.get("spec");
        if (stored == null || !stored.isObject()) {
            throw new ConfigException(specFile.toString(), "no \"spec\" mapping; the sweep state is damaged");
        }
        return stored;
    }

    private synchronized void record(Journal.Entry e) throws IOException {
        journal.write(e);
        done.put(e.id(), e);
        ranNow++;
        writeSummary(false);
    }

    private synchronized void writeSummary(boolean complete) throws IOException {
        ObjectNode o = SweepSpecReader.JSON.createObjectNode();
        o.put("status", complete ? "complete" : "running");
        o.put("experiment", spec.experiment());
        o.put("seed", spec.seed());
        o.put("version", Version.get());
        o.put("points_total", spec.points().size());
        o.put("points_done", done.size());
        long failed = done.values().stream().filter(e -> e.error() != null).count();
        o.put("points_failed", failed);
        double cpu = done.values().stream().mapToDouble(Journal.Entry::seconds).sum();
        o.put("point_seconds_total", cpu);
        o.put("point_seconds_mean", done.isEmpty() ? 0 : cpu / done.size());
        double wall = (System.nanoTime() - started) / 1e9;
        o.put("wall_seconds_this_run", wall);
        o.put("points_per_minute_this_run", wall > 0 ? 60 * ranNow / wall : 0);
        ArrayNode fields = o.putArray("fields");
        spec.fields().forEach(fields::add);
        ArrayNode metrics = o.putArray("metrics");
        experiment.metrics().forEach(metrics::add);
        if (complete) {
            o.put("results", RESULTS);
        }
        SweepResults.writeAtomically(out.resolve(SUMMARY),
                SweepSpecReader.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o));
    }
}
