package org.plasticity.learnability;

import java.nio.file.Path;
import org.plasticity.DataException;
import org.plasticity.neural.data.MatrixFiles;

/**
 * Recorded activity: samples (time points, in recording order) x neurons, row-major. Checked when made: every value
 * finite, at least two samples, no constant neuron (it has no fluctuation to score and would make factor analysis
 * divide by a zero variance). Immutable; the values are kept, not copied.
 */
public final class Recording {
    private final String source;
    private final int samples;
    private final int neurons;
    private final double[] values;

    private Recording(String source, int samples, int neurons, double[] values) {
        this.source = source;
        this.samples = samples;
        this.neurons = neurons;
        this.values = values;
    }

    /**
     * Reads a recording from {@code .npy}, {@code .csv}, {@code .mat} or {@code .h5}/{@code .hdf5}/{@code .nwb}
     * through {@link MatrixFiles} and checks it as {@link #of} does.
     *
     * @param variable the array inside a {@code .mat} or HDF5 file, or null for its only 2-D numeric array
     * @param neuronsBySamples the file is neurons x samples, not samples x neurons
     */
    public static Recording read(Path file, String variable, boolean neuronsBySamples) {
        MatrixFiles.Matrix m = MatrixFiles.read(file, variable, neuronsBySamples);
        return of(m.source(), m.rows(), m.columns(), m.values());
    }

    /**
     * @param source the file, named in error messages
     * @param values {@code samples x neurons}, row-major
     * @throws DataException naming {@code source} for a non-finite value, fewer than two samples, no neuron or a
     *     constant neuron
     */
    public static Recording of(String source, int samples, int neurons, double[] values) {
        if ((long) samples * neurons != values.length) {
            throw new IllegalArgumentException(source + ": shape does not match the number of values");
        }
        if (neurons < 1) {
            throw new DataException(source, "has no neurons (0 columns)");
        }
        if (samples < 2) {
            throw new DataException(source, "holds " + samples + " sample" + (samples == 1 ? "" : "s")
                    + " of " + neurons + " neurons; a covariance needs at least 2 (if the file is neurons x samples,"
                    + " pass --neurons-by-samples)");
        }
        for (int t = 0; t < samples; t++) {
            for (int i = 0; i < neurons; i++) {
                double v = values[t * neurons + i];
                if (!Double.isFinite(v)) {
                    throw new DataException(source, "sample " + t + ", neuron " + i + ": " + v + " (every value"
                            + " must be finite: drop or fill in the missing samples first)");
                }
            }
        }
        for (int i = 0; i < neurons; i++) {
            double first = values[i];
            boolean varies = false;
            for (int t = 1; t < samples && !varies; t++) {
                varies = values[t * neurons + i] != first;
            }
            if (!varies) {
                throw new DataException(source, "neuron " + i + " is constant (" + first + " in all " + samples
                        + " samples): it has no fluctuations; remove it");
            }
        }
        return new Recording(source, samples, neurons, values);
    }

    /** @return the file the recording came from. */
    public String source() {
        return source;
    }

    /** @return the number of samples (time points). */
    public int samples() {
        return samples;
    }

    /** @return the number of neurons. */
    public int neurons() {
        return neurons;
    }

    /** @return the activity of {@code neuron} at sample {@code t}. */
    public double value(int t, int neuron) {
        return values[t * neurons + neuron];
    }

    /** @return a copy of the values with each neuron's mean over the samples taken off, row-major. */
    public double[] centred() {
        return Covariances.centred(values, samples, neurons);
    }

    /** @return the rows {@code rows[0], rows[1], ...} of the recording, centred by their own mean, row-major. */
    double[] centredRows(int[] rows) {
        double[] out = new double[rows.length * neurons];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(values, rows[r] * neurons, out, r * neurons, neurons);
        }
        Covariances.centreInPlace(out, rows.length, neurons);
        return out;
    }
}
