package org.plasticity.papers.kurikawa2025;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.plasticity.recurrent.experiment.ProgressListener;
import org.plasticity.recurrent.rule.LearningRules;
import org.plasticity.stats.Agreement;

class RulesFigureTest {
    /** Beyond the paper: known by name, not in the set {@code reproduce} runs by default. */
    @Test
    void rulesFigureRunsOnlyWhenNamed() {
        assertFalse(Figures.ids().contains("rules"));
        assertEquals(8, Figures.ids().size(), "the paper's figures");
        assertEquals("rules", Figures.byId("rules").id());
        List<String> all = Figures.allIds();
        assertEquals(Figures.ids(), all.subList(0, 8));
        assertEquals("rules", all.get(all.size() - 1));
        assertEquals(RulesFigure.PUSH, Figures.byId("rules").base(Scale.SMOKE, 1).speed().perturbation());
    }

    /**
     * At smoke scale: one series per rule and task type, each series' r recomputed from its rows, and the verdict
     * recomputed from those r; node perturbation's estimated mean update comes with its uncertainty.
     */
    @Test
    void verdictComesFromEveryRulesNumbers() {
        FigureResult f = Reproduction.run("rules", Scale.SMOKE, 42, 2, ProgressListener.NONE);
        List<String> rules = List.copyOf(LearningRules.names());
        assertEquals(rules.size() * RulesFigure.TYPES.length, f.series().size());
        double[] series = f.column("series");
        double[] predicted = f.column("predicted_flr1");
        double[] measured = f.column("measured_speed");
        boolean all = true;
        for (int k = 0; k < f.series().size(); k++) {
            int s = k;
            int[] idx = java.util.stream.IntStream.range(0, series.length).filter(i -> series[i] == s).toArray();
            assertTrue(idx.length >= 3, f.series().get(k) + " has tasks");
            double r = Agreement.pearson(Arrays.stream(idx).mapToDouble(i -> predicted[i]).toArray(),
                    Arrays.stream(idx).mapToDouble(i -> measured[i]).toArray());
            assertEquals(r, f.numbers().get(f.series().get(k) + ": flr1_pearson_r"), 1e-12);
        }
        for (String rule : rules) {
            double worst = f.numbers().get(rule + ": min_flr1_pearson_r");
            for (String type : RulesFigure.TYPES) {
                assertTrue(f.numbers().get(rule + " / " + type + ": flr1_pearson_r") >= worst);
            }
            all &= worst >= RulesFigure.THRESHOLD;
            assertEquals(worst < RulesFigure.THRESHOLD, named(f.verdictDetail()).contains(rule),
                    "a rule is named below the threshold when it is: " + rule);
        }
        assertEquals(all, f.reproduced(), f.verdictDetail());
        for (String rule : rules) {
            double learned = f.numbers().get(rule + " / " + RulesFigure.LEARNED + ": learned_fraction");
            assertEquals(learned < 1, f.verdictDetail().contains(", " + rule + " reaches"), rule);
        }
        double se = f.numbers().get("node-perturbation: flr1_relative_se_of_mean_update_median");
        assertTrue(se > 0 && se <= f.numbers().get("node-perturbation: flr1_relative_se_of_mean_update_max"));
    }

    /** @return the rules the verdict line names as below the threshold. */
    private static List<String> named(String detail) {
        String mark = "FLR1 r < " + RulesFigure.THRESHOLD + " for ";
        int at = detail.indexOf(mark);
        if (at < 0) {
            return List.of();
        }
        String rest = detail.substring(at + mark.length());
        return List.of(rest.substring(0, rest.indexOf(" (docs")).split(", "));
    }

    /** The figure at its default scale (about 75 s on two cores, longer on a shared machine): every rule keeps FLR1. */
    @Test
    @Tag("slow")
    void defaultScaleIsReproduced() {
        FigureResult f = Reproduction.run("rules", Scale.DEFAULT, 42, 2, ProgressListener.NONE);
        assertTrue(f.reproduced(), f.verdictDetail());
    }
}
