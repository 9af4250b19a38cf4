package org.plasticity.papers.kurikawa2025;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.config.LearningConfig;
import org.plasticity.recurrent.config.NetworkConfig;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.config.SpeedConfig;
import org.plasticity.recurrent.config.TaskConfig;
import org.plasticity.recurrent.experiment.ProgressListener;

/**
 * The paper's figures that this build regenerates, by id, at three scales (docs/figures.md). Each figure's
 * verdict is computed from its numbers.
 * <ul>
 *   <li>{@code geometry} (the schematic): spontaneous and input-evoked activity in the target/input plane; the evoked
 *   shift equals kappa C gamma eta.</li>
 *   <li>{@code agreement} (docs/figures.md#agreement): measured vs predicted speed for each task type and rule.</li>
 *   <li>{@code alignment} (docs/figures.md#alignment): which mappings are easy, speed against the variances along target and
 *   input.</li>
 *   <li>{@code learning-time} (docs/figures.md#learning-time): measured learning time vs the first-order and the integrated
 *   FLR1 estimates.</li>
 *   <li>{@code input} (docs/figures.md#input): FLR1 keeps agreeing with the measurements at larger input strength.</li>
 *   <li>{@code learnability}: candidate pairs ranked by FLR2 before learning, the top and bottom verified.</li>
 *   <li>{@code gain} (docs/figures.md#gain): learning speed rises with the gain beta, with the spontaneous variance.</li>
 *   <li>{@code memories} (docs/figures.md#memories): speed does not fall with the number of pre-embedded memories M, and the
 *   spontaneous variance rises; tasks are random patterns, the same at every M.</li>
 * </ul>
 */
public final class Reproduction {
    private static final Map<String, ParameterSweepFigure> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put("gain", new ParameterSweepFigure("gain", "Learning speed vs gain beta",
                "Learning speed increases with the gain of the activation function, because a higher gain enhances "
                        + "the variance of spontaneous fluctuations (Kurikawa & Kaneko, arXiv 2409.13597, abstract).",
                "beta", ParameterSweepFigure.rising(true), (c, beta) -> withNetwork(c, new NetworkConfig(c.network().n(), c.network().memories(),
                        beta, c.network().sigma(), c.network().dt(), c.network().randomPart(),
                        c.network().activation(), c.network().tau()))));
        FIGURES.put("memories", new ParameterSweepFigure("memories", "Learning speed vs number of memories M",
                "Learning speed increases with the number of pre-embedded memories, because more memories enhance "
                        + "the variance of spontaneous fluctuations (Kurikawa & Kaneko, arXiv 2409.13597, abstract).",
                "memories M", ParameterSweepFigure.rising(false), (c, m) -> withNetwork(c, new NetworkConfig(c.network().n(), (int) Math.round(m),
                        c.network().beta(), c.network().sigma(), c.network().dt(), c.network().randomPart(),
                        c.network().activation(), c.network().tau()))));
    }

    static {
        FIGURES.put("input", new ParameterSweepFigure("input", "FLR1 beyond small input: speed vs input strength",
                "The formulae hold even beyond the regime assumed for the derivation (Kurikawa & Kaneko, arXiv "
                        + "2409.13597, abstract; docs/figures.md#input: r >= 0.8 and log-log r >= 0.9 at larger input).",
                "input strength gamma", ParameterSweepFigure.agreementHolds(0.8, 0.9),
                (c, gamma) -> new FlrConfig(c.seed(), c.network(), c.simulation(), new TaskConfig(c.task().type(),
                        gamma, c.task().count(), c.task().alignment()), c.rule(), c.speed(), c.learning())));
    }

    private Reproduction() {}

    /** @return the figure ids this build knows, in report order. */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        ids.add("geometry");
        ids.add("agreement");
        ids.add("alignment");
        ids.add("learning-time");
        ids.add("learnability");
        ids.addAll(FIGURES.keySet());
        return ids;
    }

    /** @return the number of experiment runs behind figure {@code id} at {@code scale}. */
    public static int points(String id, Scale scale) {
        return switch (id) {
            case "agreement" -> AgreementFigure.COMBINATIONS.length;
            case "geometry" -> 3;
            case "alignment" -> 1;
            case "learning-time", "learnability" -> 2;
            default -> values(id, scale).length;
        };
    }

    /** Regenerates figure {@code id}. */
    public static FigureResult run(String id, Scale scale, long seed, int threads, ProgressListener progress) {
        if (id.equals("agreement")) {
            return AgreementFigure.run(base(id, scale, seed), threads, progress);
        }
        if (id.equals("geometry")) {
            return GeometryFigure.run(base(id, scale, seed), progress);
        }
        if (id.equals("alignment")) {
            return AlignmentFigure.run(base(id, scale, seed), threads, progress);
        }
        if (id.equals("learning-time") || id.equals("learnability")) {
            try {
                return id.equals("learning-time") ? LearningTimeFigure.run(base(id, scale, seed), threads, progress)
                        : LearnabilityFigure.run(base(id, scale, seed), scale == Scale.SMOKE ? 40 : 200,
                                scale == Scale.FULL ? 8 : 4, threads, progress);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        ParameterSweepFigure f = FIGURES.get(id);
        if (f == null) {
            throw new IllegalArgumentException("unknown figure '" + id + "'; known: " + FIGURES.keySet());
        }
        return f.run(base(id, scale, seed), values(id, scale), threads, progress);
    }

    /** The swept values: below beta lambda_max(J) = 1 for the networks used (lambda_max ~ 1.36 at N=100, M=10). */
    static double[] values(String id, Scale scale) {
        if (id.equals("input")) {
            return switch (scale) {
                case SMOKE -> new double[] {0.1, 0.3};
                case DEFAULT -> new double[] {0.05, 0.1, 0.2, 0.4};
                case FULL -> new double[] {0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.6};
            };
        }
        boolean gain = id.equals("gain");
        return switch (scale) {
            case SMOKE -> gain ? new double[] {0.3, 0.45, 0.6} : new double[] {0, 2, 4};
            case DEFAULT -> gain ? new double[] {0.3, 0.4, 0.5, 0.6, 0.7} : new double[] {0, 5, 10};
            case FULL -> gain ? new double[] {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7}
                    : new double[] {0, 2, 4, 6, 8, 10};
        };
    }

    /** The config each point starts from: the io-mapping example, shortened for the smaller scales. */
    static FlrConfig base(String id, Scale scale, long seed) {
        NetworkConfig net = scale == Scale.SMOKE
                ? new NetworkConfig(40, 4, 0.6, 0.2, 0.05, 0, NetworkConfig.Activation.TANH)
                : NetworkConfig.defaults();
        SimulationConfig sim = switch (scale) {
            case SMOKE -> new SimulationConfig(50, 100, 4, 5, SimulationConfig.Precision.DOUBLE);
            case DEFAULT -> new SimulationConfig(100, 300, 10, 5, SimulationConfig.Precision.DOUBLE);
            case FULL -> SimulationConfig.defaults();
        };
        int count = scale == Scale.SMOKE ? 4 : scale == Scale.DEFAULT ? 12 : 24;
        TaskConfig.Alignment alignment = id.equals("memories") ? TaskConfig.Alignment.RANDOM : TaskConfig.Alignment.GRADED;
        // Learning time is measured with slow learning (the derivation's first assumption): at epsilon 0.05 the learner
        // stays near the adiabatic trajectory that the integrated estimate follows.
        LearningConfig learning = id.equals("learning-time") ? new LearningConfig(0.05, 0.5, 1600, 40, 8, true)
                : new LearningConfig(0.2, 0.5, 400, 40, 8, false);
        return new FlrConfig(seed, net, sim, new TaskConfig("io-mapping", 0.1, count, alignment), "hebbian",
                SpeedConfig.defaults(), learning);
    }

    private static FlrConfig withNetwork(FlrConfig c, NetworkConfig n) {
        return new FlrConfig(c.seed(), n, c.simulation(), c.task(), c.rule(), c.speed(), c.learning());
    }
}
