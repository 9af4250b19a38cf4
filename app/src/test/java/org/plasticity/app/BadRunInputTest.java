package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plasticity.papers.kurikawa2025.Reproduction;

/**
 * Configs that used to run silently wrong, hang or end in a trace (issue 10): each is now one line on stderr with the
 * key or statistic at fault, and nothing is written. Also the help texts: a description and a default per option.
 */
class BadRunInputTest {
    static final String TINY = """
            seed: 1
            network: {n: 12, memories: 2, beta: 0.6, sigma: 0.2, dt: 0.05}
            simulation: {burn_in: 2, duration: 10, trials: 4, sample_every: 2}
            task: {type: io-mapping, gamma: 0.1, count: 3}
            rule: hebbian
            speed: {method: quasi-static}
            learning: {max_time: 5, trials: 2}
            """;

    @TempDir
    Path tmp;

    private CliTest.Run flr(String from, String to) throws Exception {
        String text = TINY.replace(from, to);
        assertFalse(text.equals(TINY), "the test edits the config");
        Path cfg = Files.writeString(tmp.resolve("c.yaml"), text);
        return CliTest.run("flr", "--config", cfg.toString(), "--out", tmp.resolve("out").toString(), "--quiet",
                "--threads", "1");
    }

    /** Each case: what was wrong before, and the key the one-line error now names. */
    @ParameterizedTest
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @CsvSource(delimiter = '|', value = {
        "burn_in: 2,|burn_in: 1.0e12,|simulation.burn_in",       // one step, exit 0
        "duration: 10,|duration: 1.0e300,|simulation.duration",  // wrapped count
        "sample_every: 2|sample_every: 1000|simulation.sample_every", // dsyev did not converge
        "sigma: 0.2|sigma: 1e-200|network.sigma",                // hung in the plot
        "dt: 0.05}|dt: 0.05, tau: 1e308}|network.tau",           // NaN statistics, exit 0
        "beta: 0.6|beta: 1e-300|network.beta",                   // NaN statistics, exit 0
        "n: 12|n: 2000000000|network.n",                         // OutOfMemoryError
        "trials: 4,|trials: 2000000000,|simulation.trials",      // OutOfMemoryError
        "count: 3|count: 2000000000|task.count",                 // OutOfMemoryError
        "n: 12|n: 024|network.n",                                // read as 20
    })
    void refusedWithOneLineNamingTheKey(String from, String to, String key) throws Exception {
        CliTest.Run r = flr(from, to);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: " + key + ": "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    /** Ran to exit 0 with NaN correlations in summary.json. */
    @ParameterizedTest
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @CsvSource(delimiter = '|', value = {"sigma: 0.2|sigma: 3e9", "gamma: 0.1|gamma: 1e6"})
    void nonFiniteStatisticsFailTheRun(String from, String to) throws Exception {
        CliTest.Run r = flr(from, to);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("error: statistic ") && r.err().contains(" is NaN"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(Files.exists(tmp.resolve("out").resolve("summary.json")), "no results written");
    }

    @Test
    void theTinyConfigRuns() throws Exception {
        CliTest.Run r = flr("seed: 1", "seed: 2");
        assertEquals(0, r.code(), r.err());
    }

    /** Help texts lacked defaults, --momentum and --weight-decay had no description, --figure no list of ids. */
    @Test
    void everyOptionHasADescriptionAndItsDefault() {
        var root = new picocli.CommandLine(new PlasticityCommand());
        List<String> missing = new java.util.ArrayList<>();
        for (String command : List.of("demo", "flr", "reproduce", "train", "compare", "sweep", "predictivity",
                "brainlike", "learnability", "observability")) {
            for (var option : root.getSubcommands().get(command).getCommandSpec().options()) {
                if (option.usageHelp() || option.versionHelp()) {
                    continue;
                }
                String text = String.join(" ", option.description());
                if (text.length() <= 10 || !(text.contains("default") || text.contains("required"))) {
                    missing.add(command + " " + option.longestName() + ": " + text);
                }
            }
        }
        assertEquals(List.of(), missing, "options without a description that says their default");
        String train = CliTest.run("train", "--help").out().replaceAll("\\s+", " ");
        assertTrue(train.contains("--momentum=MU Momentum"), train);
        assertTrue(train.contains("--weight-decay=LAMBDA L2 weight decay"), train);
        String reproduce = CliTest.run("reproduce", "--help").out().replaceAll("\\s+", " ");
        assertTrue(reproduce.contains(String.join(", ", Reproduction.ids())), reproduce);
        assertTrue(reproduce.contains("(default: default)"), reproduce);
    }
}
