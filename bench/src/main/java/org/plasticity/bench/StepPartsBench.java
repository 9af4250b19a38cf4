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
import org.plasticity.numeric.ReferenceKernels;
import org.plasticity.numeric.Seeds;
import org.plasticity.numeric.Vectors;

/**
 * Diagnostic breakdown of a step into its three parts (not part of the targets; run by {@code run.sh --parts}):
 * the product ({@code gemv} for one trial), the noise ({@code Seeds.gaussians}) and the update
 * ({@code EulerKernels.step}, and its plain-Java twin {@code ReferenceKernels.step} for comparison). {@code n} is
 * the number of units (one trial); for the batch, multiply noise and kernel by B.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class StepPartsBench {
    @Param({"1000"})
    public int n;

    private SplittableRandom rng;
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
        j = Networks.coupling(n, init);
        h = Networks.field(n, init);
        x = Networks.state(n, init);
        u = Networks.state(n, init);
        z = Networks.state(n, init);
        jf = Vectors.toFloat(j);
        hf = Vectors.toFloat(h);
        xf = Vectors.toFloat(x);
        uf = Vectors.toFloat(u);
        zf = Vectors.toFloat(z);
        rng = new SplittableRandom(Networks.SEED + 1);
    }

    @Benchmark
    public Object gemvDouble() {
        Blas.gemv(n, n, 1.0, j, 0, x, 0, 0.0, u, 0);
        return u;
    }

    @Benchmark
    public Object gemvFloat() {
        Blas.gemv(n, n, 1f, jf, 0, xf, 0, 0f, uf, 0);
        return uf;
    }

    @Benchmark
    public Object noiseDouble() {
        Seeds.gaussians(rng, z, 0, n);
        return z;
    }

    @Benchmark
    public Object noiseFloat() {
        Seeds.gaussians(rng, zf, 0, n);
        return zf;
    }

    // The kernels below feed the state back into itself; u and z stay fixed, so x converges to a fixed point
    // without denormals (u is O(1), z is O(1)).

    @Benchmark
    public Object kernelDouble() {
        EulerKernels.step(true, n, x, 0, u, 0, h, z, 0, Networks.BETA, Networks.DT, Networks.S);
        return x;
    }

    @Benchmark
    public Object kernelFloat() {
        EulerKernels.step(true, n, xf, 0, uf, 0, hf, zf, 0,
                (float) Networks.BETA, (float) Networks.DT, (float) Networks.S);
        return xf;
    }

    @Benchmark
    public Object referenceKernelDouble() {
        ReferenceKernels.step(true, n, x, 0, u, 0, h, z, 0, Networks.BETA, Networks.DT, Networks.S);
        return x;
    }
}
