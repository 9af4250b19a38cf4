package org.plasticity.papers.kurikawa2025;

import static org.plasticity.numeric.Vectors.dot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plasticity.numeric.Seeds;
import org.plasticity.numeric.Vectors;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.dynamics.Recorder;
import org.plasticity.recurrent.dynamics.Simulator;
import org.plasticity.recurrent.experiment.FlrExperiment;
import org.plasticity.recurrent.experiment.ProgressListener;
import org.plasticity.recurrent.fluctuations.MomentAccumulator;
import org.plasticity.recurrent.fluctuations.Moments;
import org.plasticity.recurrent.model.RateNetwork;
import org.plasticity.recurrent.task.IoMappingTask;

/**
 * The paper's schematic (docs/figures.md#geometry) drawn from data: spontaneous activity, the input-evoked activity,
 * and the target and input directions, for the task of the default family best aligned with the memories. The plane
 * is spanned by the target xi and the part of the input eta orthogonal to it; each state x is drawn at
 * {@code (xi . x / N, eta_perp . x / N)} with {@code eta_perp} scaled to xi's norm.
 *
 * <p>What the picture claims is checked in numbers: the input shifts the mean state by the spontaneous covariance
 * applied to the input, {@code xbar_eta - xbar_0 = kappa C gamma eta} (the fluctuation-response relation,
 * 7.2, exact for the linearised network with symmetric J), so a task whose input lies along high-variance directions
 * gets a large response. Verdict: over all N units, the cosine between the measured shift and
 * {@code kappa C gamma eta} is at least 0.9, and above the cosine with eta itself (what a network whose fluctuations
 * had no shape, C proportional to I, would give). The size of the shift relative to {@code kappa C gamma eta} is
 * reported ({@code response_ratio}), not judged: the linear relation is the h -&gt; 0 limit, and an input along a
 * memory, where the network is close to critical, already saturates tanh at gamma = 0.1 (ratios of 0.6 to 1 across
 * seeds).
 * The relation itself is checked in the linear limit by the FLR tests.
 */
final class GeometryFigure implements Figure {
    static final double MIN_COSINE = 0.9;
    /** Points per cloud in the picture: enough to show its shape, few enough for a light report. */
    static final int POINTS = 600;

    @Override
    public String id() {
        return "geometry";
    }

    @Override
    public FigureKind kind() {
        return FigureKind.GEOMETRY;
    }

    @Override
    public int points(Scale scale) {
        return 3;
    }

    @Override
    public FigureResult run(Scale scale, long seed, int threads, ProgressListener progress) {
        return run(base(scale, seed), progress);
    }

    static FigureResult run(FlrConfig base, ProgressListener progress) {
        RateNetwork network = FlrExperiment.network(base);
        IoMappingTask task = FlrExperiment.tasks(base, network).stream().map(t -> t.get(0))
                .max(Comparator.comparingDouble(t -> t.alignXi() + t.alignEta())).orElseThrow();
        int n = network.n();
        double[] xi = task.xi();
        double[] etaPerp = orthogonalPart(task.eta(), xi);
        long seed = Seeds.derive(base.seed(), 11);
        List<double[]> rows = new ArrayList<>();
        Moments spont = simulate(network, base, null, Seeds.derive(seed, 0), xi, etaPerp, 0, rows);
        progress.progress(1, 3);
        Moments evoked = simulate(network, base, task.field(), Seeds.derive(seed, 1), xi, etaPerp, 1, rows);
        progress.progress(2, 3);

        double[] predicted = Vectors.multiply(n, n, spont.covariance(), task.field());
        double[] shift = new double[n];
        for (int i = 0; i < n; i++) {
            predicted[i] *= network.kappa();
            shift[i] = evoked.mean()[i] - spont.mean()[i];
        }
        double pp = dot(predicted, predicted);
        double cosine = dot(shift, predicted) / Math.sqrt(dot(shift, shift) * pp);
        double ratio = dot(shift, predicted) / pp;
        // The baseline: a response along the input itself, as if the fluctuations had no shape (C proportional to I).
        double[] eta = task.eta();
        double cosineInput = dot(shift, eta) / Math.sqrt(dot(shift, shift) * dot(eta, eta));

        double[] from = {dot(xi, spont.mean()) / n, dot(etaPerp, spont.mean()) / n};
        rows.add(new double[] {2, from[0], from[1]});
        rows.add(new double[] {2, from[0] + dot(xi, shift) / n, from[1] + dot(etaPerp, shift) / n});
        rows.add(new double[] {3, from[0], from[1]});
        rows.add(new double[] {3, from[0] + dot(xi, predicted) / n, from[1] + dot(etaPerp, predicted) / n});
        progress.progress(3, 3);

        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("task_index", (double) task.index());
        numbers.put("align_xi", task.alignXi());
        numbers.put("align_eta", task.alignEta());
        numbers.put("variance_along_target", spont.varianceAlong(xi));
        numbers.put("variance_along_input", spont.varianceAlong(task.eta()));
        numbers.put("mean_variance", spont.meanVariance());
        numbers.put("response_cosine", cosine);
        numbers.put("response_ratio", ratio);
        numbers.put("response_cosine_with_input", cosineInput);
        boolean ok = cosine >= MIN_COSINE && cosine > cosineInput;
        String detail = String.format(Locale.ROOT, "input-evoked shift against kappa C gamma eta over %d units: "
                + "cosine %.3f (needs >= %.1f and above %.3f, the cosine with eta itself), size ratio %.3f; "
                + "spontaneous variance along the target %.4f, along the input %.4f, mean over units %.4f", n, cosine,
                MIN_COSINE, cosineInput, ratio, numbers.get("variance_along_target"),
                numbers.get("variance_along_input"), numbers.get("mean_variance"));
        String claim = "Learning speed is governed by the geometry of pre-learning dynamics and task directions: the "
                + "spontaneous fluctuations, the input-evoked response, and the target and input directions of the "
                + "paper's schematic (Kurikawa & Kaneko, Nat. Commun. 16, 2025, abstract; docs/figures.md#geometry). The "
                + "response to the input is the spontaneous covariance applied to it, kappa C gamma eta.";
        return new FigureResult("geometry", FigureKind.GEOMETRY, List.of("spontaneous activity",
                "input-evoked activity",
                "evoked shift of the mean, measured", "kappa C gamma eta, from spontaneous C"),
                "Geometry: spontaneous and input-evoked activity in the target/input plane", claim,
                "overlap with the target  xi . x / N", List.of("series", "along_target", "along_input"), rows, ok,
                detail, numbers, base);
    }

    /**
     * Simulates all trials once: their moments, and up to {@link #POINTS} sampled states projected on the plane, added
     * as rows of {@code series}.
     */
    private static Moments simulate(RateNetwork network, FlrConfig base, double[] field, long seed, double[] xi,
                                    double[] etaPerp, int series, List<double[]> rows) {
        int trials = base.simulation().trials();
        MomentAccumulator moments = new MomentAccumulator(network.n(), 0, trials);
        List<double[]> all = new ArrayList<>();
        Recorder r = (first, count, n, states) -> {
            moments.sample(first, count, n, states);
            for (int b = 0; b < count; b++) {
                double a = 0;
                double c = 0;
                for (int i = 0; i < n; i++) {
                    a += xi[i] * states[b * n + i];
                    c += etaPerp[i] * states[b * n + i];
                }
                all.add(new double[] {series, a / n, c / n});
            }
        };
        new Simulator(network, base.simulation()).run(field, seed, 0, trials, r);
        int stride = Math.max(1, (all.size() + POINTS - 1) / POINTS);
        for (int k = 0; k < all.size(); k += stride) {
            rows.add(all.get(k));
        }
        return Moments.combine(List.of(moments));
    }

    /** @return the part of {@code eta} orthogonal to {@code xi}, scaled to xi's norm (eta itself if parallel). */
    static double[] orthogonalPart(double[] eta, double[] xi) {
        double c = dot(eta, xi) / dot(xi, xi);
        double[] p = new double[eta.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = eta[i] - c * xi[i];
        }
        double norm = Math.sqrt(dot(p, p));
        if (norm < 1e-12 * Math.sqrt(dot(eta, eta))) {
            return eta.clone();
        }
        double scale = Math.sqrt(dot(xi, xi)) / norm;
        for (int i = 0; i < p.length; i++) {
            p[i] *= scale;
        }
        return p;
    }
}
