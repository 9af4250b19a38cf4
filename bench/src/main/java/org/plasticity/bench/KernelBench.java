package org.plasticity.bench;

import dev.ludovic.netlib.blas.BLAS;
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
 * What the fixed-order kernels cost: each product the project uses, at the shapes it uses them, through
 * {@code numeric.Blas} ({@code impl=plasticity}) and through native OpenBLAS by netlib's JNI facade
 * ({@code impl=openblas}, the backend the core used before it needed bit-exact results; run with
 * {@code OPENBLAS_NUM_THREADS=1}). Shapes are row-major {@code m x n x k}:
 * <ul>
 *   <li>{@code nt-2x100x100}: {@code U = X J^T} for a group of 2 trials at N = 100 (the example experiment's step);
 *   <li>{@code gemv-100}, {@code gemv-1000}: one trial's {@code J x} (learning runs);
 *   <li>{@code tn-100x100x64}: 64 samples into the covariance, {@code C += X^T X} (moments);
 *   <li>{@code nt-2x1000x1000}, {@code nt-100x1000x1000}: trial groups of 2 and a batch of 100 at N = 1000;
 *   <li>{@code snt-32x500x784}: float, one layer's forward pass of a minibatch of 32 (layered networks).
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class KernelBench {
    @Param({"nt-2x100x100", "gemv-100", "tn-100x100x64", "nt-2x1000x1000", "gemv-1000", "nt-100x1000x1000",
        "snt-32x500x784"})
    public String shape;

    @Param({"plasticity", "openblas"})
    public String impl;

    private static final BLAS NATIVE = BLAS.getInstance();
    private String op;
    private int m;
    private int n;
    private int k;
    private boolean ours;
    private double[] a;
    private double[] b;
    private double[] c;
    private float[] af;
    private float[] bf;
    private float[] cf;

    @Setup(Level.Trial)
    public void setup() {
        String[] parts = shape.split("-");
        op = parts[0];
        String[] dims = parts[1].split("x");
        m = Integer.parseInt(dims[0]);
        n = dims.length > 1 ? Integer.parseInt(dims[1]) : m;
        k = dims.length > 2 ? Integer.parseInt(dims[2]) : m;
        ours = switch (impl) {
            case "plasticity" -> true;
            case "openblas" -> {
                if (!NATIVE.getClass().getSimpleName().equals("JNIBLAS")) {
                    throw new IllegalStateException("native OpenBLAS is not loaded (install libopenblas0)");
                }
                yield false;
            }
            default -> throw new IllegalArgumentException("impl: plasticity or openblas, not " + impl);
        };
        SplittableRandom rng = new SplittableRandom(Networks.SEED);
        a = Networks.state(m * k, rng);
        b = Networks.state(Math.max(n * k, k * n), rng);
        c = new double[m * n];
        af = Vectors.toFloat(a);
        bf = Vectors.toFloat(b);
        cf = new float[m * n];
    }

    @Benchmark
    public Object product() {
        switch (op) {
            case "nt" -> {
                if (ours) {
                    Blas.gemmNT(m, n, k, 1.0, a, b, 0.0, c);
                } else {
                    NATIVE.dgemm("T", "N", n, m, k, 1.0, b, k, a, k, 0.0, c, n);
                }
                return c;
            }
            case "gemv" -> {
                // y = A x with A = b (m x m) and x = a's first row
                if (ours) {
                    Blas.gemv(m, m, 1.0, b, 0, a, 0, 0.0, c, 0);
                } else {
                    NATIVE.dgemv("T", m, m, 1.0, b, 0, m, a, 0, 1, 0.0, c, 0, 1);
                }
                return c;
            }
            case "tn" -> {
                // C (m x n) += A^T B with A = k x m and B = k x n
                if (ours) {
                    Blas.gemmTN(m, n, k, 1.0, a, b, 1.0, c);
                } else {
                    NATIVE.dgemm("N", "T", n, m, k, 1.0, b, n, a, m, 1.0, c, n);
                }
                return c;
            }
            case "snt" -> {
                if (ours) {
                    Blas.gemmNT(m, n, k, 1f, af, bf, 0f, cf);
                } else {
                    NATIVE.sgemm("T", "N", n, m, k, 1f, bf, k, af, k, 0f, cf, n);
                }
                return cf;
            }
            default -> throw new IllegalArgumentException("shape: " + shape);
        }
    }
}
