package org.plasticity.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.plasticity.papers.kurikawa2025.FigureResult;

/**
 * The geometry figure: two clouds of sampled states (spontaneous, input-evoked) in the target/input plane, and two
 * segments from the spontaneous mean (the measured evoked shift and kappa C gamma eta), on linear axes.
 */
public final class GeometryPlot {
    private GeometryPlot() {}

    public static void writePng(FigureResult f, Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String name : f.series()) {
            data.addSeries(new XYSeries(name, false));
        }
        for (double[] row : f.rows()) {
            data.getSeries((int) row[0]).add(row[1], row[2]);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        Color[] clouds = {new Color(0x1f, 0x77, 0xb4, 90), new Color(0xd6, 0x27, 0x28, 90)};
        for (int s = 0; s < f.series().size(); s++) {
            boolean cloud = s < 2;
            renderer.setSeriesLinesVisible(s, !cloud);
            renderer.setSeriesShapesVisible(s, cloud);
            renderer.setSeriesShape(s, new Ellipse2D.Double(-2, -2, 4, 4));
            renderer.setSeriesPaint(s, cloud ? clouds[s] : s == 2 ? Color.BLACK : new Color(0x2ca02c));
            renderer.setSeriesStroke(s, s == 3 ? Charts.dashed(3f) : new BasicStroke(3f));
        }
        NumberAxis x = new NumberAxis(f.xLabel());
        NumberAxis y = new NumberAxis("along the input (part orthogonal to xi)  eta_perp . x / N");
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        String title = f.title() + (f.reproduced() ? "  \u2014 reproduced" : "  \u2014 not reproduced");
        Charts.savePng(plot, title, 14, file, 800, 640);
    }
}
