package org.plasticity.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.plasticity.learnability.LearnabilityResult;

/**
 * {@code learnability.png}: the pairs in ranking order (best on the left, labelled by pair index), the ranking score
 * with its bootstrap interval on the left axis and, when inputs were given, the variance form of FLR2 with its
 * interval on the right axis. At most {@link #SHOWN} pairs are drawn; all are in {@code pairs.csv}.
 */
final class LearnabilityPlot {
    /** The most pairs drawn. */
    static final int SHOWN = 40;
    private static final Color FIRST = new Color(0x1f77b4);
    private static final Color SECOND = new Color(0xd62728);

    private LearnabilityPlot() {}

    static void write(LearnabilityResult r, Path file) throws IOException {
        int m = Math.min(SHOWN, r.pairs());
        String[] labels = new String[m];
        for (int i = 0; i < m; i++) {
            labels[i] = "#" + r.ranking()[i];
        }
        int main = r.hasInputs() ? 0 : 2;
        String mainName = LearnabilityWriter.SCORES.get(main);
        SymbolAxis x = new SymbolAxis("pair (best first)", labels);
        x.setGridBandsVisible(false);
        if (m > 15) {
            x.setVerticalTickLabels(true);
        }
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(x);
        addSeries(plot, 0, r, main, m, 0, FIRST, mainName + (r.hasInputs() ? " (linear-response form)" : ""));
        if (r.hasInputs()) {
            addSeries(plot, 1, r, 1, m, 0.25, SECOND, "flr2_variance_form");
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setDomainGridlinesVisible(false);
        JFreeChart chart = new JFreeChart("Learnability from the recording, ranked by " + mainName,
                new Font("SansSerif", Font.BOLD, 15), plot, r.hasInputs());
        chart.setBackgroundPaint(Color.WHITE);
        String note = r.resamples() == 0 ? "no intervals (--bootstrap 0)"
                : String.format(Locale.ROOT, "bars: %.0f %% percentile intervals, %d moving-block resamples in blocks of "
                        + "%d samples", 100 * r.level(), r.resamples(), r.block());
        note += String.format(Locale.ROOT, "; %s covariance of %d samples x %d neurons; prefactor kappa^3 gamma^2 "
                + "left out", r.estimator(), r.samples(), r.neurons());
        if (m < r.pairs()) {
            note += "; best " + m + " of " + r.pairs() + " pairs";
        }
        chart.addSubtitle(0, new TextTitle(note, new Font("SansSerif", Font.PLAIN, 11)));
        ChartUtils.saveChartAsPNG(file.toFile(), chart, Math.max(800, 24 * m + 200), 520);
    }

    /** Adds score {@code j} of the first {@code m} ranked pairs as dataset {@code index}, shifted by {@code dx}. */
    private static void addSeries(XYPlot plot, int index, LearnabilityResult r, int j, int m, double dx, Color c,
                                  String name) {
        XYIntervalSeries s = new XYIntervalSeries(name);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            int k = r.ranking()[i];
            double v = r.estimate().get(j)[k];
            double low = r.low().get(j)[k];
            double high = r.high().get(j)[k];
            if (!Double.isFinite(v)) {
                continue;
            }
            low = Double.isFinite(low) ? low : v;
            high = Double.isFinite(high) ? high : v;
            s.add(i + dx, i + dx, i + dx, v, low, high);
            lo = Math.min(lo, low);
            hi = Math.max(hi, high);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(s);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setErrorPaint(c);
        renderer.setErrorStroke(new BasicStroke(1.3f));
        renderer.setSeriesPaint(0, c);
        renderer.setSeriesShape(0, index == 0 ? new Ellipse2D.Double(-4, -4, 8, 8)
                : new Rectangle2D.Double(-3.5, -3.5, 7, 7));
        plot.setDataset(index, data);
        plot.setRenderer(index, renderer);
        plot.setRangeAxis(index, axis(name, lo, hi));
        plot.mapDatasetToRangeAxis(index, index);
    }

    /** A log axis when every value is positive and they span more than a factor 30; else a linear axis from 0. */
    private static ValueAxis axis(String label, double lo, double hi) {
        if (lo > 0 && hi / lo > 30 && Double.isFinite(hi)) {
            LogAxis log = new LogAxis(label);
            log.setNumberFormatOverride(new DecimalFormat("0.###E0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            log.setRange(lo / 1.5, hi * 1.5);
            return log;
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        return axis;
    }
}
