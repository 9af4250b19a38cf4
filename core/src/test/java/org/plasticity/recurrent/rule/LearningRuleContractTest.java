package org.plasticity.recurrent.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.plasticity.recurrent.config.NetworkConfig;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.dynamics.Simulator;
import org.plasticity.recurrent.fluctuations.MomentAccumulator;
import org.plasticity.recurrent.fluctuations.Moments;
import org.plasticity.recurrent.model.RateNetwork;

/**
 * The contract every registered learning rule keeps, run over {@link LearningRules#names()} so that a new rule is
 * tested by adding its registry line: on simulated input-evoked activity of a small network, the rule's analytic mean
 * update {@code <F>} from the activity's moments agrees with the average of {@code post(xi, x) x^T} over the very same
 * samples.
 */
class LearningRuleContractTest {
    private static final int N = 10;

    @TestFactory
    Stream<DynamicTest> analyticMeanUpdateAgreesWithTheSimulatedAverage() {
        return LearningRules.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
    }

    private static void check(String name) {
        LearningRule rule = LearningRules.byName(name);
        assertEquals(name, rule.name(), "a rule knows its registered name");
        assertTrue(!rule.description().isBlank(), "a rule describes itself for the help and docs");
        NetworkConfig netCfg = NetworkConfig.defaults().withMemories(2).withN(N);
        SimulationConfig sim = SimulationConfig.defaults().withBurnIn(20).withDuration(200).withTrials(4);
        RateNetwork network = RateNetwork.build(netCfg, 5);
        double[] xi = new double[N];
        double[] field = new double[N];
        for (int i = 0; i < N; i++) {
            xi[i] = i % 3 == 0 ? -1 : 1;
            field[i] = 0.3 * (i % 2 == 0 ? 1 : -1);
        }
        MomentAccumulator acc = new MomentAccumulator(N, 0, sim.trials());
        double[] sum = new double[N * N];
        long[] count = {0};
        double[] post = new double[N];
        new Simulator(network, sim).run(field, 11, 0, sim.trials(), (first, trials, n, states) -> {
            acc.sample(first, trials, n, states.clone());
            for (int b = 0; b < trials; b++) {
                rule.post(xi, states, b * n, post);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        sum[i * n + j] += post[i] * states[b * n + j];
                    }
                }
                count[0]++;
            }
        });
        Moments evoked = Moments.combine(java.util.List.of(acc));
        assertEquals(count[0], evoked.samples(), "the same samples on both sides");
        double[] analytic = rule.meanUpdate(xi, evoked);
        double scale = 0;
        for (double v : analytic) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int k = 0; k < sum.length; k++) {
            // Both are averages of O(1) products over the same few thousand samples, summed in different orders
            // (the accumulator uses a matrix product): they agree to rounding, far inside 1e-9 of the largest entry.
            assertEquals(sum[k] / count[0], analytic[k], 1e-9 * Math.max(1, scale), name + " entry " + k);
        }
    }
}
