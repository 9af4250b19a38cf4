package org.plasticity.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.plasticity.recurrent.config.FlrConfig;
import org.plasticity.recurrent.config.NetworkConfig;
import org.plasticity.recurrent.config.SimulationConfig;
import org.plasticity.recurrent.config.SpeedConfig;
import org.plasticity.recurrent.config.TaskConfig;
import org.plasticity.recurrent.rule.LearningRules;
import org.plasticity.recurrent.task.TaskTypes;

/** What the writer writes, the reader reads back equal: {@code read(write(c)).equals(c)}. */
class ConfigWriterTest {
    private static List<FlrConfig> configs() {
        FlrConfig d = FlrConfig.defaults();
        List<FlrConfig> c = new java.util.ArrayList<>();
        c.add(d);
        c.add(d.withSeed(-7).withNetwork(d.network().withMemories(0).withN(3).withBeta(1.0 / 3).withSigma(0.1)
                        .withTau(2.5).withDt(1.25).withRandomPart(0.4).withActivation(NetworkConfig.Transfer.LINEAR))
                .withSimulation(d.simulation().withBurnIn(0).withDuration(1e-3).withTrials(2).withSampleEvery(1)
                        .withPrecision(SimulationConfig.Precision.FLOAT))
                .withTask(d.task().withGamma(1e-9).withCount(3).withAlignment(TaskConfig.Alignment.RANDOM)
                        .withSequenceLength(7))
                .withSpeed(d.speed().withMethod(SpeedConfig.Method.CONCURRENT).withPerturbation(0.999)
                        .withEpsilon(1e-6).withWindow(1e4).withLearners(2))
                .withLearning(d.learning().withEpsilon(0.05).withThreshold(0.9).withMaxTime(1e11).withWindowSteps(1)
                        .withTrials(1).withEnabled(false)));
        for (String type : TaskTypes.names()) {
            for (String rule : LearningRules.names()) {
                c.add(d.withTask(d.task().withType(type)).withRule(rule));
            }
        }
        return c;
    }

    @TestFactory
    Stream<DynamicTest> readOfWriteIsTheSameConfig() {
        return configs().stream().map(c -> DynamicTest.dynamicTest(c.task().type() + " / " + c.rule() + " / seed "
                + c.seed(), () -> {
                    String text = ConfigWriter.write(c);
                    assertEquals(c, ConfigReader.parse(text, "written"), text);
                }));
    }
}
