package org.plasticity.neural.model;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.plasticity.ConfigException;
import org.plasticity.DataException;

/**
 * The models {@code --model} names: {@code pixels} ({@link PixelModel}), {@code random} or {@code random:N[,N...]}
 * with hidden widths ({@link RandomModel}, seeded), or the path of a checkpoint written by {@code train --save}
 * ({@link NetworkModel}).
 */
public final class FeatureModels {
    private FeatureModels() {}

    /**
     * @param seed the random model's seed (unused by the others)
     * @throws ConfigException naming {@code --model} for a spec that is none of these
     * @throws DataException for a checkpoint file that cannot be used
     */
    public static FeatureModel open(String spec, long seed) {
        if (spec == null || spec.isBlank()) {
            throw new ConfigException("--model", "is empty: give pixels, random or the path of a checkpoint");
        }
        if (spec.equals("pixels")) {
            return new PixelModel();
        }
        if (spec.equals("random")) {
            return new RandomModel(seed);
        }
        if (spec.startsWith("random:")) {
            return new RandomModel(seed, widths(spec));
        }
        Path file;
        try {
            file = Path.of(spec);
        } catch (InvalidPathException e) {
            throw unknown(spec);
        }
        if (!Files.isRegularFile(file)) {
            throw unknown(spec);
        }
        return NetworkModel.open(file);
    }

    private static int[] widths(String spec) {
        String[] parts = spec.substring("random:".length()).split(",", -1);
        int[] h = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                h[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                h[i] = 0;
            }
            if (h[i] < 1 || h[i] > 1 << 16) {
                throw new ConfigException("--model", spec + ": random:N[,N...] takes hidden widths in 1..65536");
            }
        }
        return h;
    }

    private static ConfigException unknown(String spec) {
        return new ConfigException("--model", "unknown model '" + ConfigException.shown(spec, 200) + "': expected "
                + "pixels, random, random:N[,N...] (hidden widths) or the path of a checkpoint file (train --save)");
    }
}
