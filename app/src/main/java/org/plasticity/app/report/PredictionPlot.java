package org.plasticity.app.report;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.plasticity.recurrent.experiment.FlrResult;
import org.plasticity.recurrent.experiment.TaskResult;

/**
 * The figure "measured vs predicted learning speed": one point per task for FLR1 and both FLR2 forms, on log-log
 * axes, with the identity line that a prediction right in absolute terms falls on.
 */
public final class PredictionPlot {
    private PredictionPlot() {}

    /** Renders the plot of {@code r} to a PNG of 900 x 700 pixels. */
    public static void writePng(FlrResult r, Path file) throws IOException {
        XYSeries flr1 = new XYSeries(String.format(Locale.ROOT, "FLR1 (r = %.3f, fit slope %.2f)",
                r.flr1().pearsonR(), r.flr1().fitSlope()), false);
        XYSeries flr2 = new XYSeries(String.format(Locale.ROOT, "FLR2, C\u00b2 form (r = %.3f)", r.flr2().pearsonR()),
                false);
        XYSeries flr2v = new XYSeries(String.format(Locale.ROOT, "FLR2, variance form (r = %.3f)",
                r.flr2Variance().pearsonR()), false);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (TaskResult t : r.tasks()) {
            double m = t.measured().speed();
            if (!(m > 0 && Double.isFinite(m))) {
                continue;
            }
            lo = Math.min(lo, m);
            hi = Math.max(hi, m);
            add(flr1, t.predicted().flr1(), m);
            add(flr2, t.predicted().flr2(), m);
            add(flr2v, t.predicted().flr2Variance(), m);
        }
        XYSeries identity = new XYSeries("measured = predicted", false);
        if (hi > 0) {
            identity.add(lo / 2, lo / 2);
            identity.add(hi * 2, hi * 2);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(flr1);
        data.addSeries(flr2);
        data.addSeries(flr2v);
        data.addSeries(identity);
        LogarithmicAxis x = Charts.logAxis("predicted speed (from spontaneous activity before learning)");
        LogarithmicAxis y = Charts.logAxis("measured speed  dm/dt / \u03b5");
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        Color[] colors = {Charts.COLORS[0], Charts.COLORS[1], Charts.COLORS[2], Color.GRAY};
        for (int s = 0; s < 4; s++) {
            boolean line = s == 3;
            renderer.setSeriesLinesVisible(s, line);
            renderer.setSeriesShapesVisible(s, !line);
            renderer.setSeriesPaint(s, colors[s]);
            renderer.setSeriesShape(s, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        renderer.setSeriesStroke(3, Charts.dashed(1.2f));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        var c = r.config();
        String title = String.format(Locale.ROOT,
                "Learning speed: measured vs predicted  (N=%d, M=%d, \u03b2=%.3g, \u03c3=%.3g, \u03b3=%.3g, rule %s, seed %d)",
                c.network().n(), c.network().memories(), c.network().beta(), c.network().sigma(), c.task().gamma(),
                c.rule(), c.seed());
        // Outside the linear-response regime the points need not follow the predictions: say so on the figure.
        Charts.savePng(plot, title, r.regime().ok() ? null : r.regime().line(), 13, file, 900, 700);
    }


    private static void add(XYSeries s, double predicted, double measured) {
        if (predicted > 0) {
            s.add(predicted, measured);
        }
    }
}
