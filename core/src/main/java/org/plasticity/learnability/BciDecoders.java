package org.plasticity.learnability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.plasticity.numeric.Seeds;

/**
 * The decoders of a BCI session as readouts of the spike counts, and the perturbations of Sadtler et al., "Neural
 * constraints on learning", Nature 512, 423-426 (2014), built from the intuitive one (docs/learnability.md#bci).
 *
 * <p>The session's decoders read the counts x through the factor-analysis posterior mean
 * {@code z = beta diag(1/sd) (x - mu)}, {@code beta = L^T (L L^T + diag ph)^-1} (L: units x factors, fitted on
 * z-scored counts). Writing {@code u = z / factorStd} for the unit-variance factors and {@code N = diag(1/factorStd)
 * beta diag(1/sd)} (factors x units), a decoder is {@code v = G u + ... = G N x + ...}: G (2 x factors) reads the
 * factors and {@code W = G N} (2 x units) is the effective readout of the counts, the nDecoder's M2.
 * <ul>
 *   <li>within-manifold perturbation: the factors are read through a permuted mapping, {@code G' = G P}
 *       ({@code G'[:, j] = G[:, perm[j]]}), so {@code W' = G P N} stays in the row space of N: the decoder still reads
 *       only activity inside the manifold. The session's own perturbed decoder is of this form (its permutation is
 *       recovered by {@link #factorPermutation}).</li>
 *   <li>outside-manifold perturbation: the units are read through a permuted mapping, {@code W'[:, i] =
 *       W[:, perm[i]]}: the decoder reads unit perm[i] where the intuitive one read unit i, which moves it out of the
 *       manifold's row space.</li>
 * </ul>
 */
public final class BciDecoders {
    private final BciSession session;
    private final double[] posterior; // N, factors x units
    private final double[] factorReadout; // G of the intuitive decoder, 2 x factors

    /** Builds the posterior map and the intuitive decoder's factor readout of {@code session}. */
    public BciDecoders(BciSession session) {
        this.session = session;
        this.posterior = posteriorMap(session);
        this.factorReadout = factorReadout(session, session.intuitive());
    }

    /** @return N = diag(1/factorStd) beta diag(1/sd), {@code factors x units} row-major. */
    public double[] posterior() {
        return posterior.clone();
    }

    /** @return the intuitive decoder's readout of the unit-variance factors, G, {@code 2 x factors}. */
    public double[] intuitiveFactorReadout() {
        return factorReadout.clone();
    }

    /** @return G N for a factor readout G ({@code 2 x factors}): the readout of the counts, {@code 2 x units}. */
    public double[] countReadout(double[] g) {
        int k = session.factors();
        int n = session.units();
        double[] w = new double[2 * n];
        for (int r = 0; r < 2; r++) {
            for (int j = 0; j < k; j++) {
                double gj = g[r * k + j];
                for (int i = 0; i < n; i++) {
                    w[r * n + i] += gj * posterior[j * n + i];
                }
            }
        }
        return w;
    }

    /** @return the within-manifold perturbation {@code G P N} with {@code (G P)[:, j] = G[:, perm[j]]}. */
    public double[] withinManifold(int[] perm) {
        int k = session.factors();
        double[] g = new double[2 * k];
        for (int r = 0; r < 2; r++) {
            for (int j = 0; j < k; j++) {
                g[r * k + j] = factorReadout[r * k + perm[j]];
            }
        }
        return countReadout(g);
    }

    /** @return the outside-manifold perturbation: the intuitive readout with {@code W'[:, i] = W[:, perm[i]]}. */
    public double[] outsideManifold(int[] perm) {
        int n = session.units();
        double[] w = session.intuitive().m2();
        double[] out = new double[2 * n];
        for (int r = 0; r < 2; r++) {
            for (int i = 0; i < n; i++) {
                out[r * n + i] = w[r * n + perm[i]];
            }
        }
        return out;
    }

    /**
     * @return the permutation p with {@code G_perturbed[:, j] = G_intuitive[:, p[j]]} (to 1e-6 relative), or null
     *     when the perturbed block's decoder is no permutation of the intuitive one's factors
     */
    public int[] factorPermutation() {
        int k = session.factors();
        double[] g2 = factorReadout(session, session.perturbed());
        double scale = 0;
        for (double v : factorReadout) {
            scale = Math.max(scale, Math.abs(v));
        }
        int[] p = new int[k];
        boolean[] used = new boolean[k];
        for (int j = 0; j < k; j++) {
            p[j] = -1;
            for (int i = 0; i < k && p[j] < 0; i++) {
                boolean same = !used[i];
                for (int r = 0; r < 2 && same; r++) {
                    same = Math.abs(g2[r * k + j] - factorReadout[r * k + i]) <= 1e-6 * scale;
                }
                if (same) {
                    p[j] = i;
                    used[i] = true;
                }
            }
            if (p[j] < 0) {
                return null;
            }
        }
        return p;
    }

    /**
     * @return the root-mean-square of the part of the readout's rows outside the row space of N (the manifold), over
     *     the root-mean-square of the rows: 0 for a decoder that reads only activity inside the manifold
     */
    public double outsideFraction(double[] w) {
        int k = session.factors();
        int n = session.units();
        // Projection onto the row space of N: N^T (N N^T)^-1 N w_r.
        double[] nnt = new double[k * k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += posterior[a * n + i] * posterior[b * n + i];
                }
                nnt[a * k + b] = s;
            }
        }
        double total = 0;
        double outside = 0;
        for (int r = 0; r < 2; r++) {
            double[] nw = new double[k];
            for (int a = 0; a < k; a++) {
                for (int i = 0; i < n; i++) {
                    nw[a] += posterior[a * n + i] * w[r * n + i];
                }
            }
            double[] y = Spd.solve(nnt, k, nw, 1);
            for (int i = 0; i < n; i++) {
                double proj = 0;
                for (int a = 0; a < k; a++) {
                    proj += posterior[a * n + i] * y[a];
                }
                double v = w[r * n + i];
                total += v * v;
                outside += (v - proj) * (v - proj);
            }
        }
        return Math.sqrt(outside / total);
    }

    /**
     * @return {@code count} random permutations of {@code 0 .. size - 1}, none the identity and no two alike, drawn
     *     (Fisher-Yates) from {@code Seeds.stream(seed, stream, c)} for the c-th
     */
    public static List<int[]> permutations(int size, int count, long seed, int stream) {
        List<int[]> out = new ArrayList<>();
        for (int c = 0; out.size() < count; c++) {
            SplittableRandom rng = Seeds.stream(seed, stream, c);
            int[] p = new int[size];
            for (int i = 0; i < size; i++) {
                p[i] = i;
            }
            for (int i = size - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            boolean identity = true;
            for (int i = 0; i < size; i++) {
                identity &= p[i] == i;
            }
            if (!identity && out.stream().noneMatch(q -> Arrays.equals(q, p))) {
                out.add(p);
            }
            if (c > 100 * count + 1000) {
                throw new IllegalArgumentException("cannot draw " + count + " distinct permutations of " + size);
            }
        }
        return out;
    }

    /** N = diag(1/factorStd) beta diag(1/sd), with beta by Woodbury: (I + L^T Psi^-1 L)^-1 L^T Psi^-1. */
    private static double[] posteriorMap(BciSession s) {
        int k = s.factors();
        int n = s.units();
        double[] l = s.loadings(); // units x factors
        double[] m = new double[k * k];
        double[] ltPsi = new double[k * n];
        for (int a = 0; a < k; a++) {
            for (int i = 0; i < n; i++) {
                ltPsi[a * n + i] = l[i * k + a] / s.privateVariances()[i];
            }
            for (int b = 0; b < k; b++) {
                double v = a == b ? 1 : 0;
                for (int i = 0; i < n; i++) {
                    v += ltPsi[a * n + i] * l[i * k + b];
                }
                m[a * k + b] = v;
            }
        }
        double[] beta = Spd.solve(m, k, ltPsi, n);
        double[] out = new double[k * n];
        for (int a = 0; a < k; a++) {
            for (int i = 0; i < n; i++) {
                out[a * n + i] = beta[a * n + i] / (s.factorStd()[a] * s.spikeCountStd()[i]);
            }
        }
        return out;
    }

    /** G = fM2 spikeRot^T diag(factorStd): the block's decoder on the unit-variance factors u = z / factorStd. */
    private static double[] factorReadout(BciSession s, BciSession.Block b) {
        int k = s.factors();
        double[] g = new double[2 * k];
        for (int r = 0; r < 2; r++) {
            for (int j = 0; j < k; j++) {
                double v = 0;
                for (int a = 0; a < k; a++) {
                    v += b.fM2()[r * k + a] * s.spikeRot()[j * k + a];
                }
                g[r * k + j] = v * s.factorStd()[j];
            }
        }
        return g;
    }

    /** Solves symmetric positive-definite systems by Cholesky. */
    static final class Spd {
        private Spd() {}

        /** @return X with A X = B, A {@code k x k}, B {@code k x cols}, row-major. */
        static double[] solve(double[] a, int k, double[] b, int cols) {
            double[] c = new double[k * k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = a[i * k + j];
                    for (int p = 0; p < j; p++) {
                        s -= c[i * k + p] * c[j * k + p];
                    }
                    if (i == j) {
                        if (!(s > 0)) {
                            throw new ArithmeticException("matrix not positive definite");
                        }
                        c[i * k + i] = Math.sqrt(s);
                    } else {
                        c[i * k + j] = s / c[j * k + j];
                    }
                }
            }
            double[] x = b.clone();
            for (int col = 0; col < cols; col++) {
                for (int i = 0; i < k; i++) {
                    double s = x[i * cols + col];
                    for (int p = 0; p < i; p++) {
                        s -= c[i * k + p] * x[p * cols + col];
                    }
                    x[i * cols + col] = s / c[i * k + i];
                }
                for (int i = k - 1; i >= 0; i--) {
                    double s = x[i * cols + col];
                    for (int p = i + 1; p < k; p++) {
                        s -= c[p * k + i] * x[p * cols + col];
                    }
                    x[i * cols + col] = s / c[i * k + i];
                }
            }
            return x;
        }
    }
}
