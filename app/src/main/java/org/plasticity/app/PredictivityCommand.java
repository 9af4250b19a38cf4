package org.plasticity.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.plasticity.ConfigException;
import org.plasticity.neural.PredictivityStudy;
import org.plasticity.neural.PredictivityStudy.LayerScore;
import org.plasticity.neural.data.FeatureFiles;
import org.plasticity.neural.data.Features;
import org.plasticity.neural.data.Responses;
import org.plasticity.neural.data.StimulusImage;
import org.plasticity.neural.model.FeatureModel;
import org.plasticity.neural.model.FeatureModels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plasticity predictivity}: how well each layer of each model predicts recorded neurons. */
@Command(name = "predictivity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score models against recorded neurons as Brain-Score does: cross-validated PLS from a layer's "
            + "units to the neurons, Pearson r on held-out stimuli, relative to the neurons' split-half ceiling.",
            "Writes summary.json, scores.csv, neurons.csv, results.md, predictivity.png and report.html into --out."})
final class PredictivityCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "MODEL",
            description = "pixels, random, or a checkpoint written by train --save; repeat to score several "
                + "(default: pixels when --images is given).")
    List<String> models;

    @Option(names = "--features", paramLabel = "FILE",
            description = "Precomputed activations, stimuli x units (.npy or .csv), scored as one layer; repeatable,"
                + " instead of or besides --images and --model (default: none).")
    List<Path> features;

    @CommandLine.Mixin
    NeuralOptions neural = new NeuralOptions();

    @CommandLine.Mixin
    RunOptions run = new RunOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long seed = run.seed != null ? run.seed : NeuralOptions.DEFAULT_SEED;
        run.out();
        // Everything is read and checked before --out is touched: a bad file writes nothing.
        Responses responses = neural.readResponses();
        List<String> specs = models != null ? models : features == null ? List.of("pixels") : List.of();
        if (specs.isEmpty() && features == null) {
            throw new ConfigException("--model", "give a model or --features to score");
        }
        List<StimulusImage> images = specs.isEmpty() ? null : neural.readImages(responses);
        List<FeatureModel> opened = new ArrayList<>();
        for (String m : specs) {
            opened.add(FeatureModels.open(m, seed));
        }
        List<Features> given = new ArrayList<>();
        for (Path f : features == null ? List.<Path>of() : features) {
            given.add(FeatureFiles.read(f, responses.stimuli()));
        }
        PredictivityStudy study = new PredictivityStudy(responses, neural.readLabels(responses), neural.options(seed));
        List<NeuralScoring.Layer> layers = new ArrayList<>();
        for (FeatureModel m : opened) {
            for (String layer : m.layers()) {
                layers.add(new NeuralScoring.Layer(m.name(), () -> m.activations(layer, images)));
            }
        }
        for (Features f : given) {
            layers.add(new NeuralScoring.Layer(f.layer(), () -> f));
        }
        String stimuli = images != null ? String.valueOf(neural.images) : "precomputed features";
        List<LayerScore> scores = NeuralScoring.scoreAndWrite("predictivity", study, layers, stimuli, run,
                spec.commandLine().getOut());
        return scores.isEmpty() ? 1 : 0;
    }
}
