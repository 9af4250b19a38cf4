package org.plasticity.papers.kurikawa2025;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.plasticity.recurrent.experiment.ProgressListener;

class ReproductionTest {
    @Test
    void risingIsStrictOrNot() {
        assertTrue(ParameterSweepFigure.rising(new double[] {1, 2, 3}, true));
        assertFalse(ParameterSweepFigure.rising(new double[] {1, 2, 2}, true));
        assertTrue(ParameterSweepFigure.rising(new double[] {1, 2, 2}, false));
        assertFalse(ParameterSweepFigure.rising(new double[] {1, 3, 2}, false));
        assertFalse(ParameterSweepFigure.rising(new double[] {1, Double.NaN}, false), "NaN is no rise");
    }

    /** At smoke scale the gain trend is already clear: the verdict follows from the numbers in the table. */
    @Test
    void gainFigureVerdictComesFromItsNumbers() {
        FigureResult f = Reproduction.run("gain", Scale.SMOKE, 42, 2, ProgressListener.NONE);
        assertEquals("gain", f.id());
        double[] x = f.column("x");
        double[] speed = f.column("measured_speed_mean");
        double[] variance = f.column("mean_variance");
        assertEquals(Reproduction.points("gain", Scale.SMOKE), x.length);
        boolean expected = ParameterSweepFigure.rising(speed, true) && ParameterSweepFigure.rising(variance, true);
        assertEquals(expected, f.reproduced());
        assertTrue(f.reproduced(), f.verdictDetail());
        assertEquals(speed[speed.length - 1] / speed[0], f.numbers().get("speed_ratio_last_to_first"), 1e-12);
        for (double r : f.column("flr1_pearson_r")) {
            assertTrue(r > 0.5, "FLR1 tracks speed at every gain: r = " + r);
        }
    }

    @Test
    void memoriesFigureUsesTheSameRandomTasksAtEveryM() {
        FigureResult f = Reproduction.run("memories", Scale.SMOKE, 42, 2, ProgressListener.NONE);
        assertEquals(0.0, f.column("x")[0]);
        assertEquals(org.plasticity.recurrent.config.TaskConfig.Alignment.RANDOM, f.baseConfig().task().alignment());
        double[] variance = f.column("mean_variance");
        assertTrue(variance[variance.length - 1] > variance[0], "more memories, more spontaneous variance");
    }

    @Test
    void geometryVerdictComesFromItsNumbersAndTheShiftFollowsTheCovariance() {
        FigureResult f = Reproduction.run("geometry", Scale.SMOKE, 42, 2, ProgressListener.NONE);
        var n = f.numbers();
        assertEquals(n.get("response_cosine") >= 0.9 && n.get("response_cosine") > n.get("response_cosine_with_input"),
                f.reproduced());
        // Independent of the verdict: the response is shaped by C, closer to C eta than to eta itself.
        assertTrue(n.get("response_cosine") > n.get("response_cosine_with_input"), n.toString());
        double[] series = f.column("series");
        for (int s = 0; s < 4; s++) {
            final int k = s;
            assertTrue(java.util.Arrays.stream(series).anyMatch(v -> v == k), "series " + k + " drawn");
        }
        assertTrue(f.rows().size() <= 2 * GeometryFigure.POINTS + 4, "at most POINTS per cloud and two segments");
    }

    /** The plane's second axis: orthogonal to xi, with xi's norm; eta parallel to xi is kept as it is. */
    @Test
    void orthogonalPartOfTheInput() {
        double[] xi = {1, 1, -1, 1};
        double[] eta = {1, -1, -1, 1};
        double[] p = GeometryFigure.orthogonalPart(eta, xi);
        assertEquals(0, p[0] * xi[0] + p[1] * xi[1] + p[2] * xi[2] + p[3] * xi[3], 1e-12);
        assertEquals(4, p[0] * p[0] + p[1] * p[1] + p[2] * p[2] + p[3] * p[3], 1e-12);
        assertArrayEquals(xi, GeometryFigure.orthogonalPart(xi, xi));
    }

    @Test
    void learningTimeVerdictComesFromItsNumbers() {
        FigureResult f = Reproduction.run("learning-time", Scale.SMOKE, 42, 2, ProgressListener.NONE);
        var n = f.numbers();
        boolean integrated = n.get("integrated_spearman") >= 0.6 && n.get("integrated_loglog_slope") >= 0.6;
        boolean better = n.get("integrated_spearman") > n.get("first_order_spearman")
                && n.get("integrated_loglog_slope") > n.get("first_order_loglog_slope");
        assertEquals(n.get("tasks_that_learned") >= 3 && integrated && better, f.reproduced());
        assertTrue(n.containsKey("exponent_target_variance") && n.containsKey("exponent_input_response"));
        assertEquals(2, f.series().size());
    }

    @Test
    void learnabilityVerdictComesFromItsNumbers() {
        FigureResult f = Reproduction.run("learnability", Scale.SMOKE, 42, 2, ProgressListener.NONE);
        assertEquals(f.numbers().get("slowest_top_measured") > f.numbers().get("fastest_bottom_measured"),
                f.reproduced());
        assertEquals(2 * f.numbers().get("verified_each_end"), f.rows().size(), 0.0);
        for (double[] row : f.rows()) {
            if (row[0] == 0) {
                for (double[] other : f.rows()) {
                    if (other[0] == 1) {
                        assertTrue(row[1] > other[1], "top ranked above bottom by prediction");
                    }
                }
            }
        }
    }

    @Test
    void unknownFigureIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Reproduction.run("nope", Scale.SMOKE, 1, 1, ProgressListener.NONE));
    }
}
