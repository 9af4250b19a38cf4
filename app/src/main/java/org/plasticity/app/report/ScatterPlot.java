package org.plasticity.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.plasticity.reproduce.FigureResult;

/** A scatter figure: measured against predicted speed per task, one colour per series, identity line, log axes. */
public final class ScatterPlot {
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b)};

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
            renderer.setSeriesPaint(s, COLORS[s % COLORS.length]);
            renderer.setSeriesShape(s, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        renderer.setSeriesShapesVisible(n, false);
        renderer.setSeriesPaint(n, Color.GRAY);
        renderer.setSeriesStroke(n, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        XYPlot plot = new XYPlot(data, axis(f.xLabel()), axis("measured speed  dm/dt / \u03b5"), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        String title = f.title() + (f.reproduced() ? "  \u2014 reproduced" : "  \u2014 not reproduced");
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 800, 640);
    }

    private static LogarithmicAxis axis(String label) {
        LogarithmicAxis a = new LogarithmicAxis(label);
        a.setStrictValuesFlag(false);
        a.setNumberFormatOverride(new DecimalFormat("0.#####", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        return a;
    }
}
