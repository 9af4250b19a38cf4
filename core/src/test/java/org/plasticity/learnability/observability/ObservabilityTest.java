package org.plasticity.learnability.observability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plasticity.ConfigException;
import org.plasticity.learnability.Directions;
import org.plasticity.learnability.LearnabilityResult;
import org.plasticity.learnability.LearnabilityStudy;
import org.plasticity.learnability.Recording;
import org.plasticity.learnability.SampleCovariance;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.config.LearningConfig;
import org.plasticity.recurrent.config.NetworkConfig;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.config.SpeedConfig;
import org.plasticity.recurrent.config.TaskConfig;
import org.plasticity.recurrent.experiment.FlrExperiment;
import org.plasticity.recurrent.experiment.ProgressListener;
import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.stats.Agreement;

/**
 * The observability analysis on the small network of {@code SimulatedRecordingTest} (N = 50, 12 tasks): with every
 * unit and a long recording, learnability's FLR2 agrees with the measured speeds as well as the experiment's own FLR2
 * does (the limit the analysis must reach); the agreement falls, on average, as fewer units or fewer samples are
 * recorded; one cell's scores equal those of {@code LearnabilityStudy} run on the same recording (another path
 * through the same estimate); impossible options are refused before any work.
 */
class ObservabilityTest {
    static final int[] NEURONS = {4, 12, 50};
    static final int[] SAMPLES = {100, 800, 8000};
    static final int REPEATS = 8;
    /** How far a mean may rise against the expected trend: about two standard errors of a cell's mean. */
    static final double TOLERANCE = 0.06;
    static FlrConfig cfg;
    static ObservabilityResult res;
    static double seconds;

    static FlrConfig config() {
        return new FlrConfig(21, NetworkConfig.defaults().withN(50).withMemories(5),
                SimulationConfig.defaults().withBurnIn(50).withDuration(300).withTrials(8),
                TaskConfig.defaults().withCount(12), "hebbian", SpeedConfig.defaults(),
                LearningConfig.defaults().withEnabled(false));
    }

    @BeforeAll
    static void run() {
        long start = System.nanoTime();
        cfg = config();
        res = Observability.run(cfg, new Observability.Options(NEURONS, SAMPLES, REPEATS, new SampleCovariance()), 2,
                ProgressListener.NONE);
        seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder t = new StringBuilder(String.format("%.1f s; experiment FLR2 vs measured %.3f; tau %.1f samples%n",
                seconds, res.experimentSpearman(), res.autocorrelationTime()));
        for (int k = 0; k < NEURONS.length; k++) {
            for (int s = 0; s < SAMPLES.length; s++) {
                t.append(String.format("  K %3d n %5d: %.3f +- %.3f (vs experiment FLR2 %.3f)%n", NEURONS[k], SAMPLES[s],
                        ObservabilityResult.mean(res.spearman(), k, s), ObservabilityResult.sd(res.spearman(), k, s),
                        ObservabilityResult.mean(res.spearmanVsExperiment(), k, s)));
            }
        }
        System.out.print(t);
    }

    @Test
    void everyUnitAndALongRecordingReachTheExperimentsOwnAgreement() {
        int k = NEURONS.length - 1;
        int s = SAMPLES.length - 1;
        assertTrue(res.experimentSpearman() > 0.8, "the experiment itself: " + res.experimentSpearman());
        assertEquals(res.experimentSpearman(), ObservabilityResult.mean(res.spearman(), k, s), 0.08);
        assertTrue(ObservabilityResult.mean(res.spearmanVsExperiment(), k, s) > 0.93,
                "ranks the tasks as the experiment's FLR2");
        assertTrue(seconds < 20, "took " + seconds + " s");
    }

    @Test
    void agreementFallsAsFewerUnitsOrSamplesAreRecorded() {
        double[][] m = new double[NEURONS.length][SAMPLES.length];
        for (int k = 0; k < NEURONS.length; k++) {
            for (int s = 0; s < SAMPLES.length; s++) {
                m[k][s] = ObservabilityResult.mean(res.spearman(), k, s);
            }
        }
        for (int k = 0; k < NEURONS.length; k++) {
            for (int s = 0; s < SAMPLES.length; s++) {
                if (k > 0) {
                    assertTrue(m[k - 1][s] <= m[k][s] + TOLERANCE, "fewer units, K " + NEURONS[k - 1] + " vs "
                            + NEURONS[k] + " at n " + SAMPLES[s] + ": " + Arrays.deepToString(m));
                }
                if (s > 0) {
                    assertTrue(m[k][s - 1] <= m[k][s] + TOLERANCE, "fewer samples at K " + NEURONS[k] + ": "
                            + Arrays.deepToString(m));
                }
            }
        }
        int last = SAMPLES.length - 1;
        assertTrue(m[0][last] < m[NEURONS.length - 1][last] - 0.1, "4 of 50 units lose ground: " + Arrays.deepToString(m));
        assertTrue(m[NEURONS.length - 1][0] < m[NEURONS.length - 1][last] - 0.05, "100 samples lose ground: "
                + Arrays.deepToString(m));
    }

    /**
     * One cell recomputed through {@code LearnabilityStudy} on the same recording (the first K units of the repeat's
     * order, first n samples): its FLR2 ranks the tasks as the analysis's, to the same Spearman correlation.
     */
    @Test
    void aCellIsLearnabilityOnTheSubRecording() {
        RateNetwork network = FlrExperiment.network(cfg);
        int n = network.n();
        int repeat = 3;
        int units = NEURONS[1];
        int samples = SAMPLES[1];
        double[] rec = Observability.record(cfg, network, SAMPLES[SAMPLES.length - 1], repeat);
        int[] order = Arrays.copyOf(Observability.order(n,
                org.plasticity.numeric.Seeds.stream(cfg.seed(), Observability.SUBSET_TAG, repeat)), units);
        double[] sub = new double[samples * units];
        for (int t = 0; t < samples; t++) {
            for (int i = 0; i < units; i++) {
                sub[t * units + i] = rec[t * n + order[i]];
            }
        }
        var tasks = FlrExperiment.tasks(cfg, network);
        double[] xi = new double[tasks.size() * units];
        double[] eta = new double[tasks.size() * units];
        for (int t = 0; t < tasks.size(); t++) {
            for (int i = 0; i < units; i++) {
                xi[t * units + i] = tasks.get(t).get(0).xi()[order[i]];
                eta[t * units + i] = tasks.get(t).get(0).eta()[order[i]];
            }
        }
        LearnabilityResult lr = LearnabilityStudy.run(Recording.of("sub", samples, units, sub), new SampleCovariance(),
                Directions.of("xi", tasks.size(), units, xi, units, 0), Directions.of("eta", tasks.size(), units, eta,
                        units, 0), new LearnabilityStudy.Options(0, null, 0.95, 1, false), 1,
                LearnabilityStudy.Progress.NONE);
        assertEquals(Agreement.spearman(lr.estimate().flr2(), res.measured()), res.spearman()[1][1][repeat], 1e-12);
        assertEquals(Agreement.spearman(lr.estimate().flr2VarianceForm(), res.measured()),
                res.spearmanVarianceForm()[1][1][repeat], 1e-12);
        double[][] direct = Observability.Pairs.of(tasks, n).score(rec, n, order, samples, new SampleCovariance());
        assertArrayEquals(lr.estimate().flr2(), direct[0], 1e-12 * Arrays.stream(direct[0]).max().orElseThrow());
    }

    @Test
    void impossibleOptionsAreRefusedNamingTheOption() {
        FlrConfig c = config();
        SampleCovariance e = new SampleCovariance();
        assertEquals("--neurons", assertThrows(ConfigException.class, () -> Observability.check(c,
                new Observability.Options(new int[] {10, 51}, new int[] {100}, 4, e))).key());
        assertEquals("--neurons", assertThrows(ConfigException.class, () -> Observability.check(c,
                new Observability.Options(new int[] {1, 10}, new int[] {100}, 4, e))).key());
        assertEquals("--samples", assertThrows(ConfigException.class, () -> Observability.check(c,
                new Observability.Options(new int[] {10}, new int[] {1, 100}, 4, e))).key());
        assertEquals("--repeats", assertThrows(ConfigException.class, () -> Observability.check(c,
                new Observability.Options(new int[] {10}, new int[] {100}, 1, e))).key());
        assertArrayEquals(new int[] {5, 10, 25, 50, 100}, Observability.defaultNeurons(100));
        assertArrayEquals(new int[] {2, 3, 5, 10}, Observability.defaultNeurons(10));
    }
}
