package org.plasticity.layered.data;

import java.nio.file.Path;
import org.plasticity.DataException;

/**
 * What the registry knows of a data set: its name, its help line, whether it is images (which picks the image recipe
 * over XOR's) and how to read it. {@link DataSets} lists them.
 *
 * @param id the name, as {@code --data} and the {@code data} key spell it
 * @param help one line for the command-line help
 * @param images whether the examples are images (28x28 or 32x32) rather than XOR's four patterns
 * @param loader reads the training and the test set
 */
public record DataSetType(String id, String help, boolean images, Loader loader) {

    /** Reads a set's training and test parts. */
    @FunctionalInterface
    public interface Loader {
        /**
         * @param dir where the set's files are, or null for the set's usual place
         * @return {train, test}
         * @throws DataException naming the file when one cannot be read
         * @throws org.plasticity.ConfigException (key {@code --data-dir}) when the set has no usual place and no
         *     folder is given
         */
        Dataset[] load(Path dir);
    }
}
