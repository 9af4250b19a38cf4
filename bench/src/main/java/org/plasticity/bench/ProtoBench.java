package org.plasticity.bench;

import java.util.SplittableRandom;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.plasticity.numeric.Blas;
import org.plasticity.numeric.EulerKernels;
import org.plasticity.numeric.Seeds;

/**
 * Prototype of a possible core change, NOT what core does today; run only by {@code run.sh --parts} to give
 * evidence for it. Batched double step, N=1000, B=100, same inputs as {@link RnnBatchBench}, meant for
 * {@code OPENBLAS_NUM_THREADS=2}:
 * <ul>
 *   <li>{@code baseline}: the simulator's step (same code as {@code RnnBatchBench.step}, double): the gemm uses
 *       both cores, the per-row noise + update loop one;</li>
 *   <li>{@code splitRows}: after the gemm, the per-row loop is split over two threads (this one and one persistent
 *       worker), each trial still drawing from its own stream, so results are bit-for-bit unchanged. The
 *       barrier hand-off costs a few microseconds (and may allocate a little), which a real pool would avoid.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class ProtoBench {
    @Param({"1000"})
    public int n;

    @Param({"100"})
    public int b;

    private SplittableRandom[] rngs;
    private double[] j;
    private double[] h;
    private double[] x;
    private double[] u;
    private double[] z;

    private CyclicBarrier barrier;
    private Thread worker;
    private volatile boolean stop;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom init = new SplittableRandom(Networks.SEED);
        j = Networks.coupling(n, init);
        h = Networks.field(n, init);
        x = Networks.state(b * n, init);
        u = new double[b * n];
        z = new double[b * n];
        rngs = new SplittableRandom[b];
        for (int r = 0; r < b; r++) {
            rngs[r] = new SplittableRandom(Networks.SEED + 1 + r);
        }
        barrier = new CyclicBarrier(2);
        worker = new Thread(() -> {
            try {
                while (true) {
                    barrier.await();
                    if (stop) {
                        return;
                    }
                    rows(b / 2, b);
                    barrier.await();
                }
            } catch (InterruptedException | BrokenBarrierException e) {
                Thread.currentThread().interrupt();
            }
        }, "proto-rows");
        worker.setDaemon(true);
        worker.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        stop = true;
        barrier.await();
        worker.join();
    }

    @Benchmark
    public Object baseline() {
        Blas.gemmNT(b, n, n, 1.0, x, j, 0.0, u);
        rows(0, b);
        return x;
    }

    @Benchmark
    public Object splitRows() throws Exception {
        Blas.gemmNT(b, n, n, 1.0, x, j, 0.0, u);
        barrier.await();
        rows(0, b / 2);
        barrier.await();
        return x;
    }

    private void rows(int from, int to) {
        for (int r = from; r < to; r++) {
            Seeds.gaussians(rngs[r], z, r * n, n);
            EulerKernels.step(true, n, x, r * n, u, r * n, h, z, r * n, Networks.BETA, Networks.DT, Networks.S);
        }
    }
}
