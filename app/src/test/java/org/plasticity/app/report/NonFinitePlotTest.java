package org.plasticity.app.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.experiment.FlrResult;
import org.plasticity.recurrent.experiment.TaskResult;
import org.plasticity.recurrent.flr.FlrPrediction;
import org.plasticity.recurrent.learning.LearningTime;
import org.plasticity.recurrent.learning.SpeedMeasurement;
import org.plasticity.stats.Agreement;

/** Plots never hang on infinite or NaN values (an infinite prediction once sent the log axis into an endless loop). */
class NonFinitePlotTest {
    @TempDir
    Path dir;

    private static TaskResult task(int i, double flr1, double measured) {
        return new TaskResult(i, 0.5, 0.5, 1, 1, 1, 0.1, new FlrPrediction(flr1, Double.NaN, 1e-3 * (i + 1)),
                new SpeedMeasurement(measured, 0.01, 1), new LearningTime(Double.NaN, Double.NaN));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void predictionPlotWithInfiniteAndNanValuesIsWritten() throws Exception {
        List<TaskResult> tasks = List.of(task(0, Double.POSITIVE_INFINITY, 0.2), task(1, 0.3, Double.NaN),
                task(2, 0.1, 0.1), task(3, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        Agreement nan = new Agreement(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        FlrResult r = new FlrResult("test", "java", FlrConfig.defaults(), 1, 0,
                new FlrResult.SpontaneousSummary(Double.POSITIVE_INFINITY, 0, Double.NaN, 0, 1, 0, 10), tasks,
                nan, nan, nan, null);
        Path png = dir.resolve("p.png");
        PredictionPlot.writePng(r, png);
        assertTrue(Files.size(png) > 0);
    }
}
