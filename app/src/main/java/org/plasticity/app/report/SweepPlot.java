package org.plasticity.app.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.plasticity.papers.kurikawa2025.FigureResult;

/**
 * A sweep figure: measured mean speed (with standard error over tasks) and the mean FLR1 prediction against the
 * swept value on the left axis, the spontaneous variance on the right axis.
 */
public final class SweepPlot {
    private SweepPlot() {}

    public static void writePng(FigureResult f, Path file) throws IOException {
        double[] x = f.column("x");
        double[] speed = f.column("measured_speed_mean");
        double[] se = f.column("measured_speed_se");
        double[] flr1 = f.column("predicted_flr1_mean");
        double[] variance = f.column("mean_variance");
        XYIntervalSeries measured = new XYIntervalSeries("measured speed (mean \u00b1 SE over tasks)");
        XYSeries predicted = new XYSeries("FLR1 prediction (mean over tasks)");
        XYSeries var = new XYSeries("spontaneous variance tr C / N (right axis)");
        for (int i = 0; i < x.length; i++) {
            measured.add(x[i], x[i], x[i], speed[i], speed[i] - se[i], speed[i] + se[i]);
            predicted.add(x[i], flr1[i]);
            var.add(x[i], variance[i]);
        }
        XYIntervalSeriesCollection left = new XYIntervalSeriesCollection();
        left.addSeries(measured);
        XYErrorRenderer errors = new XYErrorRenderer();
        errors.setDrawXError(false);
        errors.setDefaultLinesVisible(true);
        errors.setSeriesPaint(0, new Color(0x1f77b4));
        NumberAxis xAxis = new NumberAxis(f.xLabel());
        xAxis.setAutoRangeIncludesZero(false);
        NumberAxis speedAxis = new NumberAxis("learning speed  dm/dt / \u03b5");
        XYPlot plot = new XYPlot(left, xAxis, speedAxis, errors);
        XYSeriesCollection pred = new XYSeriesCollection(predicted);
        XYLineAndShapeRenderer predRenderer = new XYLineAndShapeRenderer(true, true);
        predRenderer.setSeriesPaint(0, new Color(0xd62728));
        predRenderer.setSeriesStroke(0, Charts.dashed(1.5f));
        plot.setDataset(1, pred);
        plot.setRenderer(1, predRenderer);
        NumberAxis varAxis = new NumberAxis("spontaneous variance");
        varAxis.setAutoRangeIncludesZero(false);
        plot.setRangeAxis(1, varAxis);
        plot.setDataset(2, new XYSeriesCollection(var));
        plot.mapDatasetToRangeAxis(2, 1);
        XYLineAndShapeRenderer varRenderer = new XYLineAndShapeRenderer(true, true);
        varRenderer.setSeriesPaint(0, new Color(0x2ca02c));
        plot.setRenderer(2, varRenderer);
        String title = f.title() + (f.reproduced() ? "  \u2014 reproduced" : "  \u2014 not reproduced");
        Charts.savePng(plot, title, 14, file, 800, 560);
    }
}
