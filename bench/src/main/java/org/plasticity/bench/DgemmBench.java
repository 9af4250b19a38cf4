package org.plasticity.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.plasticity.numeric.Blas;
import org.plasticity.numeric.Vectors;

/**
 * The machine's matrix-multiply rate through the same facade the simulator uses: a square {@code m = n = k}
 * {@code C = A B^T} (the batched step's shape), {@code 2 m n k} flops per call. {@code precision=double} is the
 * dgemm reference for the batched target; {@code float} (sgemm) is the reference for the float batch. The thread
 * count comes from {@code OPENBLAS_NUM_THREADS}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class DgemmBench {
    @Param({"1000"})
    public int size;

    @Param({"double"})
    public String precision;

    private boolean single;
    private double[] a;
    private double[] bm;
    private double[] c;
    private float[] af;
    private float[] bf;
    private float[] cf;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom rng = new SplittableRandom(Networks.SEED);
        double[] ad = Networks.state(size * size, rng);
        double[] bd = Networks.state(size * size, rng);
        single = switch (precision) {
            case "double" -> false;
            case "float" -> true;
            default -> throw new IllegalArgumentException("precision must be double or float: " + precision);
        };
        if (single) {
            af = Vectors.toFloat(ad);
            bf = Vectors.toFloat(bd);
            cf = new float[size * size];
        } else {
            a = ad;
            bm = bd;
            c = new double[size * size];
        }
    }

    /** @return C (consumed by JMH's implicit Blackhole). */
    @Benchmark
    public Object gemm() {
        if (single) {
            Blas.gemmNT(size, size, size, 1f, af, bf, 0f, cf);
            return cf;
        }
        Blas.gemmNT(size, size, size, 1.0, a, bm, 0.0, c);
        return c;
    }
}
