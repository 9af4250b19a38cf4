package org.plasticity.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.plasticity.learnability.BciResult;

/**
 * {@code bci.png}: on the left, the score of every decoder under each covariance (within-manifold perturbations blue,
 * outside-manifold orange, spread sideways so that they do not hide each other; the intuitive decoder a black
 * diamond, the session's perturbed decoder a red square); on the right, the perturbed block's learning curve (angular
 * error per window of trials, and the variance of the window's activity along the perturbed decoder), with the
 * intuitive block's values as dashed lines.
 */
final class BciPlot {
    private static final Color WITHIN = new Color(0x1f77b4);
    private static final Color OUTSIDE = new Color(0xff7f0e);
    private static final Color PERTURBED = new Color(0xd62728);
    private static final int WIDTH = 700;
    private static final int HEIGHT = 520;

    private BciPlot() {}

    static void write(BciResult r, Path file) throws IOException {
        BufferedImage img = new BufferedImage(2 * WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        scores(r).draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        curve(r).draw(g, new Rectangle2D.Double(WIDTH, 0, WIDTH, HEIGHT));
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private static JFreeChart scores(BciResult r) {
        List<String> keys = BciWriter.scoreKeys(r);
        XYSeries within = new XYSeries("within-manifold (" + BciWriter.count(r, "within") + ")");
        XYSeries outside = new XYSeries("outside-manifold (" + BciWriter.count(r, "outside") + ")");
        XYSeries intuitive = new XYSeries("intuitive decoder");
        XYSeries perturbed = new XYSeries("session's perturbed decoder");
        for (int k = 0; k < keys.size(); k++) {
            for (int d = 0; d < r.decoders().size(); d++) {
                BciResult.Decoder dec = r.decoders().get(d);
                double v = BciWriter.score(r, keys.get(k), d)[0];
                // A fixed spread by index (golden-ratio steps) keeps the figure the same bytes run to run.
                double jitter = 0.25 * ((dec.index() * 0.618034) % 1.0 - 0.5);
                switch (dec.family()) {
                    case "within" -> within.add(k - 0.2 + jitter, v);
                    case "outside" -> outside.add(k + 0.2 + jitter, v);
                    case "intuitive" -> intuitive.add(k, v);
                    default -> perturbed.add(k, v);
                }
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(within);
        data.addSeries(outside);
        data.addSeries(intuitive);
        data.addSeries(perturbed);
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer(false, true);
        rend.setSeriesPaint(0, WITHIN);
        rend.setSeriesPaint(1, OUTSIDE);
        rend.setSeriesPaint(2, Color.BLACK);
        rend.setSeriesPaint(3, PERTURBED);
        rend.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        rend.setSeriesShape(1, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        Path2D diamond = new Path2D.Double();
        diamond.moveTo(0, -7);
        diamond.lineTo(7, 0);
        diamond.lineTo(0, 7);
        diamond.lineTo(-7, 0);
        diamond.closePath();
        rend.setSeriesShape(2, diamond);
        rend.setSeriesShape(3, new Rectangle2D.Double(-5.5, -5.5, 11, 11));
        SymbolAxis x = new SymbolAxis("covariance of the intuitive block's activity", keys.toArray(new String[0]));
        x.setGridBandsVisible(false);
        NumberAxis y = new NumberAxis("target variance tr(W C W^T) / N");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, x, y, rend);
        style(plot);
        JFreeChart chart = new JFreeChart("Decoders scored by the variance along their readout",
                new Font("SansSerif", Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(0, new TextTitle(String.format(Locale.ROOT, "AUC within > outside: %s",
                aucText(r)), new Font("SansSerif", Font.PLAIN, 11)));
        return chart;
    }

    private static String aucText(BciResult r) {
        StringBuilder b = new StringBuilder();
        for (BciResult.Separation s : r.separation()) {
            if (!s.score().contains("/")) {
                b.append(b.length() == 0 ? "" : ", ").append(s.score())
                        .append(String.format(Locale.ROOT, " %.3f", s.auc()));
            }
        }
        return b.toString();
    }

    private static JFreeChart curve(BciResult r) {
        XYSeries err = new XYSeries("angular error (deg)");
        XYSeries var = new XYSeries("variance along the perturbed decoder");
        for (BciResult.Window w : r.curve()) {
            double mid = w.firstTrial() + w.trials() / 2.0;
            err.add(mid, w.angularError());
            var.add(mid, w.varianceNew());
        }
        NumberAxis x = new NumberAxis("trial of the perturbed block (window centre)");
        NumberAxis left = new NumberAxis("angular error to target (deg)");
        left.setAutoRangeIncludesZero(true);
        NumberAxis right = new NumberAxis("tr(W' C_window W'^T) / N");
        right.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(x);
        plot.setDataset(0, new XYSeriesCollection(err));
        plot.setDataset(1, new XYSeriesCollection(var));
        plot.setRangeAxis(0, left);
        plot.setRangeAxis(1, right);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(0, lines(PERTURBED));
        plot.setRenderer(1, lines(WITHIN));
        marker(plot, r.baseline().angularError(), PERTURBED, 0);
        marker(plot, r.baseline().varianceNew(), WITHIN, 1);
        style(plot);
        JFreeChart chart = new JFreeChart("The perturbed block, in windows of trials",
                new Font("SansSerif", Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(0, new TextTitle(String.format(Locale.ROOT, "dashed: the intuitive block (angular error"
                + " %.1f deg; its activity's variance along the perturbed decoder %.3g)", r.baseline().angularError(),
                r.baseline().varianceNew()), new Font("SansSerif", Font.PLAIN, 11)));
        return chart;
    }

    private static XYLineAndShapeRenderer lines(Color c) {
        XYLineAndShapeRenderer rend = new XYLineAndShapeRenderer(true, true);
        rend.setSeriesPaint(0, c);
        rend.setSeriesStroke(0, new BasicStroke(1.8f));
        rend.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        return rend;
    }

    private static void marker(XYPlot plot, double v, Color c, int axis) {
        ValueMarker m = new ValueMarker(v, c, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        if (Double.isFinite(v)) {
            plot.addRangeMarker(axis, m, org.jfree.chart.ui.Layer.FOREGROUND);
        }
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setDomainGridlinesVisible(false);
    }
}
