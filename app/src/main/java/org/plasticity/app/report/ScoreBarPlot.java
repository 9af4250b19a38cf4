package org.plasticity.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * Neural predictivity as bars: one bar per model and layer (grouped by {@code series}, e.g. the layer), its error bar
 * a 95 % confidence half-width, and the neurons' ceiling as a dashed line, since no model can be expected above it.
 */
public final class ScoreBarPlot {
    private ScoreBarPlot() {}

    /**
     * One bar.
     *
     * @param category where it stands on the axis, e.g. the model or rule
     * @param series what the bars of one colour share, e.g. the layer
     * @param halfWidth the error bar's half-width (NaN: none)
     */
    public record Bar(String category, String series, double value, double halfWidth) {}

    /**
     * @param ceiling drawn as a dashed line when finite
     * @param note a line under the title (e.g. how the error bars were made), or null
     */
    public static void write(List<Bar> bars, double ceiling, String title, String note, String yLabel, Path file)
            throws IOException {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        double top = Double.isFinite(ceiling) ? ceiling : 0;
        double bottom = 0;
        for (Bar b : bars) {
            double half = Double.isFinite(b.halfWidth()) ? b.halfWidth() : 0;
            data.add(b.value(), half, b.series(), b.category());
            if (Double.isFinite(b.value())) {
                top = Math.max(top, b.value() + half);
                bottom = Math.min(bottom, b.value() - half);
            }
        }
        StatisticalBarRenderer r = new StatisticalBarRenderer();
        r.setErrorIndicatorPaint(Color.DARK_GRAY);
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setItemMargin(0.05);
        for (int s = 0; s < data.getRowCount(); s++) {
            r.setSeriesPaint(s, Charts.COLORS[s % Charts.COLORS.length]);
        }
        CategoryAxis x = new CategoryAxis();
        if (data.getColumnCount() > 6) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis y = new NumberAxis(yLabel);
        y.setRange(Math.min(bottom * 1.1, 0), Math.max(top * 1.12, 0.05));
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        if (Double.isFinite(ceiling)) {
            ValueMarker m = new ValueMarker(ceiling, Color.BLACK, Charts.dashed(1.5f));
            m.setLabel(String.format(java.util.Locale.ROOT, "ceiling %.3f", ceiling));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(m);
        }
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 15), plot, data.getRowCount() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        if (note != null) {
            org.jfree.chart.title.TextTitle t = new org.jfree.chart.title.TextTitle(note,
                    new Font("SansSerif", Font.PLAIN, 12));
            chart.addSubtitle(0, t);
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, Math.max(700, 90 * data.getColumnCount()
                * Math.max(1, data.getRowCount()) / 2 + 200), 480);
    }
}
