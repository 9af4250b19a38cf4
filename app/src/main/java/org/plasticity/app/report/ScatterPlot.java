package org.plasticity.app.report;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.plasticity.papers.kurikawa2025.FigureResult;

/** A scatter figure: measured against predicted speed per task, one colour per series, identity line, log axes. */
public final class ScatterPlot {
    private ScatterPlot() {}

    public static void writePng(FigureResult f, Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String name : f.series()) {
            data.addSeries(new XYSeries(name, false));
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double[] row : f.rows()) {
            if (row[1] > 0 && row[2] > 0) {
                data.getSeries((int) row[0]).add(row[1], row[2]);
                lo = Math.min(lo, Math.min(row[1], row[2]));
                hi = Math.max(hi, Math.max(row[1], row[2]));
            }
        }
        XYSeries identity = new XYSeries("measured = predicted", false);
        if (hi > 0) {
            identity.add(lo / 1.5, lo / 1.5);
            identity.add(hi * 1.5, hi * 1.5);
        }
        data.addSeries(identity);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        int n = f.series().size();
        for (int s = 0; s < n; s++) {
            renderer.setSeriesLinesVisible(s, false);
            renderer.setSeriesPaint(s, Charts.COLORS[s % Charts.COLORS.length]);
            renderer.setSeriesShape(s, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        renderer.setSeriesShapesVisible(n, false);
        renderer.setSeriesPaint(n, Color.GRAY);
        renderer.setSeriesStroke(n, Charts.dashed(1.2f));
        String yLabel = f.columns().get(2).equals("measured_time") ? "measured learning time" : "measured speed  dm/dt / \u03b5";
        XYPlot plot = new XYPlot(data, Charts.logAxis(f.xLabel()), Charts.logAxis(yLabel), renderer);
        String title = f.title() + (f.reproduced() ? "  \u2014 reproduced" : "  \u2014 not reproduced");
        Charts.savePng(plot, title, 14, file, 800, 640);
    }

}
