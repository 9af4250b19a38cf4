package org.plasticity.app;

import java.nio.file.Path;
import java.util.List;
import org.plasticity.ConfigException;
import org.plasticity.DataException;
import org.plasticity.neural.PredictivityStudy;
import org.plasticity.neural.data.LabelFiles;
import org.plasticity.neural.data.ResponseFiles;
import org.plasticity.neural.data.Responses;
import org.plasticity.neural.data.StimulusFiles;
import org.plasticity.neural.data.StimulusImage;
import picocli.CommandLine.Option;

/**
 * The recording and method options of {@code predictivity} and {@code brainlike}. The defaults are Brain-Score's:
 * PLS with 25 components, 10 splits of the stimuli 90 % / 10 %, a ceiling from 10 random halvings of the repeats.
 */
final class NeuralOptions {
    /** The seed when --seed is not given. */
    static final long DEFAULT_SEED = 42;

    @Option(names = "--responses", paramLabel = "FILE", required = true,
            description = "Recorded responses: neurons x stimuli (repeat-averaged) or neurons x stimuli x repeats (NaN:"
                + " a missing repeat), as .npy, .csv, .mat or .h5/.hdf5/.nwb (required).")
    Path responses;

    @Option(names = "--variable", paramLabel = "NAME",
            description = "The array inside a .mat, .h5 or .nwb file (default: its only 2-D or 3-D numeric array).")
    String variable;

    @Option(names = "--stimuli-by-neurons",
            description = "The 2-D responses are stimuli x neurons, not neurons x stimuli (default: off).")
    boolean stimuliByNeurons;

    @Option(names = "--images", paramLabel = "ZIP|DIR",
            description = "The stimuli: a zip or folder of JPEG/PNG images in name order, image k being stimulus k "
                + "(required with a model).")
    Path images;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "A CSV with one label per stimulus (e.g. object category): the splits are stratified by it "
                + "(default: plain shuffle splits).")
    Path labels;

    @Option(names = "--regression", paramLabel = "KIND",
            description = "pls (Brain-Score's) or ridge (alpha by leave-one-out cross-validation) (default: pls).")
    String regression = "pls";

    @Option(names = "--components", paramLabel = "K", description = "PLS components (default: 25).")
    int components = 25;

    @Option(names = "--splits", paramLabel = "N", description = "Cross-validation splits of the stimuli (default: 10).")
    int splits = 10;

    @Option(names = "--train-fraction", paramLabel = "F",
            description = "Share of the stimuli fitted on in each split; the rest is tested on (default: 0.9).")
    double trainFraction = 0.9;

    @Option(names = "--ceiling-splits", paramLabel = "N",
            description = "Random halvings of each stimulus's repeats for the ceiling (default: 10).")
    int ceilingSplits = 10;

    Responses readResponses() {
        return ResponseFiles.read(responses, variable, stimuliByNeurons);
    }

    /** @return the images, checked to be one per stimulus of {@code r}. */
    List<StimulusImage> readImages(Responses r) {
        if (images == null) {
            throw new ConfigException("--images", "is required: the stimuli the neurons were recorded with");
        }
        List<StimulusImage> list = StimulusFiles.read(images);
        if (list.size() != r.stimuli()) {
            throw new DataException(images, "holds " + list.size() + " images but " + r.source() + " has "
                    + r.stimuli() + " stimuli");
        }
        return list;
    }

    /** @return the labels, one per stimulus, or null without --labels. */
    String[] readLabels(Responses r) {
        return labels == null ? null : LabelFiles.read(labels, r.stimuli());
    }

    PredictivityStudy.Options options(long seed) {
        return new PredictivityStudy.Options(regression, components, splits, trainFraction, ceilingSplits, seed);
    }
}
