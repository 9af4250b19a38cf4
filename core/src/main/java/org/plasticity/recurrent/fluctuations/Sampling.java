package org.plasticity.recurrent.fluctuations;

import java.util.ArrayList;
import java.util.List;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.dynamics.Simulator;
import org.plasticity.recurrent.model.RateNetwork;

/**
 * Estimates stationary moments of a network by simulation: spontaneous (no input) or input-evoked. Trials are split
 * into fixed groups, the blocks whose spread gives standard errors; groups depend only on the trial count. They are
 * statistics, not units of work: all groups of all runs given together are stacked into as few batches as the runner
 * has workers, one matrix product per step each. A trial's path does not depend on its batch, so results are
 * identical at any parallelism.
 */
public final class Sampling {
    /** Upper bound on groups: enough for standard errors. */
    public static final int MAX_GROUPS = 10;

    private Sampling() {}

    /**
     * One run on the shared network: its input field and seed.
     *
     * @param field {@code gamma eta}, or null for spontaneous activity
     */
    public record Input(double[] field, long seed) {}

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
     * @param runner how batches are run (sequentially, or on a pool); must run each given job exactly once
     */
    public static Moments moments(RateNetwork network, SimulationConfig sim, double[] field, long seed,
                                  GroupRunner runner) {
        return moments(network, sim, List.of(new Input(field, seed)), runner).get(0);
    }

    /** The moments of several runs sharing the network, in the order of {@code inputs}, simulated together. */
    public static List<Moments> moments(RateNetwork network, SimulationConfig sim, List<Input> inputs,
                                        GroupRunner runner) {
        int[][] groups = groups(sim.trials());
        List<List<MomentAccumulator>> accs = new ArrayList<>();
        List<Simulator.Ensemble> ensembles = new ArrayList<>();
        for (Input in : inputs) {
            List<MomentAccumulator> perInput = new ArrayList<>();
            for (int[] g : groups) {
                MomentAccumulator acc = new MomentAccumulator(network.n(), g[0], g[1]);
                perInput.add(acc);
                ensembles.add(new Simulator.Ensemble(in.field(), in.seed(), g[0], g[1], acc));
            }
            accs.add(perInput);
        }
        simulate(network, sim, ensembles, runner);
        List<Moments> out = new ArrayList<>();
        for (List<MomentAccumulator> perInput : accs) {
            out.add(Moments.combine(perInput));
        }
        return out;
    }

    /**
     * Each trial's mean state, {@code [trial][unit]}, for several runs sharing the network: the same numbers as
     * {@link Moments#trialMeans()} of {@link #moments}, without the cost of the second moments.
     */
    public static List<double[][]> trialMeans(RateNetwork network, SimulationConfig sim, List<Input> inputs,
                                              GroupRunner runner) {
        List<MomentAccumulator> accs = new ArrayList<>();
        List<Simulator.Ensemble> ensembles = new ArrayList<>();
        for (Input in : inputs) {
            MomentAccumulator acc = MomentAccumulator.trialMeansOnly(network.n(), 0, sim.trials());
            accs.add(acc);
            ensembles.add(new Simulator.Ensemble(in.field(), in.seed(), 0, sim.trials(), acc));
        }
        simulate(network, sim, ensembles, runner);
        return accs.stream().map(MomentAccumulator::trialMeans).toList();
    }

    /** Splits the ensembles into one contiguous batch per worker, by their first row, and runs the batches. */
    private static void simulate(RateNetwork network, SimulationConfig sim, List<Simulator.Ensemble> ensembles,
                                 GroupRunner runner) {
        Simulator simulator = new Simulator(network, sim);
        long rows = ensembles.stream().mapToInt(Simulator.Ensemble::trials).sum();
        int batches = Math.max(1, Math.min(runner.parallelism(), ensembles.size()));
        List<List<Simulator.Ensemble>> split = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            split.add(new ArrayList<>());
        }
        long firstRow = 0;
        for (Simulator.Ensemble e : ensembles) {
            split.get((int) (firstRow * batches / rows)).add(e);
            firstRow += e.trials();
        }
        List<Runnable> jobs = new ArrayList<>();
        for (List<Simulator.Ensemble> batch : split) {
            if (!batch.isEmpty()) {
                jobs.add(() -> simulator.run(batch));
            }
        }
        runner.runAll(jobs);
    }

    /** Runs independent jobs; implementations may run them in parallel. */
    @FunctionalInterface
    public interface GroupRunner {
        /** Runs every job exactly once and returns when all are done. */
        void runAll(List<Runnable> jobs);

        /** @return how many jobs this runner runs at once: the simulation is split into that many batches */
        default int parallelism() {
            return 1;
        }

        /** Runs jobs one after another on the calling thread. */
        GroupRunner SEQUENTIAL = jobs -> jobs.forEach(Runnable::run);
    }
}
