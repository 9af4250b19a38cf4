package org.plasticity.app;

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
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.plasticity.learnability.observability.ObservabilityResult;

/**
 * {@code observability.png}: the mean Spearman r of learnability's FLR2 with the measured speeds against the number
 * of observed units K (log axis), one line per recording length, bars one standard deviation over the repeats (the
 * spread a single recording sees). A dashed line marks the experiment's own FLR2, from all units and its full run.
 */
final class ObservabilityPlot {
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0x17becf), new Color(0x7f7f7f)};

    private ObservabilityPlot() {}

    static void write(ObservabilityResult r, Path file) throws IOException {
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        int sc = r.samples().length;
        double lo = -0.2;
        for (int s = 0; s < sc; s++) {
            XYIntervalSeries line = new XYIntervalSeries(String.format(Locale.ROOT, "%d samples (%.0f tau)",
                    r.samples()[s], r.inAutocorrelationTimes(s)));
            // a small horizontal offset per line keeps the bars apart on the log axis
            double shift = Math.pow(1.025, s - (sc - 1) / 2.0);
            for (int k = 0; k < r.neurons().length; k++) {
                double m = ObservabilityResult.mean(r.spearman(), k, s);
                double sd = ObservabilityResult.sd(r.spearman(), k, s);
                double x = r.neurons()[k] * shift;
                line.add(x, x, x, m, m - sd, m + sd);
                lo = Math.min(lo, m - sd);
            }
            data.addSeries(line);
        }
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setErrorStroke(new BasicStroke(1.2f));
        for (int s = 0; s < sc; s++) {
            renderer.setSeriesPaint(s, COLORS[s % COLORS.length]);
            renderer.setSeriesShape(s, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            renderer.setSeriesStroke(s, new BasicStroke(1.8f));
        }
        renderer.setErrorPaint(null); // bars in the colour of their line
        LogarithmicAxis x = new LogarithmicAxis("observed units K (of " + r.units() + ")");
        x.setStrictValuesFlag(false);
        x.setNumberFormatOverride(new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        x.setRange(r.neurons()[0] / 1.3, r.neurons()[r.neurons().length - 1] * 1.3);
        NumberAxis y = new NumberAxis("Spearman r, learnability FLR2 vs measured speed");
        y.setRange(Math.max(-1.05, lo - 0.05), 1.05);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        ValueMarker ref = new ValueMarker(r.experimentSpearman(), Color.DARK_GRAY, new BasicStroke(1.2f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        ref.setLabel(String.format(Locale.ROOT, "experiment's FLR2, all units: %.3f", r.experimentSpearman()));
        ref.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        ref.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addRangeMarker(ref);
        plot.addRangeMarker(new ValueMarker(0, new Color(0xaaaaaa), new BasicStroke(0.8f)));
        JFreeChart chart = new JFreeChart("How well FLR2 from a recording ranks learning speeds",
                new Font("SansSerif", Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(0, new TextTitle(String.format(Locale.ROOT, "%d tasks, N = %d, %s covariance; bars: sd over "
                + "%d repeats (random units, independent recordings); tau = %.1f samples = %.2f time units",
                r.measured().length, r.units(), r.estimator(), r.repeats(), r.autocorrelationTime(),
                r.autocorrelationTime() * r.sampleInterval()), new Font("SansSerif", Font.PLAIN, 11)));
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 560);
    }
}
