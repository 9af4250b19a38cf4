package org.plasticity.recurrent.fluctuations;

import java.util.ArrayList;
import java.util.List;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.dynamics.Simulator;
import org.plasticity.recurrent.model.RateNetwork;

/**
 * Estimates stationary moments of a network by simulation: spontaneous (no input) or input-evoked. Trials are split
 * into fixed groups that run independently; groups depend only on the trial count, never on threads, so results are
 * identical at any parallelism.
 */
public final class Sampling {
    /** Upper bound on groups: enough for standard errors, few enough for efficient batched GEMMs. */
    public static final int MAX_GROUPS = 10;

    private Sampling() {}

    /** @return the fixed split of {@code trials} into groups: {@code [first, count]} pairs. */
    public static int[][] groups(int trials) {
        int g = Math.min(trials, MAX_GROUPS);
        int[][] out = new int[g][];
        int first = 0;
        for (int k = 0; k < g; k++) {
            int count = trials / g + (k < trials % g ? 1 : 0);
            out[k] = new int[] {first, count};
            first += count;
        }
        return out;
    }

    /**
     * Simulates every group and returns the moments.
     *
     * @param field {@code gamma eta}, or null for spontaneous activity
     * @param runner how groups are run (sequentially, or on a pool); must run each given job exactly once
     */
    public static Moments moments(RateNetwork network, SimulationConfig sim, double[] field, long seed,
                                  GroupRunner runner) {
        int[][] groups = groups(sim.trials());
        List<MomentAccumulator> accs = new ArrayList<>();
        List<Runnable> jobs = new ArrayList<>();
        Simulator simulator = new Simulator(network, sim);
        for (int[] g : groups) {
            MomentAccumulator acc = new MomentAccumulator(network.n(), g[0], g[1]);
            accs.add(acc);
            jobs.add(() -> simulator.run(field, seed, g[0], g[1], acc));
        }
        runner.runAll(jobs);
        return Moments.combine(accs);
    }

    /** Runs independent jobs; implementations may run them in parallel. */
    @FunctionalInterface
    public interface GroupRunner {
        void runAll(List<Runnable> jobs);

        /** Runs jobs one after another on the calling thread. */
        GroupRunner SEQUENTIAL = jobs -> jobs.forEach(Runnable::run);
    }
}
