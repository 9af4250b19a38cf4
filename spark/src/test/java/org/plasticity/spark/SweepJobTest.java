package org.plasticity.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.recurrent.experiment.ProgressListener;
import org.plasticity.sweep.Journal;
import org.plasticity.sweep.LocalSweep;
import org.plasticity.sweep.SweepSpec;
import org.plasticity.sweep.SweepSpecReader;

/** The Spark runner in local[2] gives the local executor's numbers, point by point. */
@Tag("slow") // outside the fast tier (mvn -Pfast): starts Spark in local mode
class SweepJobTest {
    /** The committed 12-point spec, so the test also keeps it working. */
    static final Path SPEC = Path.of("..", "sweeps", "smoke.yaml");


    @TempDir
    Path tmp;

    @Test
    void sparkLocal2EqualsTheLocalExecutorPointByPoint() throws Exception {
        SweepSpec spec = SweepSpecReader.read(SPEC);
        Path local = tmp.resolve("local");
        LocalSweep.Outcome o = new LocalSweep(spec, local).run(2, false, ProgressListener.NONE);

        Path sparkOut = tmp.resolve("spark");
        long start = System.nanoTime();
        try (SparkSession spark = SparkSession.builder().master("local[2]").appName("test")
                .config("spark.ui.enabled", false).getOrCreate()) {
            SweepJob.run(spark, spec, 2); // warm-up: the first job pays Spark's start-up
            System.out.printf("spark local[2]: session start and first job %.2f s%n", (System.nanoTime() - start) / 1e9);
            long t0 = System.nanoTime();
            Map<String, Journal.Entry> entries = SweepJob.run(spark, spec, 4);
            double wall = (System.nanoTime() - t0) / 1e9;
            SweepJob.write(spark, spec, entries, sparkOut.toString(), wall);

            assertEquals(spec.points().size(), entries.size());
            for (var e : o.entries().values()) {
                assertEquals(e.metrics(), entries.get(e.id()).metrics(), "point " + e.index());
            }
            assertEquals(Files.readString(local.resolve(LocalSweep.RESULTS)),
                    Files.readString(sparkOut.resolve(LocalSweep.RESULTS)));
            Row[] rows = (Row[]) spark.read().parquet(sparkOut.resolve("results.parquet").toString())
                    .orderBy("index").collect();
            assertEquals(12, rows.length);
            assertEquals(o.entries().values().stream().filter(e -> e.index() == 5).findFirst().orElseThrow()
                    .metrics().get("mean_measured_speed"), rows[5].getDouble(rows[5].fieldIndex("mean_measured_speed")));

            double points = entries.values().stream().mapToDouble(Journal.Entry::seconds).sum();
            // Spark's overhead per job on local[2]: wall time beyond the points' own time spread over 2 cores
            System.out.printf("spark local[2]: %d points, %.3f s wall, %.3f s of point time, overhead %.3f s%n",
                    entries.size(), wall, points, wall - points / 2);
            assertTrue(wall > 0);
        }
    }
}
