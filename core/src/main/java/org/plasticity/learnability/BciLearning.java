package org.plasticity.learnability;

import java.util.ArrayList;
import java.util.List;

/**
 * What a BCI session's blocks show of performance and of the activity along the decoders (docs/learnability.md#bci).
 * Performance is the angle between the decoded velocity {@code velNext} and the direction from cursor to target
 * {@code thetas}, at every step outside freeze periods; the session's angles are measured clockwise (y pointing down,
 * screen coordinates), so the decoded velocity's angle is {@code atan2(-vy, vx)}. Trials start with their freeze
 * periods.
 */
final class BciLearning {
    private final BciSession s;

    BciLearning(BciSession s) {
        this.s = s;
    }

    /** @return the intuitive block as one window. */
    BciResult.Window baseline() {
        BciSession.Block b = s.intuitive();
        return window(b, 0, b.trialStarts().length, 0, b.steps());
    }

    /** @return the perturbed block cut into {@code windows} windows of consecutive trials, as even as they go. */
    List<BciResult.Window> curve(int windows) {
        BciSession.Block b = s.perturbed();
        int[] starts = b.trialStarts();
        int trials = starts.length;
        List<BciResult.Window> out = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            int first = (int) ((long) w * trials / windows);
            int last = (int) ((long) (w + 1) * trials / windows);
            int from = starts[first];
            int to = last < trials ? starts[last] : b.steps();
            out.add(window(b, first, last - first, from, to));
        }
        return out;
    }

    /** The window of steps {@code from .. to - 1} of {@code b}. */
    private BciResult.Window window(BciSession.Block b, int firstTrial, int trials, int from, int to) {
        int n = s.units();
        double err = 0;
        double cos = 0;
        int steps = 0;
        List<Integer> rows = new ArrayList<>();
        for (int t = from; t < to; t++) {
            if (b.freeze()[t]) {
                continue;
            }
            rows.add(t);
            double vx = b.velNext()[2 * t];
            double vy = b.velNext()[2 * t + 1];
            if (vx == 0 && vy == 0) {
                continue; // no direction
            }
            double e = angleDifference(Math.toDegrees(Math.atan2(-vy, vx)), b.thetas()[t]);
            err += Math.abs(e);
            cos += Math.cos(Math.toRadians(e));
            steps++;
        }
        double[] x = new double[rows.size() * n];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(b.spikes(), rows.get(r) * n, x, r * n, n);
        }
        double vNew = Double.NaN;
        double vOld = Double.NaN;
        if (rows.size() >= 2) {
            Covariances.centreInPlace(x, rows.size(), n);
            double[] c = new SampleCovariance().estimate(x, rows.size(), n).covariance();
            double[] both = new double[4 * n];
            System.arraycopy(s.perturbed().m2(), 0, both, 0, 2 * n);
            System.arraycopy(s.intuitive().m2(), 0, both, 2 * n, 2 * n);
            double[] v = BciStudy.variances(c, n, both);
            vNew = v[0];
            vOld = v[1];
        }
        return new BciResult.Window(firstTrial, trials, rows.size(), steps == 0 ? Double.NaN : err / steps,
                steps == 0 ? Double.NaN : cos / steps, vNew, vOld);
    }

    /** @return a - b in degrees, wrapped into [-180, 180). */
    static double angleDifference(double a, double b) {
        double d = (a - b + 180) % 360;
        return (d < 0 ? d + 360 : d) - 180;
    }

    /** @return {@code max |velNext - M0 - M1 vel - M2 spikes|} over the block's steps. */
    double reproduction(BciSession.Block b) {
        int n = s.units();
        double worst = 0;
        for (int t = 0; t < b.steps(); t++) {
            for (int r = 0; r < 2; r++) {
                double v = b.m0()[r] + b.m1()[2 * r] * b.vel()[2 * t] + b.m1()[2 * r + 1] * b.vel()[2 * t + 1];
                for (int i = 0; i < n; i++) {
                    v += b.m2()[r * n + i] * b.spikes()[t * n + i];
                }
                worst = Math.max(worst, Math.abs(v - b.velNext()[2 * t + r]));
            }
        }
        return worst;
    }
}
