package org.plasticity.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.plasticity.ConfigException;
import org.plasticity.sweep.Journal;
import org.plasticity.sweep.LocalSweep;
import org.plasticity.sweep.PointExperiment;
import org.plasticity.sweep.SweepPoint;
import org.plasticity.sweep.SweepResults;
import org.plasticity.sweep.SweepSpec;
import org.plasticity.sweep.SweepSpecReader;

/**
 * A sweep on a Spark cluster: the driver reads and validates the spec (the same reader as the local executor), each
 * point becomes a task that rebuilds the spec from its canonical text and runs the same point function, and the
 * driver writes the results: {@code results.parquet} and {@code results-csv/} through Spark (any Hadoop file system),
 * plus, when {@code --out} is a local path, the same {@code results.csv} and {@code summary.json} as
 * {@code plasticity sweep}. A point's numbers depend only on the spec, so they equal the local executor's.
 *
 * <pre>
 *   spark-submit --class org.plasticity.spark.SweepJob plasticity-spark.jar --spec sweeps/x.yaml --out /data/sweep1
 * </pre>
 */
public final class SweepJob {
    private static final Map<String, SweepSpec> SPECS = new ConcurrentHashMap<>();

    private SweepJob() {}

    public static void main(String[] args) throws IOException {
        String spec = null;
        String out = null;
        int partitions = 0;
        Long seed = null;
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--spec" -> spec = value(args, ++i, "--spec");
                case "--out" -> out = value(args, ++i, "--out");
                case "--partitions" -> partitions = Integer.parseInt(value(args, ++i, "--partitions"));
                case "--seed" -> seed = parseSeed(value(args, ++i, "--seed"));
                case "--force" -> force = true;
                default -> fail("unknown argument '" + args[i] + "' (expected --spec FILE --out DIR [--partitions N] "
                        + "[--seed S] [--force])");
            }
        }
        if (spec == null || out == null) {
            fail("--spec FILE and --out DIR are required");
        }
        SweepSpec s;
        try {
            s = SweepSpecReader.read(Path.of(spec), seed); // --seed: the sweep seed, as plasticity sweep --seed
        } catch (ConfigException e) {
            fail(e.getMessage());
            return;
        }
        // A results folder is never silently replaced: a local --out holding files needs --force.
        Path local = localPath(out);
        if (!force && local != null && Files.isDirectory(local)) {
            try (var files = Files.list(local)) {
                List<String> held = files.map(f -> f.getFileName().toString()).sorted().limit(6).toList();
                if (!held.isEmpty()) {
                    fail("--out: " + out + " already holds files (" + String.join(", ", held)
                            + "); pass --force to replace them or choose another folder");
                }
            }
        }
        SparkSession.Builder b = SparkSession.builder().appName("plasticity sweep " + Path.of(spec).getFileName());
        if (System.getProperty("spark.master") == null) {
            b.master("local[*]"); // run directly (java -cp) without spark-submit: all local cores
        }
        try (SparkSession spark = b.getOrCreate()) {
            long t0 = System.nanoTime();
            Map<String, Journal.Entry> entries = run(spark, s, partitions);
            write(spark, s, entries, out, (System.nanoTime() - t0) / 1e9);
            System.out.printf("sweep: %d points on Spark %s; results in %s%n", entries.size(), spark.version(), out);
        }
    }

    /** Runs every point of {@code spec} as Spark tasks; returns the entries by point id. */
    public static Map<String, Journal.Entry> run(SparkSession spark, SweepSpec spec, int partitions) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = partitions > 0 ? partitions : Math.max(1, Math.min(spec.points().size(),
                jsc.defaultParallelism() * 4));
        String text = spec.text();
        String source = spec.source();
        JavaRDD<SweepPoint> points = jsc.parallelize(new ArrayList<>(spec.points()), slices);
        List<String> lines = points.map(p -> {
            PointExperiment fn = SPECS.computeIfAbsent(text, t -> SweepSpecReader.parse(t, source, null))
                    .pointExperiment();
            long t0 = System.nanoTime();
            Journal.Entry e;
            try {
                e = new Journal.Entry(p.index(), p.id(), fn.run(p), null, (System.nanoTime() - t0) / 1e9);
            } catch (ConfigException bad) {
                throw bad;
            } catch (RuntimeException failure) {
                LinkedHashMap<String, Double> none = new LinkedHashMap<>();
                fn.metrics().forEach(m -> none.put(m, Double.NaN));
                e = new Journal.Entry(p.index(), p.id(), none, String.valueOf(failure.getMessage()),
                        (System.nanoTime() - t0) / 1e9);
            }
            return Journal.line(e);
        }).collect();
        Map<String, Journal.Entry> entries = new LinkedHashMap<>();
        for (String line : lines) {
            Journal.Entry e = Journal.parseLine(line);
            entries.put(e.id(), e);
        }
        return entries;
    }

    /** Writes Parquet and CSV through Spark, and the local executor's files when {@code out} is a local path. */
    static void write(SparkSession spark, SweepSpec spec, Map<String, Journal.Entry> entries, String out,
                      double seconds) throws IOException {
        List<String> metrics = spec.pointExperiment().metrics();
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("index", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("id", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("seed", DataTypes.LongType, false));
        for (String f : spec.fields()) {
            fields.add(DataTypes.createStructField(f, DataTypes.StringType, true));
        }
        for (String m : metrics) {
            fields.add(DataTypes.createStructField(m, DataTypes.DoubleType, true));
        }
        fields.add(DataTypes.createStructField("seconds", DataTypes.DoubleType, false));
        fields.add(DataTypes.createStructField("error", DataTypes.StringType, true));
        List<Row> rows = new ArrayList<>();
        for (SweepPoint p : spec.points()) {
            Journal.Entry e = entries.get(p.id());
            List<Object> r = new ArrayList<>(List.of(p.index(), p.id(), p.seed()));
            for (String f : spec.fields()) {
                String v = p.values().get(f);
                r.add(v);
            }
            for (String m : metrics) {
                Double v = e.metrics().get(m);
                r.add(v == null || !Double.isFinite(v) ? null : v);
            }
            r.add(e.seconds());
            r.add(e.error());
            rows.add(RowFactory.create(r.toArray()));
        }
        Dataset<Row> df = spark.createDataFrame(rows, DataTypes.createStructType(fields)).coalesce(1);
        String base = out.endsWith("/") ? out : out + "/";
        df.write().mode(SaveMode.Overwrite).parquet(base + "results.parquet");
        df.write().mode(SaveMode.Overwrite).option("header", true).csv(base + "results-csv");

        Path dir = localPath(out);
        if (dir != null) {
            Files.createDirectories(dir);
            SweepResults.writeAtomically(dir.resolve(LocalSweep.RESULTS), SweepResults.table(spec, metrics, entries));
            SweepResults.writeAtomically(dir.resolve(LocalSweep.POINTS), SweepResults.pointList(spec));
            double pointSeconds = entries.values().stream().mapToDouble(Journal.Entry::seconds).sum();
            String summary = "{\n  \"status\" : \"complete\",\n  \"runner\" : \"spark " + spark.version() + "\",\n"
                    + "  \"master\" : \"" + spark.sparkContext().master() + "\",\n"
                    + "  \"experiment\" : \"" + spec.experiment() + "\",\n  \"seed\" : " + spec.seed() + ",\n"
                    + "  \"points_total\" : " + spec.points().size() + ",\n  \"points_done\" : " + entries.size()
                    + ",\n  \"point_seconds_total\" : " + pointSeconds + ",\n  \"wall_seconds\" : " + seconds
                    + ",\n  \"results\" : \"" + LocalSweep.RESULTS + "\"\n}\n";
            SweepResults.writeAtomically(dir.resolve(LocalSweep.SUMMARY), summary);
        }
    }

    /** @return {@code out} as a local folder, or null when it names another file system (hdfs://, s3a://, ...). */
    private static Path localPath(String out) {
        URI uri = URI.create(out.contains(":") ? out : "file:" + Path.of(out).toAbsolutePath());
        return "file".equals(uri.getScheme()) ? Path.of(uri) : null;
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            fail(name + " needs a value");
        }
        return args[i];
    }

    private static Long parseSeed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            fail("--seed: must be an integer, got '" + text + "'");
            return null;
        }
    }

    private static void fail(String message) {
        System.err.println("error: " + message);
        System.exit(2);
    }
}
