package org.plasticity.numeric;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API bodies of {@link Blas}, loaded only when {@code jdk.incubator.vector} is present. Each lane carries
 * one of the partial sums that {@link Blas} defines (a partial of an interleaved dot product, or one output entry of
 * a broadcast product) through the same fused multiply-add chain as the plain-Java twin, so the bits do not depend on
 * the vector width or on how the work is blocked.
 *
 * <p>Row-by-row products in double use a species of exactly {@link Blas#DOUBLE_LANES} lanes when the machine has one
 * (AVX-512), else several narrower vectors per accumulator; the float ones are in {@link VectorFloatRows}. Broadcast
 * products use the preferred species, lanes over output columns; the float ones are in {@link VectorFloatBroadcast}.
 */
final class VectorBlas {
    private static final VectorSpecies<Double> P = DoubleVector.SPECIES_PREFERRED;
    /** Lanes for the interleaved partials: at most {@link Blas#DOUBLE_LANES}, so that they divide it. */
    private static final VectorSpecies<Double> D = VectorSpecies.of(double.class,
            VectorShape.forBitSize(Math.min(P.vectorBitSize(), Blas.DOUBLE_LANES * Double.SIZE)));
    private static final boolean D_FULL = D.length() == Blas.DOUBLE_LANES;
    /**
     * Doubles of B per panel of {@link #rows4}: 256 KiB stays in a core's L2 while every 4-row block of A passes over
     * it (at N = 1000 J is 8 MB, else streamed from the shared cache per block). Block order leaves each sum as is.
     */
    private static final int PANEL_DOUBLES = 32 * 1024;

    private VectorBlas() {}

    // ---------------------------------------------------------------- row-by-row (interleaved) products, double

    static void gemmNT(int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) {
        int i = 0;
        if (D_FULL) {
            double[] r = new double[Blas.DOUBLE_LANES];
            double[] t = new double[8 * Blas.DOUBLE_LANES];
            double[] r2 = new double[Blas.DOUBLE_LANES];
            double[] t2 = new double[8 * Blas.DOUBLE_LANES];
            i = m - m % 4;
            rows4(i, n, k, alpha, a, b, beta, c, r, t, r2, t2);
            for (; i + 2 <= m; i += 2) {
                int j = 0;
                for (; j + 4 <= n; j += 4) {
                    block2x4(k, a, i * k, b, j * k, r, t);
                    for (int q = 0; q < 4; q++) {
                        c[i * n + j + q] = Blas.scale(alpha, r[q], beta, c[i * n + j + q]);
                        c[(i + 1) * n + j + q] = Blas.scale(alpha, r[4 + q], beta, c[(i + 1) * n + j + q]);
                    }
                }
                for (; j < n; j++) {
                    c[i * n + j] = Blas.scale(alpha, dot(k, a, i * k, b, j * k), beta, c[i * n + j]);
                    c[(i + 1) * n + j] = Blas.scale(alpha, dot(k, a, (i + 1) * k, b, j * k), beta,
                            c[(i + 1) * n + j]);
                }
            }
        }
        for (; i < m; i++) {
            rows(n, k, alpha, b, 0, a, i * k, beta, c, i * n);
        }
    }

    /** Rows {@code 0 .. m4 - 1} of C (m4 a multiple of 4) in 4 x 4 blocks, over L2-sized panels of B's rows. */
    private static void rows4(int m4, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c,
                              double[] r, double[] t, double[] r2, double[] t2) {
        int n4 = n - n % 4;
        int panel = Math.max(4, PANEL_DOUBLES / Math.max(1, k) / 4 * 4);
        for (int j0 = 0; j0 < n4; j0 += panel) {
            int j1 = Math.min(n4, j0 + panel);
            for (int i = 0; i < m4; i += 4) {
                for (int j = j0; j < j1; j += 4) {
                    block4x4(k, a, i * k, b, j * k, r, t, r2, t2);
                    for (int q = 0; q < 4; q++) {
                        c[i * n + j + q] = Blas.scale(alpha, r[q], beta, c[i * n + j + q]);
                        c[(i + 1) * n + j + q] = Blas.scale(alpha, r[4 + q], beta, c[(i + 1) * n + j + q]);
                        c[(i + 2) * n + j + q] = Blas.scale(alpha, r2[q], beta, c[(i + 2) * n + j + q]);
                        c[(i + 3) * n + j + q] = Blas.scale(alpha, r2[4 + q], beta, c[(i + 3) * n + j + q]);
                    }
                }
            }
        }
        for (int i = 0; i < m4; i++) {
            for (int j = n4; j < n; j++) {
                c[i * n + j] = Blas.scale(alpha, dot(k, a, i * k, b, j * k), beta, c[i * n + j]);
            }
        }
    }

    /** {@code y_j = alpha (B_j . x) + beta y_j} for the {@code n} rows of B (row length k), eight rows at a time. */
    static void rows(int n, int k, double alpha, double[] b, int bOff, double[] x, int xOff, double beta,
                     double[] y, int yOff) {
        int j = 0;
        if (D_FULL) {
            double[] r = new double[Blas.DOUBLE_LANES];
            double[] t = new double[8 * Blas.DOUBLE_LANES];
            for (; j + 8 <= n; j += 8) {
                block1x8(k, x, xOff, b, bOff + j * k, r, t);
                for (int q = 0; q < 8; q++) {
                    y[yOff + j + q] = Blas.scale(alpha, r[q], beta, y[yOff + j + q]);
                }
            }
        }
        for (; j < n; j++) {
            y[yOff + j] = Blas.scale(alpha, dot(k, b, bOff + j * k, x, xOff), beta, y[yOff + j]);
        }
    }

    /**
     * Two rows of A (at aOff, aOff + k) against four rows of B: eight interleaved dot products, written to
     * {@code r} as {@code [A_0.B_0, A_0.B_1, A_0.B_2, A_0.B_3, A_1.B_0, ..., A_1.B_3]}.
     */
    private static void block2x4(int k, double[] a, int aOff, double[] b, int bOff, double[] r, double[] t) {
        DoubleVector z = DoubleVector.zero(D);
        DoubleVector c00 = z, c01 = z, c02 = z, c03 = z, c10 = z, c11 = z, c12 = z, c13 = z;
        int a1 = aOff + k, b1 = bOff + k, b2 = bOff + 2 * k, b3 = bOff + 3 * k;
        int upper = D.loopBound(k);
        for (int p = 0; p < upper; p += Blas.DOUBLE_LANES) {
            DoubleVector v0 = DoubleVector.fromArray(D, b, bOff + p);
            DoubleVector v1 = DoubleVector.fromArray(D, b, b1 + p);
            DoubleVector v2 = DoubleVector.fromArray(D, b, b2 + p);
            DoubleVector v3 = DoubleVector.fromArray(D, b, b3 + p);
            DoubleVector u = DoubleVector.fromArray(D, a, aOff + p);
            c00 = u.fma(v0, c00);
            c01 = u.fma(v1, c01);
            c02 = u.fma(v2, c02);
            c03 = u.fma(v3, c03);
            u = DoubleVector.fromArray(D, a, a1 + p);
            c10 = u.fma(v0, c10);
            c11 = u.fma(v1, c11);
            c12 = u.fma(v2, c12);
            c13 = u.fma(v3, c13);
        }
        c00.intoArray(t, 0);
        c01.intoArray(t, 8);
        c02.intoArray(t, 16);
        c03.intoArray(t, 24);
        c10.intoArray(t, 32);
        c11.intoArray(t, 40);
        c12.intoArray(t, 48);
        c13.intoArray(t, 56);
        for (int q = 0; q < 8; q++) {
            tail(t, q * Blas.DOUBLE_LANES, upper, k, a, aOff + (q / 4) * k, b, bOff + (q % 4) * k);
        }
        reduce8(t, r);
    }

    /** Four rows of A against four of B: A's rows 0-1 into {@code r}, 2-3 into {@code r2}, as {@link #block2x4}. */
    private static void block4x4(int k, double[] a, int aOff, double[] b, int bOff, double[] r, double[] t,
                                 double[] r2, double[] t2) {
        DoubleVector z = DoubleVector.zero(D);
        DoubleVector c00 = z, c01 = z, c02 = z, c03 = z, c10 = z, c11 = z, c12 = z, c13 = z;
        DoubleVector c20 = z, c21 = z, c22 = z, c23 = z, c30 = z, c31 = z, c32 = z, c33 = z;
        int a1 = aOff + k, a2 = a1 + k, a3 = a2 + k, b1 = bOff + k, b2 = b1 + k, b3 = b2 + k;
        int upper = D.loopBound(k);
        for (int p = 0; p < upper; p += Blas.DOUBLE_LANES) {
            DoubleVector v0 = DoubleVector.fromArray(D, b, bOff + p);
            DoubleVector v1 = DoubleVector.fromArray(D, b, b1 + p);
            DoubleVector v2 = DoubleVector.fromArray(D, b, b2 + p);
            DoubleVector v3 = DoubleVector.fromArray(D, b, b3 + p);
            DoubleVector u = DoubleVector.fromArray(D, a, aOff + p);
            c00 = u.fma(v0, c00);
            c01 = u.fma(v1, c01);
            c02 = u.fma(v2, c02);
            c03 = u.fma(v3, c03);
            u = DoubleVector.fromArray(D, a, a1 + p);
            c10 = u.fma(v0, c10);
            c11 = u.fma(v1, c11);
            c12 = u.fma(v2, c12);
            c13 = u.fma(v3, c13);
            u = DoubleVector.fromArray(D, a, a2 + p);
            c20 = u.fma(v0, c20);
            c21 = u.fma(v1, c21);
            c22 = u.fma(v2, c22);
            c23 = u.fma(v3, c23);
            u = DoubleVector.fromArray(D, a, a3 + p);
            c30 = u.fma(v0, c30);
            c31 = u.fma(v1, c31);
            c32 = u.fma(v2, c32);
            c33 = u.fma(v3, c33);
        }
        c00.intoArray(t, 0);
        c01.intoArray(t, 8);
        c02.intoArray(t, 16);
        c03.intoArray(t, 24);
        c10.intoArray(t, 32);
        c11.intoArray(t, 40);
        c12.intoArray(t, 48);
        c13.intoArray(t, 56);
        c20.intoArray(t2, 0);
        c21.intoArray(t2, 8);
        c22.intoArray(t2, 16);
        c23.intoArray(t2, 24);
        c30.intoArray(t2, 32);
        c31.intoArray(t2, 40);
        c32.intoArray(t2, 48);
        c33.intoArray(t2, 56);
        for (int q = 0; q < 8; q++) {
            tail(t, q * Blas.DOUBLE_LANES, upper, k, a, aOff + (q / 4) * k, b, bOff + (q % 4) * k);
            tail(t2, q * Blas.DOUBLE_LANES, upper, k, a, a2 + (q / 4) * k, b, bOff + (q % 4) * k);
        }
        reduce8(t, r);
        reduce8(t2, r2);
    }

    /** The row x against eight rows of B: the eight interleaved dot products, written to {@code r}. */
    private static void block1x8(int k, double[] x, int xOff, double[] b, int bOff, double[] r, double[] t) {
        DoubleVector c0 = DoubleVector.zero(D), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        int b1 = bOff + k, b2 = b1 + k, b3 = b2 + k, b4 = b3 + k, b5 = b4 + k, b6 = b5 + k, b7 = b6 + k;
        int upper = D.loopBound(k);
        for (int p = 0; p < upper; p += Blas.DOUBLE_LANES) {
            DoubleVector u = DoubleVector.fromArray(D, x, xOff + p);
            c0 = u.fma(DoubleVector.fromArray(D, b, bOff + p), c0);
            c1 = u.fma(DoubleVector.fromArray(D, b, b1 + p), c1);
            c2 = u.fma(DoubleVector.fromArray(D, b, b2 + p), c2);
            c3 = u.fma(DoubleVector.fromArray(D, b, b3 + p), c3);
            c4 = u.fma(DoubleVector.fromArray(D, b, b4 + p), c4);
            c5 = u.fma(DoubleVector.fromArray(D, b, b5 + p), c5);
            c6 = u.fma(DoubleVector.fromArray(D, b, b6 + p), c6);
            c7 = u.fma(DoubleVector.fromArray(D, b, b7 + p), c7);
        }
        c0.intoArray(t, 0);
        c1.intoArray(t, 8);
        c2.intoArray(t, 16);
        c3.intoArray(t, 24);
        c4.intoArray(t, 32);
        c5.intoArray(t, 40);
        c6.intoArray(t, 48);
        c7.intoArray(t, 56);
        for (int q = 0; q < 8; q++) {
            tail(t, q * Blas.DOUBLE_LANES, upper, k, x, xOff, b, bOff + q * k);
        }
        reduce8(t, r);
    }

    // One-input shuffles and blends of the transposing reduction (two-input rearranges are slow on JDK 17).
    private static final VectorShuffle<Double> SWAP4 = VectorShuffle.fromValues(d8(), 4, 5, 6, 7, 0, 1, 2, 3);
    private static final VectorShuffle<Double> SWAP2 = VectorShuffle.fromValues(d8(), 2, 3, 0, 1, 6, 7, 4, 5);
    private static final VectorShuffle<Double> SWAP1 = VectorShuffle.fromValues(d8(), 1, 0, 3, 2, 5, 4, 7, 6);
    private static final VectorMask<Double> UPPER4 = VectorMask.fromLong(d8(), 0b11110000);
    private static final VectorMask<Double> UPPER2 = VectorMask.fromLong(d8(), 0b11001100);
    private static final VectorMask<Double> ODD = VectorMask.fromLong(d8(), 0b10101010);

    /** D when it has eight lanes (the shuffles above are used only then), else the 512-bit species to build them. */
    private static VectorSpecies<Double> d8() {
        return D_FULL ? D : DoubleVector.SPECIES_512;
    }

    /**
     * Eight rows of eight partials each ({@code t[8q .. 8q + 8)}), reduced at once: {@code out[q]} is
     * {@link Blas#pairwise} of row q ({@code s_r + s_{r+4}}, then {@code + s_{r+2}}, then {@code + s_{r+1}}), the same tree as the scalar
     * twin, with the transposition done by shuffles and blends between the levels.
     */
    private static void reduce8(double[] t, double[] out) {
        // Vectors never cross a method boundary here (on JDK 17 that boxes them and falls back to generic code).
        DoubleVector p0 = DoubleVector.fromArray(D, t, 0);
        DoubleVector p1 = DoubleVector.fromArray(D, t, 8);
        DoubleVector p2 = DoubleVector.fromArray(D, t, 16);
        DoubleVector p3 = DoubleVector.fromArray(D, t, 24);
        DoubleVector p4 = DoubleVector.fromArray(D, t, 32);
        DoubleVector p5 = DoubleVector.fromArray(D, t, 40);
        DoubleVector p6 = DoubleVector.fromArray(D, t, 48);
        DoubleVector p7 = DoubleVector.fromArray(D, t, 56);
        // Level w = 4 on pairs (p0,p4) (p2,p6) (p1,p5) (p3,p7): lanes 0-3 hold one's t_r, lanes 4-7 the other's.
        DoubleVector t04 = p0.blend(p4.rearrange(SWAP4), UPPER4).add(p0.rearrange(SWAP4).blend(p4, UPPER4));
        DoubleVector t26 = p2.blend(p6.rearrange(SWAP4), UPPER4).add(p2.rearrange(SWAP4).blend(p6, UPPER4));
        DoubleVector t15 = p1.blend(p5.rearrange(SWAP4), UPPER4).add(p1.rearrange(SWAP4).blend(p5, UPPER4));
        DoubleVector t37 = p3.blend(p7.rearrange(SWAP4), UPPER4).add(p3.rearrange(SWAP4).blend(p7, UPPER4));
        // Level w = 2: u = [u0_0 u0_1 u2_0 u2_1 u4_0 u4_1 u6_0 u6_1] and likewise for 1, 3, 5, 7.
        DoubleVector u0246 = t04.blend(t26.rearrange(SWAP2), UPPER2).add(t04.rearrange(SWAP2).blend(t26, UPPER2));
        DoubleVector u1357 = t15.blend(t37.rearrange(SWAP2), UPPER2).add(t15.rearrange(SWAP2).blend(t37, UPPER2));
        // Level w = 1: lanes come out as p0 p1 p2 ... p7.
        u0246.blend(u1357.rearrange(SWAP1), ODD).add(u0246.rearrange(SWAP1).blend(u1357, ODD)).intoArray(out, 0);
    }

    /**
     * Adds the last, partial block of one dot product to its partials {@code t[at .. at + 8)}: entry p to lane
     * {@code p - upper}, and +0 (the zero padding of {@link Blas}'s order) to the lanes past the end.
     */
    private static void tail(double[] t, int at, int upper, int k, double[] x, int xOff, double[] y, int yOff) {
        if (upper == k) {
            return;
        }
        for (int p = upper; p < k; p++) {
            t[at + p - upper] = Math.fma(x[xOff + p], y[yOff + p], t[at + p - upper]);
        }
        for (int r = k - upper; r < Blas.DOUBLE_LANES; r++) {
            t[at + r] += 0.0;
        }
    }


    /** The partials of {@code acc} (covering {@code p < upper}), the tail {@code upper <= p < k}, then the tree. */
    private static double finish(DoubleVector acc, int upper, int k, double[] x, int xOff, double[] y, int yOff,
                                 double[] s) {
        acc.intoArray(s, 0);
        for (int p = upper; p < k; p++) {
            int r = p % Blas.DOUBLE_LANES;
            s[r] = Math.fma(x[xOff + p], y[yOff + p], s[r]);
        }
        return Blas.pairwise(Blas.padded(s, k));
    }

    /** One interleaved dot product, for any lane count of D (several vectors per accumulator when narrower). */
    static double dot(int k, double[] x, int xOff, double[] y, int yOff) {
        int len = D.length();
        int parts = Blas.DOUBLE_LANES / len;
        int upper = k - k % Blas.DOUBLE_LANES;
        double[] s = new double[Blas.DOUBLE_LANES];
        if (parts == 1) {
            DoubleVector acc = DoubleVector.zero(D);
            for (int p = 0; p < upper; p += len) {
                acc = DoubleVector.fromArray(D, x, xOff + p).fma(DoubleVector.fromArray(D, y, yOff + p), acc);
            }
            return finish(acc, upper, k, x, xOff, y, yOff, s);
        }
        DoubleVector[] acc = new DoubleVector[parts];
        java.util.Arrays.fill(acc, DoubleVector.zero(D));
        for (int p = 0; p < upper; p += Blas.DOUBLE_LANES) {
            for (int q = 0; q < parts; q++) {
                int o = p + q * len;
                acc[q] = DoubleVector.fromArray(D, x, xOff + o).fma(DoubleVector.fromArray(D, y, yOff + o), acc[q]);
            }
        }
        for (int q = 0; q < parts; q++) {
            acc[q].intoArray(s, q * len);
        }
        for (int p = upper; p < k; p++) {
            int r = p % Blas.DOUBLE_LANES;
            s[r] = Math.fma(x[xOff + p], y[yOff + p], s[r]);
        }
        return Blas.pairwise(Blas.padded(s, k));
    }

    // -------------------------------------------------------------------------------- broadcast products

    /**
     * Body of {@link Blas}'s broadcast product: rows four at a time, two vectors of output columns per block, each
     * lane one entry's fma chain over p. Column tails go through {@link Blas#chain}. @return rows done ({@code m}).
     */
    static int broadcast(int m, int n, int k, double alpha, double[] a, int ars, int aps, double[] b,
                         double beta, double[] c) {
        int len = P.length();
        int i = 0;
        for (; i < m; i += 4) {
            int rowsHere = Math.min(4, m - i);
            int j = 0;
            for (; j + 2 * len <= n && rowsHere == 4; j += 2 * len) {
                DoubleVector z = DoubleVector.zero(P);
                DoubleVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
                int a0 = i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
                for (int p = 0; p < k; p++) {
                    int bo = p * n + j;
                    DoubleVector v0 = DoubleVector.fromArray(P, b, bo);
                    DoubleVector v1 = DoubleVector.fromArray(P, b, bo + len);
                    int ap = p * aps;
                    DoubleVector u = DoubleVector.broadcast(P, a[a0 + ap]);
                    c00 = u.fma(v0, c00);
                    c01 = u.fma(v1, c01);
                    u = DoubleVector.broadcast(P, a[a1 + ap]);
                    c10 = u.fma(v0, c10);
                    c11 = u.fma(v1, c11);
                    u = DoubleVector.broadcast(P, a[a2 + ap]);
                    c20 = u.fma(v0, c20);
                    c21 = u.fma(v1, c21);
                    u = DoubleVector.broadcast(P, a[a3 + ap]);
                    c30 = u.fma(v0, c30);
                    c31 = u.fma(v1, c31);
                }
                store(c00, alpha, beta, c, i * n + j);
                store(c01, alpha, beta, c, i * n + j + len);
                store(c10, alpha, beta, c, (i + 1) * n + j);
                store(c11, alpha, beta, c, (i + 1) * n + j + len);
                store(c20, alpha, beta, c, (i + 2) * n + j);
                store(c21, alpha, beta, c, (i + 2) * n + j + len);
                store(c30, alpha, beta, c, (i + 3) * n + j);
                store(c31, alpha, beta, c, (i + 3) * n + j + len);
            }
            for (int r = i; r < i + rowsHere; r++) {
                int jj = j;
                for (; jj + len <= n; jj += len) {
                    DoubleVector acc = DoubleVector.zero(P);
                    for (int p = 0; p < k; p++) {
                        acc = DoubleVector.broadcast(P, a[r * ars + p * aps])
                                .fma(DoubleVector.fromArray(P, b, p * n + jj), acc);
                    }
                    store(acc, alpha, beta, c, r * n + jj);
                }
                for (; jj < n; jj++) {
                    c[r * n + jj] = Blas.scale(alpha, Blas.chain(k, a, r * ars, aps, b, jj, n), beta, c[r * n + jj]);
                }
            }
        }
        return m;
    }

    private static void store(DoubleVector sum, double alpha, double beta, double[] c, int at) {
        DoubleVector out = sum.mul(alpha);
        if (beta != 0) {
            out = out.add(DoubleVector.fromArray(P, c, at).mul(beta));
        }
        out.intoArray(c, at);
    }

    /** {@code a[aOff + j] = fma(s, y[yOff + j], a[aOff + j])} over the vector-sized part; @return where it stopped. */
    static int axpy(int n, double s, double[] y, int yOff, double[] a, int aOff) {
        int upper = P.loopBound(n);
        DoubleVector sv = DoubleVector.broadcast(P, s);
        for (int j = 0; j < upper; j += P.length()) {
            sv.fma(DoubleVector.fromArray(P, y, yOff + j), DoubleVector.fromArray(P, a, aOff + j))
                    .intoArray(a, aOff + j);
        }
        return upper;
    }
}
