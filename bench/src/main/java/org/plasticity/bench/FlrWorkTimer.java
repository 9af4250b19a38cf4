package org.plasticity.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.plasticity.numeric.Blas;
import org.plasticity.numeric.SymmetricEigen;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.config.SpeedConfig;
import org.plasticity.recurrent.experiment.FlrExperiment;
import org.plasticity.recurrent.experiment.FlrResult;
import org.plasticity.recurrent.experiment.Preflight;
import org.plasticity.recurrent.experiment.ProgressListener;

/**
 * Wall time of the simulation work of one fluctuation-learning experiment, the Java side of bench/flr.sh (peer:
 * bench/peer/flr_work.py). Prints one JSON object to stdout.
 *
 * <p>It measures through the experiment's entry point only, {@code FlrExperiment.run(cfg, threads,
 * ProgressListener.NONE)}, so that it keeps measuring the same work while the engine behind it changes. The config
 * is the demo's ({@link FlrConfig#defaults()}) with the given sizes, learning switched off
 * ({@code learning.enabled: false}) and the quasi-static speed ({@code speed.method: quasi-static}). What is left
 * is simulation (docs/model.md#dynamics, #quasi-static):
 * <ul>
 *   <li>one spontaneous run: T trials of burn-in + duration steps, moments from a sample every
 *   {@code sample_every} steps after burn-in;</li>
 *   <li>per task (K of them): one input-evoked run with moments, and one run of the changed network
 *   {@code J + s <F>/N} with the evoked run's seeds.</li>
 * </ul>
 * Trial-steps = T x (burn-in + duration)/dt x (1 + 2K). The result is wall time / trial-steps, in microseconds.
 *
 * <p>The run also does a fixed number of symmetric eigenvalue decompositions of N x N matrices, which are not
 * simulation: the stability check of J when the network is built, the spontaneous covariance, the covariance of
 * each trial group (for the top eigenvalue's standard error) and J again (its top eigenvalue), so 3 + groups, with
 * groups = min(T, 10) as of this writing. At N = 2000 they take a large share of the run. This timer times one
 * decomposition of J after the run and reports the run's time with and without {@code count x one}.
 *
 * <p>Peak memory: the used heap sampled every 10 ms during the timed run (garbage included), the heap the pools
 * held after their last collection (sampled likewise; closer to the live data), the sum of the heap pools' peaks
 * (reset before the run; an upper bound, since pools peak at different times), the process's peak resident set
 * ({@code VmHWM}; it also counts the JVM itself and the warm-up run) and {@code Preflight}'s estimate for the config.
 *
 * <pre>
 *   java --add-modules=jdk.incubator.vector -XX:+UseParallelGC -Xmx4g \
 *       -cp bench/target/benchmarks.jar org.plasticity.bench.FlrWorkTimer --n 1000 [--memories 10] [--trials 20]
 *       [--tasks 3] [--burn-in 200] [--duration 1000] [--threads 1] [--warmup 1] [--repeats 1] [--seed 42]
 * </pre>
 * A bad option value prints one line naming it and exits with status 2.
 */
public final class FlrWorkTimer {
    private static final long SAMPLE_MS = 10;

    private FlrWorkTimer() {}

    /** Parsed command line. */
    private record Options(int n, int memories, int trials, int tasks, double burnIn, double duration, int threads,
                           int warmup, int repeats, long seed) {}

    public static void main(String[] args) {
        Options o;
        FlrConfig cfg;
        try {
            o = parse(args);
            cfg = config(o, o.burnIn(), o.duration(), o.tasks());
            Preflight.check(cfg, o.threads()); // too large for this heap: say so now, as the command does
        } catch (IllegalArgumentException e) { // ConfigException among them: the one-line message names the key
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        double startWall = System.currentTimeMillis() / 1e3;
        // JIT warm-up with short runs of at most 200 units, so that the timed run measures compiled code: the
        // kernels are compiled per method, not per size, and a warm-up at N = 2000 would spend a minute on its
        // eigenvalue decompositions alone.
        Options small = new Options(Math.min(o.n(), 200), Math.min(o.memories(), 10), o.trials(), 3, 0, 0, o.threads(),
                0, 1, o.seed());
        for (int w = 0; w < o.warmup(); w++) {
            FlrExperiment.run(config(small, Math.min(o.burnIn(), 5), Math.min(o.duration(), 20), 3), o.threads(),
                    ProgressListener.NONE);
        }
        double dt = cfg.network().dt();
        long steps = SimulationConfig.steps(cfg.simulation().burnIn(), dt)
                + SimulationConfig.steps(cfg.simulation().duration(), dt);
        long runs = 1 + 2L * o.tasks();
        long trialSteps = (long) o.trials() * steps * runs;

        Timed t = time(cfg, o);
        int eigenCount = 3 + Math.min(o.trials(), 10);
        double eigenOne = timeEigen(FlrExperiment.network(cfg).coupling(), o.n());
        double median = TimerOutput.median(t.seconds());
        double simOnly = Math.max(0, median - eigenCount * eigenOne);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("side", "java");
        out.put("n", o.n());
        out.put("memories", o.memories());
        out.put("trials", o.trials());
        out.put("tasks", o.tasks());
        out.put("burn_in", o.burnIn());
        out.put("duration", o.duration());
        out.put("dt", dt);
        out.put("sample_every", cfg.simulation().sampleEvery());
        out.put("threads", o.threads());
        out.put("steps_per_run", steps);
        out.put("runs", runs);
        out.put("trial_steps", trialSteps);
        out.put("seconds", median);
        out.put("run_seconds", t.seconds());
        out.put("us_per_trial_step", median / trialSteps * 1e6);
        out.put("eigen_count", eigenCount);
        out.put("eigen_seconds_one", eigenOne);
        out.put("eigen_seconds_est", eigenCount * eigenOne);
        out.put("us_per_trial_step_excl_eigen", simOnly / trialSteps * 1e6);
        out.put("peak_heap_sampled_mb", t.peakSampled() / 1e6);
        out.put("peak_heap_pools_mb", t.peakPools() / 1e6);
        out.put("peak_heap_after_gc_mb", t.peakAfterGc() / 1e6);
        out.put("preflight_estimate_mb", Preflight.estimate(cfg, o.threads()).bytes() / 1e6);
        out.put("peak_rss_mb", peakRssMb());
        out.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1e6);
        out.put("spontaneous_mean_variance", t.last().spontaneous().meanVariance());
        out.put("mean_measured_speed", t.last().tasks().stream().mapToDouble(r -> r.measured().speed()).average()
                .orElse(Double.NaN));
        out.put("blas_backend", Blas.backend());
        out.put("jdk", System.getProperty("java.runtime.version"));
        out.put("cpus", Runtime.getRuntime().availableProcessors());
        out.put("start", startWall);
        out.put("end", System.currentTimeMillis() / 1e3);
        System.out.println(TimerOutput.json(out));
    }

    /** Times and peak heaps of the timed runs, and the last run's result. */
    private record Timed(double[] seconds, double peakSampled, double peakPools, double peakAfterGc,
                         FlrResult last) {}

    private static Timed time(FlrConfig cfg, Options o) {
        double[] seconds = new double[o.repeats()];
        double peakSampled = 0;
        double peakPools = 0;
        double peakAfterGc = 0;
        FlrResult last = null;
        for (int r = 0; r < o.repeats(); r++) {
            System.gc();
            List<MemoryPoolMXBean> pools = heapPools();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            HeapSampler sampler = new HeapSampler(pools);
            sampler.start();
            long t0 = System.nanoTime();
            last = FlrExperiment.run(cfg, o.threads(), ProgressListener.NONE);
            seconds[r] = (System.nanoTime() - t0) / 1e9;
            sampler.finish();
            peakSampled = Math.max(peakSampled, sampler.peak.get());
            peakAfterGc = Math.max(peakAfterGc, sampler.peakAfterGc.get());
            peakPools = Math.max(peakPools, pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum());
        }
        return new Timed(seconds, peakSampled, peakPools, peakAfterGc, last);
    }

    private static Options parse(String[] args) {
        int n = 100;
        int memories = -1;
        int trials = 20;
        int tasks = 3;
        double burnIn = 200;
        double duration = 1000;
        int threads = 1;
        int warmup = 1;
        int repeats = 1;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            String key = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(key + ": needs a value");
            }
            String v = args[++i];
            try {
                switch (key) {
                    case "--n" -> n = Integer.parseInt(v);
                    case "--memories" -> memories = Integer.parseInt(v);
                    case "--trials" -> trials = Integer.parseInt(v);
                    case "--tasks" -> tasks = Integer.parseInt(v);
                    case "--burn-in" -> burnIn = Double.parseDouble(v);
                    case "--duration" -> duration = Double.parseDouble(v);
                    case "--threads" -> threads = Integer.parseInt(v);
                    case "--warmup" -> warmup = Integer.parseInt(v);
                    case "--repeats" -> repeats = Integer.parseInt(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    default -> throw new IllegalArgumentException(key + ": unknown option");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": not a number: " + v);
            }
        }
        if (threads < 1 || warmup < 0 || repeats < 1) {
            String bad = threads < 1 ? "--threads" : warmup < 0 ? "--warmup" : "--repeats";
            throw new IllegalArgumentException(bad + ": out of range");
        }
        // The benchmark's sizes: 10 memories up to N = 1000, 100 at N = 2000.
        int m = memories >= 0 ? memories : n <= 1000 ? Math.min(10, n) : 100;
        return new Options(n, m, trials, tasks, burnIn, duration, threads, warmup, repeats, seed);
    }

    /** The demo's experiment at the given sizes, with learning off and the quasi-static speed. */
    private static FlrConfig config(Options o, double burnIn, double duration, int tasks) {
        FlrConfig d = FlrConfig.defaults();
        return d.withSeed(o.seed())
                // memories to 0 first, so that no intermediate network has more memories than units
                .withNetwork(d.network().withMemories(0).withN(o.n()).withMemories(o.memories()))
                .withSimulation(d.simulation().withTrials(o.trials()).withBurnIn(burnIn).withDuration(duration))
                .withTask(d.task().withCount(tasks))
                .withSpeed(d.speed().withMethod(SpeedConfig.Method.QUASI_STATIC))
                .withLearning(d.learning().withEnabled(false));
    }

    private static double timeEigen(double[] j, int n) {
        SymmetricEigen.values(n, j.clone()); // its code is compiled by the run already; this takes the page faults
        long t0 = System.nanoTime();
        SymmetricEigen.values(n, j.clone());
        return (System.nanoTime() - t0) / 1e9;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid()) {
                heap.add(p);
            }
        }
        return heap;
    }

    /** Peak resident set of this process from /proc (Linux), in MB; NaN elsewhere. */
    private static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024 / 1e6;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /**
     * Samples the used heap until told to stop: all of it (garbage not yet collected included, so it depends on the
     * collector's sizing), and what the heap pools held after their last collection (closer to the live data).
     */
    private static final class HeapSampler extends Thread {
        final AtomicLong peak = new AtomicLong();
        final AtomicLong peakAfterGc = new AtomicLong();
        private final List<MemoryPoolMXBean> pools;
        private volatile boolean running = true;

        HeapSampler(List<MemoryPoolMXBean> pools) {
            super("heap-sampler");
            this.pools = pools;
            setDaemon(true);
        }

        @Override
        public void run() {
            var memory = ManagementFactory.getMemoryMXBean();
            while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                long afterGc = 0;
                for (MemoryPoolMXBean p : pools) {
                    afterGc += p.getCollectionUsage() == null ? 0 : p.getCollectionUsage().getUsed();
                }
                peakAfterGc.accumulateAndGet(afterGc, Math::max);
                try {
                    Thread.sleep(SAMPLE_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void finish() {
            running = false;
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        }
    }

}
