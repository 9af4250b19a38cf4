package org.plasticity.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import org.plasticity.ConfigException;
import org.plasticity.app.progress.ConsoleProgress;
import org.plasticity.io.OutputDirectory;
import org.plasticity.learnability.BciResult;
import org.plasticity.learnability.BciSession;
import org.plasticity.learnability.BciStudy;
import org.plasticity.learnability.LearnabilityStudy;

/**
 * {@code learnability --bci} (docs/learnability.md#bci): reads the session and checks every option before
 * {@code --out} is touched, runs {@link BciStudy} and writes summary.json, scores.csv,
 * results.md, bci.png and report.html.
 */
final class BciRun {
    private BciRun() {}

    static int run(LearnabilityCommand c, long seed) throws Exception {
        refuse(c.targets != null, "--targets");
        refuse(c.inputs != null, "--inputs");
        refuse(c.variable != null, "--variable");
        refuse(c.neuronsBySamples, "--neurons-by-samples");
        refuse(!"sample".equals(c.estimator), "--estimator");
        refuse(c.factors != null, "--factors");
        refuse(c.normalise, "--normalise");
        BciStudy.Options options = new BciStudy.Options(
                c.perturbations != null ? c.perturbations : BciStudy.DEFAULT_PER_FAMILY,
                c.windows != null ? c.windows : BciStudy.DEFAULT_WINDOWS,
                new LearnabilityStudy.Options(c.bootstrap, c.block, c.level, seed, false));
        BciSession session = BciSession.read(c.recording);
        BciStudy.check(session, options);
        PrintWriter out = c.spec.commandLine().getOut();
        PrintWriter err = c.spec.commandLine().getErr();
        BciResult r;
        String table;
        try (OutputDirectory dir = c.run.openOut();
             ConsoleProgress bar = ConsoleProgress.open("learnability --bci bootstrap", c.run.quiet)) {
            r = BciStudy.run(session, options, c.run.threads(), bar::progress);
            table = BciWriter.table(r);
            BciWriter.writeSummary(r, c.recording, dir.file("summary.json"));
            BciWriter.writeDecoders(r, dir.file("scores.csv"));
            Files.writeString(dir.file("results.md"), table);
            BciPlot.write(r, dir.file("bci.png"));
            BciReport.write(r, table, dir.file("bci.png"), dir.file("report.html"));
            dir.commit();
        }
        if (r.resamples() > 0 && r.dropped() > 0) {
            err.println("warning: " + r.dropped() + " of " + r.resamples() + " resamples gave a non-finite score and"
                    + " were left out");
        }
        if (r.perturbedPermutation() == null) {
            err.println("warning: the perturbed block's decoder is no permutation of the intuitive decoder's factors"
                    + " (not a within-manifold perturbation of this session's kind)");
        }
        out.println(table);
        out.println("results in " + c.run.out());
        return 0;
    }

    private static void refuse(boolean given, String option) {
        if (given) {
            throw new ConfigException(option, "does not apply with --bci (the session supplies the activity, the"
                    + " decoders and the manifold)");
        }
    }
}
