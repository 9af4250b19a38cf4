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
 * One network step of a single trial, as the simulator does it:
 * <pre>
 *   u = J x                       (BLAS gemv through Blas)
 *   z ~ N(0,1)^n                  (Seeds.gaussians, fresh every step)
 *   x += dt (tanh(beta (u + h)) - x) + sigma sqrt(dt) z     (EulerKernels.step, Vector API)
 * </pre>
 * Run with {@code OPENBLAS_NUM_THREADS=1}. The state evolves from call to call (as in a simulation); it stays bounded
 * because tanh is bounded and the step is leaky. Nothing is allocated in {@link #step()}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class RnnStepBench {
    @Param({"200", "1000", "2000"})
    public int n;

    @Param({"double", "float"})
    public String precision;

    private boolean single;
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
        double[] jd = Networks.coupling(n, init);
        double[] hd = Networks.field(n, init);
        double[] xd = Networks.state(n, init);
        rng = new SplittableRandom(Networks.SEED + 1);
        single = switch (precision) {
            case "double" -> false;
            case "float" -> true;
            default -> throw new IllegalArgumentException("precision must be double or float: " + precision);
        };
        if (single) {
            jf = Vectors.toFloat(jd);
            hf = Vectors.toFloat(hd);
            xf = Vectors.toFloat(xd);
            uf = new float[n];
            zf = new float[n];
        } else {
            j = jd;
            h = hd;
            x = xd;
            u = new double[n];
            z = new double[n];
        }
    }

    /** @return the state (consumed by JMH's implicit Blackhole, so nothing can be eliminated). */
    @Benchmark
    public Object step() {
        return single ? stepFloat() : stepDouble();
    }

    private double[] stepDouble() {
        Blas.gemv(n, n, 1.0, j, 0, x, 0, 0.0, u, 0);
        Seeds.gaussians(rng, z, 0, n);
        EulerKernels.step(true, n, x, 0, u, 0, h, z, 0, Networks.BETA, Networks.DT, Networks.S);
        return x;
    }

    private float[] stepFloat() {
        Blas.gemv(n, n, 1f, jf, 0, xf, 0, 0f, uf, 0);
        Seeds.gaussians(rng, zf, 0, n);
        EulerKernels.step(true, n, xf, 0, uf, 0, hf, zf, 0,
                (float) Networks.BETA, (float) Networks.DT, (float) Networks.S);
        return xf;
    }
}
