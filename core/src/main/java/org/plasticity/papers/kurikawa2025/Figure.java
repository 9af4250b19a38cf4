package org.plasticity.papers.kurikawa2025;

import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.experiment.ProgressListener;

/**
 * One regenerated figure of the paper: what it runs and how it judges the claim. A new figure is one class
 * implementing this plus one line in {@link Figures}.
 */
public interface Figure {
    /** @return the stable id, e.g. {@code gain}: the {@code --figure} name and the {@code fig-<id>} file names. */
    String id();

    /** @return how the report draws and tabulates the figure. */
    FigureKind kind();

    /** @return the number of experiment runs behind the figure at {@code scale}, for progress. */
    int points(Scale scale);

    /** @return the config every run of the figure starts from: the shared base, adjusted where the figure needs. */
    default FlrConfig base(Scale scale, long seed) {
        return Reproduction.base(scale, seed);
    }

    /**
     * @return whether {@code reproduce} without {@code --figure} runs this figure: true for the paper's figures,
     *     false for figures that go beyond the paper, which run only when named
     */
    default boolean byDefault() {
        return true;
    }

    /** Regenerates the figure; {@code progress} counts finished runs out of {@link #points}. */
    FigureResult run(Scale scale, long seed, int threads, ProgressListener progress);
}
