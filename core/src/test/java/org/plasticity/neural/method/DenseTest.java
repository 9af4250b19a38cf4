package org.plasticity.neural.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.plasticity.numeric.Blas;
import org.plasticity.numeric.SymmetricEigen;

/** The helpers PLS rests on: inverse iteration against the QR algorithm's eigenvectors, the block cross product. */
class DenseTest {

    @Test
    void topEigenvectorMatchesTheQrAlgorithm() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int s : new int[] {1, 2, 5, 50, 200}) {
            double[] a = Fixtures.gaussian(rng, s, s + 3);
            double[] g = new double[s * s];
            Blas.gemmNT(s, s, s + 3, 1.0, a, a, 0.0, g);
            SymmetricEigen eig = SymmetricEigen.of(s, g);
            double[] v = Dense.topEigenvector(g, s, SymmetricEigen.values(s, g).max());
            double dot = 0;
            for (int i = 0; i < s; i++) {
                dot += v[i] * eig.vectors()[i * s + s - 1];
            }
            assertEquals(1.0, Math.abs(dot), 1e-12, "s = " + s);
        }
    }

    @Test
    void closeEigenvaluesStillGiveTheRightVector() {
        // diag(1, 1 - 1e-6, 0.5) rotated: the gap is a millionth of the norm
        int s = 3;
        double[] q = {0.6, 0.8, 0, -0.8, 0.6, 0, 0, 0, 1};
        double[] lambda = {1, 1 - 1e-6, 0.5};
        double[] g = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    g[i * 3 + j] += q[i * 3 + k] * lambda[k] * q[j * 3 + k];
                }
            }
        }
        double[] v = Dense.topEigenvector(g, s, 1.0);
        double sign = Math.signum(v[0]);
        assertArrayEquals(new double[] {0.6, -0.8, 0}, new double[] {sign * v[0], sign * v[1], sign * v[2]}, 1e-9);
    }

    @Test
    void crossProductIsXTransposeY() {
        SplittableRandom rng = new SplittableRandom(2);
        int n = 7;
        int p = 300; // more than one block of 256 columns
        int q = 3;
        double[] x = Fixtures.gaussian(rng, n, p);
        double[] yt = Fixtures.gaussian(rng, q, n);
        double[] mt = Dense.crossProduct(x, yt, n, p, q);
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int r = 0; r < n; r++) {
                    s += yt[i * n + r] * x[r * p + j];
                }
                assertEquals(s, mt[i * p + j], 1e-12);
            }
        }
    }
}
