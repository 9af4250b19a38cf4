package org.plasticity.learnability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.plasticity.DataException;
import org.plasticity.neural.data.MatFiles;
import org.plasticity.neural.data.MatrixFiles;

/**
 * A brain-computer-interface session in the layout of {@code ../shared/data/bci-hennig2018} (Hennig et al. 2018,
 * eLife; docs/learnability.md#bci): a MATLAB v5 struct {@code D} with the intuitive block {@code D.blocks(1)}, the
 * perturbed block {@code D.blocks(2)} and the factor-analysis manifold {@code D.dec}. Everything the analysis needs
 * is read in one pass over the file; shapes are checked against each other.
 *
 * @param source the file, named in error messages
 * @param units the recorded units (87 in the session)
 * @param factors the manifold's dimensionality (10)
 * @param intuitive the intuitive-decoder block
 * @param perturbed the perturbed-decoder block
 * @param spikeCountMean each unit's mean count, used to z-score before factor analysis
 * @param spikeCountStd each unit's standard deviation of the count
 * @param loadings the factor-analysis loadings L, {@code units x factors} row-major, fitted on z-scored counts
 * @param privateVariances the factor analysis' private variances ph, one per unit
 * @param spikeRot the {@code factors x factors} matrix taking posterior means z to the decoder's latents
 *     ({@code latents = z spikeRot}), row-major
 * @param factorStd the standard deviation of each posterior-mean factor z_j over the calibration data
 */
public record BciSession(String source, int units, int factors, Block intuitive, Block perturbed,
                         double[] spikeCountMean, double[] spikeCountStd, double[] loadings, double[] privateVariances,
                         double[] spikeRot, double[] factorStd) {

    /**
     * One block of trials under one decoder.
     *
     * @param spikes {@code steps x units} counts, row-major
     * @param vel the cursor velocity at each step, {@code steps x 2}
     * @param velNext the decoded velocity of the next step, {@code steps x 2}
     * @param thetas the direction from cursor to target at each step, degrees, clockwise (y down)
     * @param freeze whether the step is in a freeze period (the cursor held still at a trial's start)
     * @param m0 the decoder's offset (2)
     * @param m1 its velocity feedback, {@code 2 x 2}
     * @param m2 its readout of the counts, {@code 2 x units}: {@code velNext = M0 + M1 vel + M2 spikes}
     * @param fM2 the same decoder on the latent factors, {@code 2 x factors}
     */
    public record Block(int steps, double[] spikes, double[] vel, double[] velNext, double[] thetas, boolean[] freeze,
                        double[] m0, double[] m1, double[] m2, double[] fM2) {
        /** @return the number of steps outside freeze periods. */
        public int activeSteps() {
            int n = 0;
            for (boolean f : freeze) {
                n += f ? 0 : 1;
            }
            return n;
        }

        /** @return the indices of the steps outside freeze periods, in order. */
        public int[] activeIndices() {
            int[] out = new int[activeSteps()];
            int k = 0;
            for (int t = 0; t < steps; t++) {
                if (!freeze[t]) {
                    out[k++] = t;
                }
            }
            return out;
        }

        /**
         * @return the first step of each trial: the start of each freeze period (every trial begins with one), and
         *     step 0
         */
        public int[] trialStarts() {
            List<Integer> s = new ArrayList<>();
            for (int t = 0; t < steps; t++) {
                if (t == 0 || freeze[t] && !freeze[t - 1]) {
                    s.add(t);
                }
            }
            return s.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static final String[] BLOCK_FIELDS = {"spikes", "vel", "velNext", "thetas", "isFreezePeriod",
        "nDecoder.M0", "nDecoder.M1", "nDecoder.M2", "fDecoder.M2"};
    private static final String[] DEC_FIELDS = {"spikeCountMean", "spikeCountStd", "FactorAnalysisParams.L",
        "FactorAnalysisParams.ph", "FactorAnalysisParams.spikeRot", "FactorAnalysisParams.factorStd"};

    /**
     * Reads a session.
     *
     * @throws DataException naming the file, one line, when it is not in this layout (a missing field, a shape that
     *     does not fit the others, a non-finite value)
     */
    public static BciSession read(Path file) {
        List<String> names = new ArrayList<>();
        for (int b = 1; b <= 2; b++) {
            for (String f : BLOCK_FIELDS) {
                names.add("D.blocks(" + b + ")." + f);
            }
        }
        for (String f : DEC_FIELDS) {
            names.add("D.dec." + f);
        }
        List<MatrixFiles.Matrix> m;
        try {
            m = MatFiles.readMatrices(file, names);
        } catch (DataException e) {
            throw new DataException(file, "is not a BCI session in the bci-hennig2018 layout (struct D with"
                    + " D.blocks(1), D.blocks(2) and D.dec; see docs/learnability.md#bci): " + reason(e));
        }
        MatrixFiles.Matrix spikes = m.get(0);
        int units = spikes.columns();
        MatrixFiles.Matrix l = m.get(20);
        int factors = l.columns();
        Shapes s = new Shapes(file, units, factors);
        Block intuitive = block(s, m.subList(0, 9), 1);
        Block perturbed = block(s, m.subList(9, 18), 2);
        return new BciSession(file.toString(), units, factors, intuitive, perturbed,
                s.vector(m.get(18), units), s.vector(m.get(19), units), s.matrix(l, units, factors),
                s.vector(m.get(21), units), s.matrix(m.get(22), factors, factors), s.vector(m.get(23), factors));
    }

    private static String reason(DataException e) {
        String msg = e.getMessage();
        int colon = msg.indexOf(": ");
        return colon < 0 ? msg : msg.substring(colon + 2);
    }

    private static Block block(Shapes s, List<MatrixFiles.Matrix> m, int index) {
        MatrixFiles.Matrix spikes = m.get(0);
        int steps = spikes.rows();
        s.matrix(spikes, steps, s.units);
        double[] vel = s.matrix(m.get(1), steps, 2);
        double[] next = s.matrix(m.get(2), steps, 2);
        double[] thetas = s.vector(m.get(3), steps);
        double[] freezeValues = s.vector(m.get(4), steps);
        boolean[] freeze = new boolean[steps];
        for (int t = 0; t < steps; t++) {
            freeze[t] = freezeValues[t] != 0;
        }
        Block b = new Block(steps, spikes.values(), vel, next, thetas, freeze, s.vector(m.get(5), 2),
                s.matrix(m.get(6), 2, 2), s.matrix(m.get(7), 2, s.units), s.matrix(m.get(8), 2, s.factors));
        if (b.activeSteps() < 2) {
            throw new DataException(s.file, "D.blocks(" + index + ") has " + b.activeSteps() + " steps outside freeze"
                    + " periods; at least 2 are needed");
        }
        return b;
    }

    /** Checks each array's shape against the session's units and factors. */
    private record Shapes(Path file, int units, int factors) {
        double[] matrix(MatrixFiles.Matrix a, int rows, int columns) {
            if (a.rows() != rows || a.columns() != columns) {
                throw new DataException(file, "'" + a.name() + "' is " + a.rows() + " x " + a.columns() + ", expected "
                        + rows + " x " + columns + " (the session's layout: see docs/learnability.md#bci)");
            }
            return finite(a);
        }

        /** A MATLAB vector, stored 1 x n or n x 1. */
        double[] vector(MatrixFiles.Matrix a, int length) {
            if (a.values().length != length || a.rows() != 1 && a.columns() != 1) {
                throw new DataException(file, "'" + a.name() + "' is " + a.rows() + " x " + a.columns()
                        + ", expected a vector of " + length + " (the session's layout: see docs/learnability.md#bci)");
            }
            return finite(a);
        }

        private double[] finite(MatrixFiles.Matrix a) {
            for (int i = 0; i < a.values().length; i++) {
                if (!Double.isFinite(a.values()[i])) {
                    throw new DataException(file, "'" + a.name() + "' entry " + i + " is " + a.values()[i]
                            + " (every value must be finite)");
                }
            }
            return a.values();
        }
    }
}
