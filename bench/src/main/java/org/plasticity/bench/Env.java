package org.plasticity.bench;

import java.util.Locale;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.plasticity.numeric.Blas;

/**
 * Prints the provenance of a benchmark run as one JSON object: JDK, BLAS backend ({@link Blas#backend()}), Vector
 * API species widths, processor count and OPENBLAS_NUM_THREADS. Run by bench/run.sh with
 * {@code java --add-modules=jdk.incubator.vector -cp benchmarks.jar org.plasticity.bench.Env}.
 */
public final class Env {
    private Env() {}

    public static void main(String[] args) {
        String threads = System.getenv("OPENBLAS_NUM_THREADS");
        System.out.printf(Locale.ROOT,
                "{\"jdk\": \"%s\", \"vm\": \"%s\", \"blas_backend\": \"%s\", \"double_lanes\": %d, "
                        + "\"float_lanes\": %d, \"cpus\": %d, \"openblas_num_threads\": \"%s\"}%n",
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"), Blas.backend(),
                DoubleVector.SPECIES_PREFERRED.length(), FloatVector.SPECIES_PREFERRED.length(),
                Runtime.getRuntime().availableProcessors(), threads == null ? "" : threads);
    }
}
