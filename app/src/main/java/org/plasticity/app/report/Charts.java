package org.plasticity.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The house style shared by every figure: log axes with decimal labels, white plots, dashed reference lines. */
final class Charts {
    static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b)};
    /** The colour of warnings on a figure. */
    static final Color WARNING = new Color(0xb42318);

    private Charts() {}

    /** A base-10 log axis labelled at 1, 2, ..., 9 times powers of ten, in plain decimals. */
    static LogarithmicAxis logAxis(String label) {
        LogarithmicAxis axis = new LogarithmicAxis(label);
        axis.setStrictValuesFlag(false);
        axis.setNumberFormatOverride(new DecimalFormat("0.#####", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        return axis;
    }

    /** A dashed line for identity lines and predictions. */
    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    /**
     * Renders {@code plot} with a title on white to a PNG. Points with an infinite or NaN coordinate are left out
     * first: an infinite value makes the axis range infinite, and a log axis then makes ticks until the heap is gone.
     */
    static void savePng(XYPlot plot, String title, int fontSize, Path file, int width, int height) throws IOException {
        savePng(plot, title, null, fontSize, file, width, height);
    }

    /** As {@link #savePng(XYPlot, String, int, Path, int, int)}, with a warning line under the title (none if null). */
    static void savePng(XYPlot plot, String title, String warning, int fontSize, Path file, int width, int height)
            throws IOException {
        for (int i = 0; i < plot.getDatasetCount(); i++) {
            if (plot.getDataset(i) instanceof XYSeriesCollection series) {
                dropNonFinite(series);
            } else if (plot.getDataset(i) instanceof XYIntervalSeriesCollection intervals) {
                plot.setDataset(i, finiteOnly(intervals));
            }
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, fontSize), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        if (warning != null) {
            TextTitle note = new TextTitle(warning, new Font("SansSerif", Font.PLAIN, fontSize - 2));
            note.setPaint(WARNING);
            chart.addSubtitle(0, note);
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
    }

    private static void dropNonFinite(XYSeriesCollection data) {
        for (int s = 0; s < data.getSeriesCount(); s++) {
            XYSeries series = data.getSeries(s);
            for (int i = series.getItemCount() - 1; i >= 0; i--) {
                if (!Double.isFinite(series.getX(i).doubleValue()) || !Double.isFinite(series.getY(i).doubleValue())) {
                    series.remove(i);
                }
            }
        }
    }

    /** @return {@code data} itself when all its values are finite, else a copy without the other points */
    private static XYIntervalSeriesCollection finiteOnly(XYIntervalSeriesCollection data) {
        boolean allFinite = true;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                allFinite &= Double.isFinite(data.getStartXValue(s, i)) && Double.isFinite(data.getEndXValue(s, i))
                        && Double.isFinite(data.getXValue(s, i)) && Double.isFinite(data.getYValue(s, i))
                        && Double.isFinite(data.getStartYValue(s, i)) && Double.isFinite(data.getEndYValue(s, i));
            }
        }
        if (allFinite) {
            return data;
        }
        XYIntervalSeriesCollection out = new XYIntervalSeriesCollection();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            XYIntervalSeries series = data.getSeries(s);
            XYIntervalSeries kept = new XYIntervalSeries(series.getKey());
            for (int i = 0; i < series.getItemCount(); i++) {
                double[] v = {series.getX(i).doubleValue(), series.getXLowValue(i), series.getXHighValue(i),
                    series.getYValue(i), series.getYLowValue(i), series.getYHighValue(i)};
                if (java.util.Arrays.stream(v).allMatch(Double::isFinite)) {
                    kept.add(v[0], v[1], v[2], v[3], v[4], v[5]);
                }
            }
            out.addSeries(kept);
        }
        return out;
    }
}
