package org.plasticity.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.plasticity.app.io.Finite;
import org.plasticity.app.io.PredictivityWriter;
import org.plasticity.app.progress.ConsoleProgress;
import org.plasticity.app.report.PredictivityReport;
import org.plasticity.app.report.ScoreBarPlot;
import org.plasticity.io.OutputDirectory;
import org.plasticity.layered.checkpoint.Checkpoint;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.training.TrainConfig;
import org.plasticity.layered.training.TrainResult;
import org.plasticity.layered.training.TrainedNetwork;
import org.plasticity.layered.training.Trainer;
import org.plasticity.layered.training.TrainingListener;
import org.plasticity.neural.PredictivityStudy;
import org.plasticity.neural.PredictivityStudy.LayerScore;
import org.plasticity.neural.data.Responses;
import org.plasticity.neural.data.StimulusImage;
import org.plasticity.neural.model.FeatureModel;
import org.plasticity.neural.model.FeatureModels;
import org.plasticity.neural.model.NetworkModel;
import org.plasticity.stats.Summary;

/**
 * One {@code brainlike} run: trains rules x seeds (and the untrained network of each seed, the baseline every rule
 * starts from), saves each as a checkpoint, scores the checkpoints' hidden layers and the pixels against the
 * recording, and aggregates over seeds with a t-interval. What is scored is what is saved: the layers are computed
 * from the checkpoint files, read back.
 */
final class BrainlikeRun {
    /** The model name of the untrained-network baseline (the "random" features every rule starts from). */
    static final String UNTRAINED = "random";

    /** Hidden widths when neither --hidden, --layers nor the config gives them. */
    static final int[] DEFAULT_HIDDEN = {256, 256};

    private final List<String> rules;
    private final int seeds;
    private final TrainingOptions training;
    private final NeuralOptions neural;
    private final RunOptions run;

    BrainlikeRun(List<String> rules, int seeds, TrainingOptions training, NeuralOptions neural, RunOptions run) {
        this.rules = rules;
        this.seeds = seeds;
        this.training = training;
        this.neural = neural;
        this.run = run;
    }

    /** One network to train: a rule (or the untrained baseline) at one seed. */
    private record Job(String model, String rule, long seed, TrainConfig config) {
        String file() {
            return "models/" + model + "-seed" + seed + ".ckpt";
        }
    }

    /** Per model and layer, the seeds' mean score and its interval. */
    record Aggregate(String model, String layer, int n, double r, double sd, double half, double ceiling,
                     double testAccuracy) {
        double rOverCeiling() {
            return r / ceiling;
        }
    }

    void runAndWrite(PrintWriter out) throws IOException, InterruptedException {
        if (training.data == null && !training.file().containsKey("data")) {
            training.data = "fashion-mnist";
        }
        if (training.hidden == null && training.layers == null && !training.file().containsKey("hidden")
                && !training.file().containsKey("layers")) {
            // Two hidden layers, so that there are layers to compare; train's default is one of 500.
            training.hidden = DEFAULT_HIDDEN.clone();
        }
        long seed0 = training.seed(run.seed);
        run.out();
        // Read and check everything before --out is touched.
        Responses responses = neural.readResponses();
        List<StimulusImage> images = neural.readImages(responses);
        PredictivityStudy study = new PredictivityStudy(responses, neural.readLabels(responses),
                neural.options(seed0));
        Dataset[] data = training.load();
        List<Job> jobs = jobs(seed0, data[0]);
        try (OutputDirectory dir = run.openOut()) {
            Files.createDirectories(dir.file("models"));
            Map<Job, TrainResult> trained = train(jobs, data, dir);
            List<PredictivityStudy.LayerScore> scores;
            // The network each scored layer belongs to, null for the pixels.
            List<Job> sources = new ArrayList<>();
            List<NeuralScoring.Layer> layers = new ArrayList<>();
            FeatureModel pixels = FeatureModels.open("pixels", seed0);
            layers.add(new NeuralScoring.Layer("pixels", () -> pixels.activations("pixels", images)));
            sources.add(null);
            for (Job j : jobs) {
                FeatureModel m = new NetworkModel(j.model(), Checkpoint.read(dir.file(j.file())));
                for (String layer : m.layers()) {
                    if (!layer.equals("output")) {
                        layers.add(new NeuralScoring.Layer(j.model(), () -> m.activations(layer, images)));
                        sources.add(j);
                    }
                }
            }
            try (ConsoleProgress bar = ConsoleProgress.open("brainlike: scoring " + layers.size() + " layers",
                    run.quiet)) {
                long total = (long) layers.size() * study.splitCount();
                scores = NeuralScoring.score(study, layers, run.threads(), bar, 0, total);
            }
            List<Aggregate> agg = aggregate(scores, sources, trained, NeuralScoring.ceiling(study));
            write(dir, study, scores, sources, agg, trained, seed0);
            dir.commit();
            String table = table(study, agg);
            out.println(table);
            out.println("results in " + run.out());
        }
    }

    private List<Job> jobs(long seed0, Dataset train) {
        List<Job> jobs = new ArrayList<>();
        for (int k = 0; k < seeds; k++) {
            long s = seed0 + k;
            // The untrained network: any rule's recipe with no epochs; every rule at this seed starts from it.
            TrainConfig c = training.config(rules.get(0), s, train).toBuilder().epochs(0).build();
            jobs.add(new Job(UNTRAINED, rules.get(0), s, c));
        }
        for (int k = 0; k < seeds; k++) {
            List<TrainConfig> configs = LayeredRunner.configs("brainlike", rules, training, seed0 + k, train);
            for (int i = 0; i < rules.size(); i++) {
                jobs.add(new Job(rules.get(i), rules.get(i), seed0 + k, configs.get(i)));
            }
        }
        jobs.sort(java.util.Comparator.comparing((Job j) -> j.model().equals(UNTRAINED) ? -1
                : rules.indexOf(j.model())).thenComparingLong(Job::seed));
        return jobs;
    }

    private Map<Job, TrainResult> train(List<Job> jobs, Dataset[] data, OutputDirectory dir)
            throws IOException, InterruptedException {
        Map<Job, TrainResult> out = new LinkedHashMap<>();
        try (ConsoleProgress bar = ConsoleProgress.open("brainlike: training " + jobs.size() + " networks",
                run.quiet)) {
            Parallel.TrainingProgress progress = new Parallel.TrainingProgress(bar, jobs.size(), false);
            List<Callable<TrainResult>> work = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                Job j = jobs.get(i);
                TrainingListener listener = progress.listener(i);
                work.add(() -> {
                    TrainedNetwork t = new Trainer(j.config(), listener).trainNetwork(j.rule(), data[0], data[1]);
                    Checkpoint.of(t, training.data()).write(dir.file(j.file()));
                    return t.result();
                });
            }
            List<TrainResult> results = Parallel.run(run.threads(), work);
            for (int i = 0; i < jobs.size(); i++) {
                out.put(jobs.get(i), results.get(i));
            }
        }
        return out;
    }

    static List<Aggregate> aggregate(List<LayerScore> scores, List<Job> sources, Map<Job, TrainResult> trained,
                                     double ceiling) {
        Map<String, List<Double>> r = new LinkedHashMap<>();
        Map<String, List<Double>> acc = new LinkedHashMap<>();
        for (int i = 0; i < scores.size(); i++) {
            LayerScore s = scores.get(i);
            String key = s.model() + "\u0000" + s.layer();
            r.computeIfAbsent(key, x -> new ArrayList<>()).add(s.score().r());
            if (sources.get(i) != null) {
                acc.computeIfAbsent(key, x -> new ArrayList<>()).add(trained.get(sources.get(i)).last().testAccuracy());
            }
        }
        List<Aggregate> out = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : r.entrySet()) {
            String[] ml = e.getKey().split("\u0000");
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            int n = v.length;
            double mean = Summary.mean(v);
            double sd = n > 1 ? Summary.sd(v) : Double.NaN;
            double half = n > 1 ? org.plasticity.stats.StudentT.quantile(0.975, n - 1) * sd / Math.sqrt(n)
                    : Double.NaN;
            List<Double> a = acc.get(e.getKey());
            double accuracy = a == null ? Double.NaN : a.stream().mapToDouble(Double::doubleValue).average()
                    .orElse(Double.NaN);
            out.add(new Aggregate(ml[0], ml[1], n, mean, sd, half, ceiling, accuracy));
        }
        return out;
    }

    private void write(OutputDirectory dir, PredictivityStudy study, List<LayerScore> scores, List<Job> sources,
                       List<Aggregate> agg, Map<Job, TrainResult> trained, long seed0) throws IOException {
        ObjectNode root = PredictivityWriter.summary("brainlike", study, String.valueOf(neural.images), scores);
        ArrayNode s = (ArrayNode) root.get("scores");
        for (int i = 0; i < scores.size(); i++) {
            if (sources.get(i) != null) {
                ((ObjectNode) s.get(i)).put("seed", sources.get(i).seed());
            }
        }
        root.put("data", training.data());
        ArrayNode b = root.putArray("brainlike");
        for (Aggregate a : agg) {
            ObjectNode o = b.addObject();
            o.put("model", a.model());
            o.put("layer", a.layer());
            o.put("seeds", a.n());
            Finite.put(o, "r", a.r());
            Finite.put(o, "r_sd", a.sd());
            Finite.put(o, "r_ci95_low", a.r() - a.half());
            Finite.put(o, "r_ci95_high", a.r() + a.half());
            Finite.put(o, "r_over_ceiling", a.rOverCeiling());
            Finite.put(o, "explained_variance", a.rOverCeiling() * a.rOverCeiling());
            Finite.put(o, "test_accuracy", a.testAccuracy());
        }
        ArrayNode t = root.putArray("training");
        for (Map.Entry<Job, TrainResult> e : trained.entrySet()) {
            ObjectNode o = t.addObject();
            o.put("model", e.getKey().model());
            o.put("rule", e.getKey().rule());
            o.put("seed", e.getKey().seed());
            o.put("epochs", e.getKey().config().epochs());
            Finite.put(o, "final_test_accuracy", e.getValue().last().testAccuracy());
            Finite.put(o, "final_train_accuracy", e.getValue().last().trainAccuracy());
            o.put("checkpoint", e.getKey().file());
        }
        root.putArray("caveats").add(CAVEAT);
        PredictivityWriter.write(root, dir.file("summary.json"));
        String[] head = {"seed"};
        List<String[]> seedCol = sources.stream()
                .map(j -> new String[] {j == null ? "" : String.valueOf(j.seed())}).toList();
        PredictivityWriter.writeScores(scores, seedCol, head, dir.file("scores.csv"));
        PredictivityWriter.writeNeurons(scores, seedCol, head, study.ceiling(), dir.file("neurons.csv"));
        writeTraining(trained, dir.file("training.csv"));
        Files.writeString(dir.file("results.md"), table(study, agg));
        List<ScoreBarPlot.Bar> bars = new ArrayList<>();
        for (Aggregate a : agg) {
            bars.add(new ScoreBarPlot.Bar(a.model(), a.layer(), a.r(), a.half()));
        }
        ScoreBarPlot.write(bars, NeuralScoring.ceiling(study), "Which rule's representations predict the neurons?",
                "median r over neurons, mean over " + seeds + " seeds; bars: 95 % t-interval over seeds", "r",
                dir.file("brainlike.png"));
        List<List<String>> rows = new ArrayList<>();
        for (Aggregate a : agg) {
            rows.add(List.of(a.model(), a.layer(), String.valueOf(a.n()), NeuralScoring.fmt(a.r()),
                    interval(a), NeuralScoring.fmt(a.rOverCeiling()),
                    NeuralScoring.fmt(a.rOverCeiling() * a.rOverCeiling()),
                    Double.isFinite(a.testAccuracy()) ? String.format(Locale.ROOT, "%.1f %%", 100 * a.testAccuracy())
                            : "-"));
        }
        List<String> header = new ArrayList<>(NeuralScoring.header(study, String.valueOf(neural.images)));
        header.add("Networks: trained on " + training.data() + " by each rule's recipe (see summary.json), seeds "
                + seed0 + ".." + (seed0 + seeds - 1) + "; untrained: the network every rule starts from.");
        List<String> notes = new ArrayList<>(NeuralScoring.notes());
        notes.add(CAVEAT);
        PredictivityReport.write("Brain-likeness of learning rules", header, List.of("model", "layer", "seeds", "r",
                "95 % interval", "r / ceiling", "(r / ceiling)^2", "test accuracy"), rows,
                List.of(dir.file("brainlike.png")), notes, dir.file("report.html"));
    }

    static final String CAVEAT = "Caveat: these networks see 28 x 28 grey images of one kind (the training set), the "
            + "neurons natural colour images at a larger scale; the images are converted to the networks' input "
            + "(luma, 4 x 4 block means) and a small fully connected network is far from a visual hierarchy. Read "
            + "differences between rules against the intervals and the pixel and untrained baselines, not as a "
            + "verdict on the rules in the brain.";

    private static String interval(Aggregate a) {
        return Double.isFinite(a.half()) ? String.format(Locale.ROOT, "%.3f .. %.3f", a.r() - a.half(),
                a.r() + a.half()) : "-";
    }

    static String table(PredictivityStudy study, List<Aggregate> agg) {
        StringBuilder b = new StringBuilder();
        double c = NeuralScoring.ceiling(study);
        b.append(String.format(Locale.ROOT, "%d neurons, %d stimuli; ceiling %s%n%n", study.responses().neurons(),
                study.responses().stimuli(), Double.isFinite(c) ? String.format(Locale.ROOT, "%.3f", c) : "none"));
        b.append("| model | layer | seeds | r | 95 % interval | r / ceiling | (r / ceiling)^2 | test accuracy |\n");
        b.append("|---|---|---:|---:|---|---:|---:|---:|\n");
        for (Aggregate a : agg) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %s | %s | %s | %s |%n", a.model(),
                    a.layer(), a.n(), a.r(), interval(a), NeuralScoring.fmt(a.rOverCeiling()),
                    NeuralScoring.fmt(a.rOverCeiling() * a.rOverCeiling()), Double.isFinite(a.testAccuracy())
                            ? String.format(Locale.ROOT, "%.1f %%", 100 * a.testAccuracy()) : "-"));
        }
        return b.toString();
    }

    private static void writeTraining(Map<Job, TrainResult> trained, Path file) throws IOException {
        StringBuilder b = new StringBuilder("model,rule,seed,epochs,final_train_accuracy,final_test_accuracy,"
                + "checkpoint\n");
        for (Map.Entry<Job, TrainResult> e : trained.entrySet()) {
            Job j = e.getKey();
            b.append(j.model()).append(',').append(j.rule()).append(',').append(j.seed()).append(',')
                    .append(j.config().epochs()).append(',').append(e.getValue().last().trainAccuracy()).append(',')
                    .append(e.getValue().last().testAccuracy()).append(',').append(j.file()).append('\n');
        }
        Files.writeString(file, b.toString());
    }
}
