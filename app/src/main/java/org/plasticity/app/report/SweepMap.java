package org.plasticity.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Plots of a sweep's metric: a heat map over a pair of numeric fields (cells are the mean over the other fields; the
 * colour is log10 of the metric when it is positive and spans more than a factor 50), or a line over one field. Cells are drawn on the fields' own values, one block per distinct value pair.
 */
public final class SweepMap {
    private SweepMap() {}

    /** One point's coordinates and metric value; a null coordinate or NaN value is left out. */
    public record Cell(Double x, Double y, double value) {}

    public static void heatmap(List<Cell> cells, String xLabel, String yLabel, String metric, Path file)
            throws IOException {
        TreeMap<Double, TreeMap<Double, double[]>> grid = new TreeMap<>();
        for (Cell c : cells) {
            if (c.x() == null || c.y() == null || !Double.isFinite(c.value())) {
                continue;
            }
            double[] acc = grid.computeIfAbsent(c.x(), k -> new TreeMap<>()).computeIfAbsent(c.y(), k -> new double[2]);
            acc[0] += c.value();
            acc[1]++;
        }
        TreeSet<Double> xs = new TreeSet<>(grid.keySet());
        TreeSet<Double> ys = new TreeSet<>();
        grid.values().forEach(m -> ys.addAll(m.keySet()));
        if (xs.isEmpty()) {
            return;
        }
        // blocks drawn at rank positions so uneven grids (1, 2, 4, 8) still tile; tick labels show the values
        List<Double> xl = new ArrayList<>(xs);
        List<Double> yl = new ArrayList<>(ys);
        List<double[]> rows = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Double, TreeMap<Double, double[]>> ex : grid.entrySet()) {
            for (Map.Entry<Double, double[]> ey : ex.getValue().entrySet()) {
                double v = ey.getValue()[0] / ey.getValue()[1];
                rows.add(new double[] {xl.indexOf(ex.getKey()), yl.indexOf(ey.getKey()), v});
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        // speeds span orders of magnitude across a gain sweep: colour by log10 then, or the low end is one colour
        boolean log = lo > 0 && hi / lo > 50;
        if (log) {
            for (double[] r : rows) {
                r[2] = Math.log10(r[2]);
            }
            lo = Math.log10(lo);
            hi = Math.log10(hi);
        }
        String label = log ? "log10 " + metric : metric;
        double[][] data = new double[3][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < 3; k++) {
                data[k][i] = rows.get(i)[k];
            }
        }
        DefaultXYZDataset set = new DefaultXYZDataset();
        set.addSeries(label, data);
        if (hi <= lo) {
            hi = lo + 1e-12;
        }
        LookupPaintScale scale = new LookupPaintScale(lo, hi, Color.GRAY);
        int steps = 64;
        for (int i = 0; i < steps; i++) {
            double t = i / (double) (steps - 1);
            scale.add(lo + t * (hi - lo), viridisLike(t));
        }
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        NumberAxis x = rankAxis(xLabel, xl);
        NumberAxis y = rankAxis(yLabel, yl);
        XYPlot plot = new XYPlot(set, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart(metric + " over " + xLabel + " \u00d7 " + yLabel,
                JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        NumberAxis legendAxis = new NumberAxis(label);
        legendAxis.setRange(lo, hi);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 650);
    }

    public static void line(List<Cell> cells, String xLabel, String metric, Path file) throws IOException {
        lines(Map.of(metric, cells), xLabel, metric, file);
    }

    /** One line per group (e.g. per rule when a categorical field is swept beside a numeric one). */
    public static void lines(Map<String, List<Cell>> groups, String xLabel, String metric, Path file)
            throws IOException {
        XYSeriesCollection set = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        int k = 0;
        for (Map.Entry<String, List<Cell>> g : new TreeMap<>(groups).entrySet()) {
            TreeMap<Double, double[]> means = new TreeMap<>();
            for (Cell c : g.getValue()) {
                if (c.x() != null && Double.isFinite(c.value())) {
                    double[] acc = means.computeIfAbsent(c.x(), key -> new double[2]);
                    acc[0] += c.value();
                    acc[1]++;
                }
            }
            XYSeries s = new XYSeries(g.getKey());
            means.forEach((x, v) -> s.add((double) x, v[0] / v[1]));
            set.addSeries(s);
            r.setSeriesPaint(k, Charts.COLORS[k % Charts.COLORS.length]);
            r.setSeriesStroke(k, new BasicStroke(2f));
            k++;
        }
        XYPlot plot = new XYPlot(set, new NumberAxis(xLabel), new NumberAxis(metric), r);
        Charts.savePng(plot, metric + " over " + xLabel, 16, file, 800, 520);
    }

    private static NumberAxis rankAxis(String label, List<Double> values) {
        NumberAxis a = new NumberAxis(label) {
            @Override
            public java.util.List<org.jfree.chart.axis.NumberTick> refreshTicks(java.awt.Graphics2D g2,
                    org.jfree.chart.axis.AxisState state, java.awt.geom.Rectangle2D area,
                    org.jfree.chart.ui.RectangleEdge edge) {
                java.util.List<org.jfree.chart.axis.NumberTick> ticks = new ArrayList<>();
                int every = Math.max(1, values.size() / 12);
                for (int i = 0; i < values.size(); i += every) {
                    double v = values.get(i);
                    String text = v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v)
                            : String.format(java.util.Locale.ROOT, "%.3g", v);
                    ticks.add(new org.jfree.chart.axis.NumberTick((double) i, text,
                            edge == RectangleEdge.LEFT || edge == RectangleEdge.RIGHT
                                    ? org.jfree.chart.ui.TextAnchor.CENTER_RIGHT
                                    : org.jfree.chart.ui.TextAnchor.TOP_CENTER,
                            org.jfree.chart.ui.TextAnchor.CENTER, 0.0));
                }
                return ticks;
            }
        };
        a.setRange(-0.5, values.size() - 0.5);
        return a;
    }

    /** A perceptually ordered dark-blue to yellow ramp (close to viridis), t in [0, 1]. */
    private static Color viridisLike(double t) {
        float[][] stops = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
        double p = t * (stops.length - 1);
        int i = Math.min((int) p, stops.length - 2);
        double f = p - i;
        return new Color((int) (stops[i][0] + f * (stops[i + 1][0] - stops[i][0])),
                (int) (stops[i][1] + f * (stops[i + 1][1] - stops[i][1])),
                (int) (stops[i][2] + f * (stops[i + 1][2] - stops[i][2])));
    }
}
