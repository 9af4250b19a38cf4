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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;
import org.plasticity.numeric.Blas;
import org.plasticity.numeric.EulerKernels;
import org.plasticity.numeric.Seeds;
import org.plasticity.numeric.Vectors;

/**
 * The batched step on 2 cores the way the project runs trials in parallel: two worker threads, each stepping its own
 * group of {@code b} trials with one BLAS thread (run with {@code OPENBLAS_NUM_THREADS=1}), sharing one coupling
 * matrix (as {@code RateNetwork.sharedCoupling()} is shared). With {@code b = 50} per worker, one operation of each
 * thread is half of a B = 100 batch and both halves run at once, so the average time per operation is the time of
 * one step of 100 trials on 2 cores. Each worker's step is {@code RnnBatchBench.step}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
@Threads(2)
public class RnnBatchWorkersBench {

    /** The network, shared by the workers (read only). */
    @State(Scope.Benchmark)
    public static class Network {
        @Param({"1000"})
        public int n;

        @Param({"double", "float"})
        public String precision;

        boolean single;
        double[] j;
        double[] h;
        float[] jf;
        float[] hf;

        @Setup(Level.Trial)
        public void setup() {
            SplittableRandom init = new SplittableRandom(Networks.SEED);
            double[] jd = Networks.coupling(n, init);
            double[] hd = Networks.field(n, init);
            single = switch (precision) {
                case "double" -> false;
                case "float" -> true;
                default -> throw new IllegalArgumentException("precision must be double or float: " + precision);
            };
            if (single) {
                jf = Vectors.toFloat(jd);
                hf = Vectors.toFloat(hd);
            } else {
                j = jd;
                h = hd;
            }
        }
    }

    /** One worker's group of trials. */
    @State(Scope.Thread)
    public static class Group {
        @Param({"50"})
        public int b;

        int n;
        SplittableRandom[] rngs;
        double[] x;
        double[] u;
        double[] z;
        float[] xf;
        float[] uf;
        float[] zf;

        @Setup(Level.Trial)
        public void setup(Network net, ThreadParams thread) {
            n = net.n;
            int first = thread.getThreadIndex() * b;
            SplittableRandom init = new SplittableRandom(Networks.SEED + 1000 + thread.getThreadIndex());
            double[] xd = Networks.state(b * n, init);
            rngs = new SplittableRandom[b];
            for (int r = 0; r < b; r++) {
                rngs[r] = new SplittableRandom(Networks.SEED + 1 + first + r);
            }
            if (net.single) {
                xf = Vectors.toFloat(xd);
                uf = new float[b * n];
                zf = new float[b * n];
            } else {
                x = xd;
                u = new double[b * n];
                z = new double[b * n];
            }
        }
    }

    /** @return the group's state (consumed by JMH's implicit Blackhole). */
    @Benchmark
    public Object step(Network net, Group g) {
        int n = g.n;
        int b = g.b;
        if (net.single) {
            float beta = (float) Networks.BETA;
            float dt = (float) Networks.DT;
            float s = (float) Networks.S;
            Blas.gemmNT(b, n, n, 1f, g.xf, net.jf, 0f, g.uf);
            for (int r = 0; r < b; r++) {
                Seeds.gaussians(g.rngs[r], g.zf, r * n, n);
                EulerKernels.step(true, n, g.xf, r * n, g.uf, r * n, net.hf, g.zf, r * n, beta, dt, s);
            }
            return g.xf;
        }
        Blas.gemmNT(b, n, n, 1.0, g.x, net.j, 0.0, g.u);
        for (int r = 0; r < b; r++) {
            Seeds.gaussians(g.rngs[r], g.z, r * n, n);
            EulerKernels.step(true, n, g.x, r * n, g.u, r * n, net.h, g.z, r * n,
                    Networks.BETA, Networks.DT, Networks.S);
        }
        return g.x;
    }
}
