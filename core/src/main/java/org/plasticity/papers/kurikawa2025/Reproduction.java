package org.plasticity.papers.kurikawa2025;

import java.util.List;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.config.LearningConfig;
import org.plasticity.recurrent.config.NetworkConfig;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.config.SpeedConfig;
import org.plasticity.recurrent.config.TaskConfig;
import org.plasticity.recurrent.experiment.ProgressListener;

/**
 * The paper's figures that this build regenerates, by id, at three scales (docs/figures.md), and the config
 * they share. The figures themselves are listed in {@link Figures}; each figure's verdict is computed from its
 * numbers.
 * <ul>
 *   <li>{@code geometry} (the schematic): spontaneous and input-evoked activity in the target/input plane; the evoked
 *   shift equals kappa C gamma eta.</li>
 *   <li>{@code agreement} (docs/figures.md#agreement): measured vs predicted speed for each task type and rule.</li>
 *   <li>{@code alignment} (docs/figures.md#alignment): which mappings are easy, speed against the variances along target and
 *   input.</li>
 *   <li>{@code learning-time} (docs/figures.md#learning-time): measured learning time against the first-order and the integrated
 *   FLR1 estimates.</li>
 *   <li>{@code learnability}: candidate pairs ranked by FLR2 before learning, the top and bottom verified.</li>
 *   <li>{@code gain} (docs/figures.md#gain): learning speed rises with the gain beta, with the spontaneous variance.</li>
 *   <li>{@code memories} (docs/figures.md#memories): learning speed does not fall with the number of pre-embedded memories M, and the
 *   spontaneous variance rises; tasks are random patterns, the same at every M.</li>
 *   <li>{@code input} (docs/figures.md#input): FLR1 keeps agreeing with the measurements at larger input strength.</li>
 * </ul>
 */
public final class Reproduction {
    private Reproduction() {}

    /** @return the figure ids this build knows, in report order. */
    public static List<String> ids() {
        return Figures.ids();
    }

    /** @return the number of experiment runs behind figure {@code id} at {@code scale}. */
    public static int points(String id, Scale scale) {
        return Figures.byId(id).points(scale);
    }

    /** Regenerates figure {@code id}. */
    public static FigureResult run(String id, Scale scale, long seed, int threads, ProgressListener progress) {
        return Figures.byId(id).run(scale, seed, threads, progress);
    }

    /** The config every figure starts from: the io-mapping example, shortened for the smaller scales. */
    static FlrConfig base(Scale scale, long seed) {
        NetworkConfig net = scale == Scale.SMOKE
                ? NetworkConfig.defaults().withMemories(4).withN(40)
                : NetworkConfig.defaults();
        SimulationConfig sim = switch (scale) {
            case SMOKE -> SimulationConfig.defaults().withBurnIn(50).withDuration(100).withTrials(4);
            case DEFAULT -> SimulationConfig.defaults().withBurnIn(100).withDuration(300).withTrials(10);
            case FULL -> SimulationConfig.defaults();
        };
        int count = scale == Scale.SMOKE ? 4 : scale == Scale.DEFAULT ? 12 : 24;
        return FlrConfig.defaults().withSeed(seed).withNetwork(net).withSimulation(sim)
                .withTask(TaskConfig.defaults().withGamma(0.1).withCount(count))
                .withRule("hebbian").withSpeed(SpeedConfig.defaults())
                .withLearning(LearningConfig.defaults().withEnabled(false));
    }
}
