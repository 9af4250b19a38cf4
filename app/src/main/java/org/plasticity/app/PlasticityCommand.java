package org.plasticity.app;

import org.plasticity.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: lists the subcommands. */
@Command(name = "plasticity", mixinStandardHelpOptions = true, versionProvider = PlasticityCommand.VersionInfo.class,
        description = "Plasticity: a toolkit for studying how neural networks learn.",
        subcommands = {DemoCommand.class, FlrCommand.class, ReproduceCommand.class, TrainCommand.class,
            CompareCommand.class, SweepCommand.class, PredictivityCommand.class, BrainlikeCommand.class,
            LearnabilityCommand.class, ObservabilityCommand.class, CommandLine.HelpCommand.class})
public final class PlasticityCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints the toolkit, Java and BLAS versions. */
    static final class VersionInfo implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"plasticity " + Version.get(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
