package org.plasticity.layered.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.plasticity.layered.credit.CreditRule;
import org.plasticity.layered.credit.CreditRules;
import org.plasticity.layered.credit.RuleType;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.data.Xor;
import org.plasticity.layered.network.Activity;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Gradients;

/**
 * What every credit rule in the registry must do, written once and run over {@link CreditRules#all()} (so a rule
 * added there, or through a {@code RuleProvider} on the class path, is checked without editing this file): finite,
 * non-zero directions; XOR solved with its recipe; the same numbers whether it trains alone or beside another run.
 */
public class CreditRuleContractTest {

    /** @return every registered rule's short name. */
    public static List<String> rules() {
        return CreditRules.all().stream().map(RuleType::id).toList();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void givesFiniteNonZeroDirections(String rule) {
        finiteDirections(rule);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void solvesXorWithItsRecipe(String rule) {
        solvesXor(rule);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void sameNumbersAtOneAndTwoThreads(String rule) throws Exception {
        sameNumbersAtAnyThreadCount(rule);
    }

    /**
     * One step on XOR from the recipe's network: every direction and bias entry is finite, and not all are zero. The
     * step starts from the rule's {@link CreditRule#respond} (the feed-forward pass for most rules; equilibrium
     * propagation's free fixed point, the state its nudged phase must start from), as the trainer's steps do.
     */
    public static void finiteDirections(String rule) {
        TrainConfig c = Recipes.xor(rule, 1);
        Dataset xor = Xor.dataset();
        Trainer t = new Trainer(c, TrainingListener.NONE);
        FeedForwardNet net = t.network(xor);
        CreditRule credit = CreditRules.create(rule, net, 4, c.loss(), c.init(), c.settings(),
                new SplittableRandom(1));
        assertEquals(CreditRules.canonical(rule), credit.id(), "a rule reports its registry id");
        Activity act = net.newActivity(4);
        credit.respond(net, xor.inputs(), 0, 4, act);
        float[] y = new float[4 * xor.classes()];
        for (int r = 0; r < 4; r++) {
            y[r * xor.classes() + xor.labels()[r]] = 1;
        }
        Gradients g = new Gradients(net.sizes());
        credit.assign(net, act, y, g, new SplittableRandom(2));
        double sum = 0;
        for (float[][] part : new float[][][] {g.weights, g.biases}) {
            for (float[] layer : part) {
                for (float v : layer) {
                    assertTrue(Float.isFinite(v), rule + ": direction entry " + v);
                    sum += Math.abs(v);
                }
            }
        }
        assertTrue(sum > 0, rule + ": all directions zero");
    }

    /** Its XOR recipe takes the rule from about chance to every pattern right, for three seeds. */
    public static void solvesXor(String rule) {
        for (long seed = 1; seed <= 3; seed++) {
            TrainResult r = new Trainer(Recipes.xor(rule, seed), TrainingListener.NONE)
                    .train(rule, Xor.dataset(), Xor.dataset());
            assertEquals(0.5, r.epochs().get(0).trainAccuracy(), 0.26, "untrained is near chance");
            assertEquals(1.0, r.last().trainAccuracy(), "rule " + rule + " seed " + seed);
        }
    }

    /** A run alone on one thread and the same run on two threads beside another give the same numbers. */
    public static void sameNumbersAtAnyThreadCount(String rule) throws Exception {
        Dataset data = TrainerTest.teacher(200, 11);
        TrainConfig c = Recipes.images(rule, 5, 16).toBuilder().epochs(3).batchSize(16).probe(32).build();
        TrainResult alone = new Trainer(c, TrainingListener.NONE).train(rule, data, data);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<TrainResult>> f = new ArrayList<>();
            f.add(pool.submit(() -> new Trainer(c.withSeed(6), TrainingListener.NONE).train(rule, data, data)));
            f.add(pool.submit(() -> new Trainer(c, TrainingListener.NONE).train(rule, data, data)));
            TrainResult beside = f.get(1).get();
            f.get(0).get();
            assertEquals(alone.epochs().size(), beside.epochs().size());
            for (int e = 0; e < alone.epochs().size(); e++) {
                assertEquals(alone.epochs().get(e).trainLoss(), beside.epochs().get(e).trainLoss(), 0.0);
                assertEquals(alone.epochs().get(e).testAccuracy(), beside.epochs().get(e).testAccuracy(), 0.0);
                assertArrayEquals(alone.epochs().get(e).updateAngles(), beside.epochs().get(e).updateAngles(), 0.0);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
