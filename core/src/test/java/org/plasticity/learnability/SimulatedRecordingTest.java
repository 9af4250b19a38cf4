package org.plasticity.learnability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plasticity.numeric.Seeds;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.config.LearningConfig;
import org.plasticity.recurrent.config.NetworkConfig;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.config.SpeedConfig;
import org.plasticity.recurrent.config.TaskConfig;
import org.plasticity.recurrent.dynamics.Simulator;
import org.plasticity.recurrent.experiment.FlrExperiment;
import org.plasticity.recurrent.experiment.FlrResult;
import org.plasticity.recurrent.experiment.ProgressListener;
import org.plasticity.recurrent.experiment.TaskResult;
import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.recurrent.task.IoMappingTask;
import org.plasticity.stats.Agreement;

/**
 * The "done when": a recording simulated by the project with known speeds. The flr experiment builds a
 * network, measures its spontaneous covariance, predicts each task's speed by FLR2 and measures the speed by learning.
 * Independently of it, the same network's spontaneous activity is simulated with other noise and handed to
 * learnability as a recording (samples x neurons), with the experiment's task targets and inputs as the directions.
 * Learnability's FLR2 ranks the tasks as the experiment's FLR2 does, equals it once multiplied by the prefactor
 * kappa^3 gamma^2 that learnability leaves out, and agrees with the measured speeds as well as the experiment's FLR2.
 */
class SimulatedRecordingTest {
    static final int TRIALS = 4;
    static FlrConfig cfg;
    static FlrResult exp;
    static RateNetwork network;
    static Directions targets;
    static Directions inputs;
    static double[] expFlr2;
    static double[] expFlr2v;
    static double[] measured;
    static double prefactor;
    static double experimentSeconds;

    static FlrConfig config() {
        return new FlrConfig(21, NetworkConfig.defaults().withN(50).withMemories(5),
                SimulationConfig.defaults().withBurnIn(50).withDuration(300).withTrials(8),
                TaskConfig.defaults().withCount(12), "hebbian", SpeedConfig.defaults(),
                LearningConfig.defaults().withEnabled(false));
    }

    /** Spontaneous activity of {@code network}: the trials of {@code sim}, laid end to end. */
    static Recording record(SimulationConfig sim, long seed) {
        int n = network.n();
        int perTrial = (int) SimulationConfig.steps(sim.duration(), network.config().dt()) / sim.sampleEvery();
        int trialCount = sim.trials();
        double[] values = new double[trialCount * perTrial * n];
        int[] next = new int[trialCount];
        new Simulator(network, sim).run(null, seed, 0, trialCount, (first, trials, units, states) -> {
            for (int b = 0; b < trials; b++) {
                int trial = first + b;
                if (next[trial] < perTrial) {
                    System.arraycopy(states, b * units, values, (trial * perTrial + next[trial]++) * n, n);
                }
            }
        });
        for (int c : next) {
            assertEquals(perTrial, c, "samples per trial");
        }
        return Recording.of("simulated", trialCount * perTrial, n, values);
    }

    @BeforeAll
    static void runTheExperiment() {
        long start = System.nanoTime();
        cfg = config();
        exp = FlrExperiment.run(cfg, 2, ProgressListener.NONE);
        network = FlrExperiment.network(cfg);
        List<List<IoMappingTask>> tasks = FlrExperiment.tasks(cfg, network);
        int n = network.n();
        int k = tasks.size();
        double[] xi = new double[k * n];
        double[] eta = new double[k * n];
        for (int t = 0; t < k; t++) {
            System.arraycopy(tasks.get(t).get(0).xi(), 0, xi, t * n, n);
            System.arraycopy(tasks.get(t).get(0).eta(), 0, eta, t * n, n);
        }
        expFlr2 = new double[k];
        expFlr2v = new double[k];
        measured = new double[k];
        for (int t = 0; t < k; t++) {
            TaskResult r = exp.tasks().get(t);
            expFlr2[t] = r.predicted().flr2();
            expFlr2v[t] = r.predicted().flr2Variance();
            measured[t] = r.measured().speed();
        }
        double gamma = cfg.task().gamma();
        prefactor = Math.pow(network.kappa(), 3) * gamma * gamma;
        targets = Directions.of("xi", k, n, xi, n, 0);
        inputs = Directions.of("eta", k, n, eta, n, 0);
        experimentSeconds = (System.nanoTime() - start) / 1e9;
    }

    /**
     * The experiment's own spontaneous samples (same seed, trials and sampling) as the recording: the sample
     * covariance is then the experiment's C times n / (n - 1) (it divides by n), so learnability's FLR2, cubic in C,
     * times the prefactor is the experiment's FLR2 times (n / (n - 1))^3, to rounding.
     */
    @Test
    void theExperimentsOwnSamplesGiveTheExperimentsFlr2() {
        Recording rec = record(cfg.simulation(), Seeds.derive(cfg.seed(), 1));
        LearnabilityResult res = LearnabilityStudy.run(rec, new SampleCovariance(), targets, inputs,
                new LearnabilityStudy.Options(0, null, 0.95, 5, false), 1, LearnabilityStudy.Progress.NONE);
        double unbias = Math.pow(rec.samples() / (rec.samples() - 1.0), 3);
        for (int t = 0; t < expFlr2.length; t++) {
            assertEquals(expFlr2[t] * unbias, res.estimate().flr2()[t] * prefactor, 1e-9 * expFlr2[t]);
            assertEquals(expFlr2v[t] * unbias, res.estimate().flr2VarianceForm()[t] * prefactor, 1e-9 * expFlr2v[t]);
        }
        assertEquals(1.0, Agreement.spearman(res.estimate().flr2(), expFlr2), 1e-12);
    }

    @Test
    void learnabilityRanksTheTasksAsTheExperimentsFlr2AndTracksTheMeasuredSpeeds() {
        long start = System.nanoTime();
        int k = expFlr2.length;
        int n = network.n();
        Recording rec = record(SimulationConfig.defaults().withBurnIn(50).withDuration(1000).withTrials(TRIALS), 99);
        Recording brief = record(SimulationConfig.defaults().withBurnIn(50).withDuration(100).withTrials(TRIALS), 98);
        double briefRank = Agreement.spearman(LearnabilityStudy.run(brief, new SampleCovariance(), targets, inputs,
                new LearnabilityStudy.Options(0, null, 0.95, 5, false), 1, LearnabilityStudy.Progress.NONE)
                .estimate().flr2(), expFlr2);
        double simulated = experimentSeconds;
        StringBuilder report = new StringBuilder(String.format("%d samples x %d neurons; experiment %.1f s;"
                + " experiment FLR2 vs measured: spearman %.3f%n", rec.samples(), n, simulated,
                Agreement.spearman(expFlr2, measured)));
        for (CovarianceEstimator e : new CovarianceEstimator[] {new SampleCovariance(), new LedoitWolf(),
            new FactorAnalysis(5)}) {
            LearnabilityResult res = LearnabilityStudy.run(rec, e, targets, inputs,
                    new LearnabilityStudy.Options(100, null, 0.95, 5, false), 2, LearnabilityStudy.Progress.NONE);
            double[] f2 = res.estimate().flr2();
            double[] f2v = res.estimate().flr2VarianceForm();
            double rank = Agreement.spearman(f2, expFlr2);
            double rankV = Agreement.spearman(f2v, expFlr2v);
            double vsMeasured = Agreement.spearman(f2, measured);
            double ratio = 0;
            int covered = 0;
            for (int t = 0; t < k; t++) {
                ratio += f2[t] * prefactor / expFlr2[t] / k;
                covered += res.low().flr2()[t] * prefactor <= expFlr2[t]
                        && expFlr2[t] <= res.high().flr2()[t] * prefactor ? 1 : 0;
            }
            report.append(String.format("%s: spearman with experiment FLR2 %.3f (variance form %.3f), with measured"
                    + " %.3f; mean ratio to experiment FLR2 %.3f; experiment FLR2 inside the interval %d of %d;"
                    + " block %d%n", e.name(), rank, rankV, vsMeasured, ratio, covered, k, res.block()));
            if (!e.name().equals(FactorAnalysis.NAME)) {
                assertTrue(rank >= 0.95 && rankV >= 0.95, report.toString());
                assertEquals(Agreement.spearman(expFlr2, measured), vsMeasured, 0.1, report.toString());
            }
            if (e.name().equals(SampleCovariance.NAME)) {
                assertEquals(1.0, ratio, 0.1, "the same quantity, from another stretch of activity: " + report);
            }
        }
        report.append(String.format("a 10x shorter recording (%d samples): spearman with experiment FLR2 %.3f%n",
                brief.samples(), briefRank));
        System.out.print(report);
        assertTrue(Agreement.spearman(expFlr2, measured) > 0.8, "the experiment itself: " + report);
        double seconds = experimentSeconds + (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 20, "took " + seconds + " s");
    }
}
