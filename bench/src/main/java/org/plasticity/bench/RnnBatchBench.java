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
import org.plasticity.numeric.EulerKernels;
import org.plasticity.numeric.Seeds;
import org.plasticity.numeric.Vectors;

/**
 * One step of a batch of {@code b} trials, exactly as {@code dynamics.Simulator} steps a batch:
 * <pre>
 *   U = X J^T                      (one gemm; X is b x n row-major, row r is trial r)
 *   for each trial r: z_r ~ N(0,1)^n from trial r's own stream, then EulerKernels.step on row r
 * </pre>
 * The BLAS thread count comes from {@code OPENBLAS_NUM_THREADS} (run.sh runs this at 1 and at 2). The Java part
 * (noise and kernel) is single-threaded, as in the simulator.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class RnnBatchBench {
    @Param({"1000"})
    public int n;

    @Param({"100"})
    public int b;

    @Param({"double", "float"})
    public String precision;

    private boolean single;
    private SplittableRandom[] rngs;

    private double[] j;
    private double[] h;
    private double[] x;
    private double[] u;
    private double[] z;

    private float[] jf;
    private float[] hf;
    private float[] xf;
    private float[] uf;
    private float[] zf;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom init = new SplittableRandom(Networks.SEED);
        double[] jd = Networks.coupling(n, init);
        double[] hd = Networks.field(n, init);
        double[] xd = Networks.state(b * n, init);
        rngs = new SplittableRandom[b];
        for (int r = 0; r < b; r++) {
            rngs[r] = new SplittableRandom(Networks.SEED + 1 + r);
        }
        single = switch (precision) {
            case "double" -> false;
            case "float" -> true;
            default -> throw new IllegalArgumentException("precision must be double or float: " + precision);
        };
        if (single) {
            jf = Vectors.toFloat(jd);
            hf = Vectors.toFloat(hd);
            xf = Vectors.toFloat(xd);
            uf = new float[b * n];
            zf = new float[b * n];
        } else {
            j = jd;
            h = hd;
            x = xd;
            u = new double[b * n];
            z = new double[b * n];
        }
    }

    /** @return the batch state (consumed by JMH's implicit Blackhole). */
    @Benchmark
    public Object step() {
        return single ? stepFloat() : stepDouble();
    }

    /**
     * Diagnostic: the product {@code U = X J^T} alone, to split the step's time into BLAS and Java parts (its flop
     * rate against {@link DgemmBench} shows how well the B x N x N shape runs on its own).
     */
    @Benchmark
    public Object gemmOnly() {
        if (single) {
            Blas.gemmNT(b, n, n, 1f, xf, jf, 0f, uf);
            return uf;
        }
        Blas.gemmNT(b, n, n, 1.0, x, j, 0.0, u);
        return u;
    }

    private double[] stepDouble() {
        Blas.gemmNT(b, n, n, 1.0, x, j, 0.0, u);
        for (int r = 0; r < b; r++) {
            Seeds.gaussians(rngs[r], z, r * n, n);
            EulerKernels.step(true, n, x, r * n, u, r * n, h, z, r * n, Networks.BETA, Networks.DT, Networks.S);
        }
        return x;
    }

    private float[] stepFloat() {
        float beta = (float) Networks.BETA;
        float dt = (float) Networks.DT;
        float s = (float) Networks.S;
        Blas.gemmNT(b, n, n, 1f, xf, jf, 0f, uf);
        for (int r = 0; r < b; r++) {
            Seeds.gaussians(rngs[r], zf, r * n, n);
            EulerKernels.step(true, n, xf, r * n, uf, r * n, hf, zf, r * n, beta, dt, s);
        }
        return xf;
    }
}
