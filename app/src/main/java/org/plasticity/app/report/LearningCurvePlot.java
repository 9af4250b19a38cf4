package org.plasticity.app.report;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.plasticity.layered.training.EpochRecord;
import org.plasticity.layered.training.TrainResult;

/**
 * Learning curves of layered-network training: test (solid) and train (dashed) accuracy per epoch for each rule;
 * and the alignment diagnostics per epoch: the angle between each rule's first-layer update and backprop's (solid),
 * and between the top layer's forward and feedback weights (dashed).
 */
public final class LearningCurvePlot {
    private LearningCurvePlot() {}

    public static void writeAccuracy(List<TrainResult> results, String data, Path file) throws IOException {
        XYSeriesCollection set = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        int s = 0;
        for (int i = 0; i < results.size(); i++) {
            TrainResult t = results.get(i);
            XYSeries test = new XYSeries(t.rule() + " test");
            XYSeries train = new XYSeries(t.rule() + " train");
            for (EpochRecord e : t.epochs()) {
                test.add(e.epoch(), 100 * e.testAccuracy());
                train.add(e.epoch(), 100 * e.trainAccuracy());
            }
            set.addSeries(test);
            style(r, s++, i, false);
            set.addSeries(train);
            style(r, s++, i, true);
        }
        XYPlot plot = new XYPlot(set, new NumberAxis("epoch"), new NumberAxis("accuracy (%)"), r);
        Charts.savePng(plot, "Accuracy per epoch on " + data, 16, file, 900, 560);
    }

    public static void writeAlignment(List<TrainResult> results, String data, Path file) throws IOException {
        XYSeriesCollection set = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        int s = 0;
        for (int i = 0; i < results.size(); i++) {
            TrainResult t = results.get(i);
            XYSeries update = new XYSeries(t.rule() + ": update vs backprop, layer 1");
            XYSeries weights = new XYSeries(t.rule() + ": W vs feedback, top layer");
            for (EpochRecord e : t.epochs()) {
                add(update, e.epoch(), e.updateAngles()[0]);
                double[] wf = e.weightFeedbackAngles();
                add(weights, e.epoch(), wf[wf.length - 1]);
            }
            if (update.getItemCount() > 0 && !t.rule().equals("bp")) {
                set.addSeries(update);
                style(r, s++, i, false);
            }
            if (weights.getItemCount() > 0) {
                set.addSeries(weights);
                style(r, s++, i, true);
            }
        }
        NumberAxis angle = new NumberAxis("angle (degrees)");
        angle.setRange(0, 120);
        XYPlot plot = new XYPlot(set, new NumberAxis("epoch"), angle, r);
        Charts.savePng(plot, "Alignment with backprop on " + data + " (90° = unrelated)", 16, file, 900, 560);
    }

    private static void add(XYSeries s, int x, double y) {
        if (Double.isFinite(y)) {
            s.add(x, y);
        }
    }

    private static void style(XYLineAndShapeRenderer r, int series, int rule, boolean dashed) {
        r.setSeriesPaint(series, Charts.COLORS[rule % Charts.COLORS.length]);
        r.setSeriesStroke(series, dashed ? Charts.dashed(1.6f) : new BasicStroke(2.2f));
    }
}
