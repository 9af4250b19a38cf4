package org.plasticity.neural.data;

import java.nio.file.Path;
import org.plasticity.DataException;
import org.plasticity.numeric.Npy;

/**
 * Precomputed activations (a model run elsewhere): one layer's responses to every stimulus in a {@code .npy} file
 * (2-D, {@code stimuli x features}, any numeric dtype) or a CSV matrix with the same layout (header row optional).
 * The layer is named after the file: {@code layer4.npy} is layer {@code layer4}.
 */
public final class FeatureFiles {
    private FeatureFiles() {}

    /**
     * Reads activations, checking that there is one row per stimulus and that every value is finite and fits single
     * precision; any problem is a one-line {@link DataException} naming the file.
     *
     * @param stimuli the number of stimuli (images) the activations must cover
     */
    public static Features read(Path file, int stimuli) {
        String ext = ResponseFiles.extension(file);
        CsvTables.checkReadable(file);
        Grid g = switch (ext) {
            case "npy" -> {
                Npy.Array a = Npy.read(file);
                yield new Grid(null, a.shape(), a.values());
            }
            case "csv" -> CsvTables.matrix(file);
            default -> throw new DataException(file, "unknown activations format '" + (ext.isEmpty() ? "(none)"
                    : "." + ext) + "' (.npy and .csv are read)");
        };
        if (g.rank() != 2) {
            throw new DataException(file, "activations are " + g.rank() + "-D (" + g.shapeText()
                    + "); stimuli x features (2-D) was expected");
        }
        int rows = g.shape()[0];
        int units = g.shape()[1];
        if (rows != stimuli) {
            throw new DataException(file, "has activations for " + rows + " stimuli, the stimuli number " + stimuli
                    + " (rows are stimuli: is the file features x stimuli?)");
        }
        if (units < 1) {
            throw new DataException(file, "has no features (0 columns)");
        }
        double[] v = g.values();
        float[] values = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            values[i] = (float) v[i];
            if (!Float.isFinite(values[i])) {
                throw new DataException(file, "stimulus " + i / units + ", feature " + i % units + ": "
                        + (Double.isFinite(v[i]) ? v[i] + " is beyond single precision" : v[i] + " (activations"
                        + " must be finite)"));
            }
        }
        return new Features(ResponseFiles.baseName(file), stimuli, units, values);
    }
}
