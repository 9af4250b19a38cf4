package org.plasticity.neural.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plasticity.neural.data.Fixture.S;
import static org.plasticity.neural.data.Fixture.fails;
import static org.plasticity.neural.data.Fixture.file;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Stimulus labels and precomputed activations from tools/fixtures/neural_data_fixtures.py. */
class LabelAndFeatureFilesTest {
    private static final String[] LABELS = {"cat", "dog", "cat", "car", "dog"};

    @Test
    void labelsWithAndWithoutHeader() {
        assertArrayEquals(LABELS, LabelFiles.read(file("labels.csv"), S));
        assertArrayEquals(LABELS, LabelFiles.read(file("labels_header.csv"), S)); // header "Label"
        // Several columns: the one named label, quoted in the file.
        assertArrayEquals(LABELS, LabelFiles.read(file("labels_columns.csv"), S));
        // One column and one row more than stimuli: the first row is a header, whatever it says.
        assertArrayEquals(new String[] {"dog", "cat", "car"}, LabelFiles.read(file("labels_4.csv"), 3));
    }

    @Test
    void labelProblemsAreOneLineErrors() {
        Path four = file("labels_4.csv");
        fails(four, "has 4 labels for 5 stimuli", () -> LabelFiles.read(four, S));
        Path header = file("labels_header.csv");
        fails(header, "has 5 labels (after its header) for 6 stimuli", () -> LabelFiles.read(header, 6));
        Path noLabel = file("labels_no_label_column.csv");
        fails(noLabel, "has 2 columns and none is named 'label' (header: a, b)", () -> LabelFiles.read(noLabel, S));
        Path empty = file("labels_empty_cell.csv");
        fails(empty, "line 3: empty label", () -> LabelFiles.read(empty, S));
        fails(file("nope.csv"), "no such file", () -> LabelFiles.read(file("nope.csv"), S));
    }

    private static void assertFeatures(Features f) {
        assertEquals("features", f.layer());
        assertEquals(S, f.stimuli());
        assertEquals(6, f.units());
        for (int s = 0; s < S; s++) {
            for (int u = 0; u < 6; u++) {
                assertEquals(s - 0.5f * u, f.value(s, u), 0, "feature(" + s + ", " + u + ")");
            }
        }
    }

    @Test
    void featuresFromNpyAndCsv() {
        assertFeatures(FeatureFiles.read(file("features.npy"), S));
        assertFeatures(FeatureFiles.read(file("features.csv"), S)); // with a header row unit0..unit5
    }

    @Test
    void featureProblemsAreOneLineErrors() {
        Path rows = file("features_4rows.npy");
        fails(rows, "has activations for 4 stimuli, the stimuli number 5", () -> FeatureFiles.read(rows, S));
        Path inf = file("features_inf.npy");
        fails(inf, "stimulus 3, feature 2: Infinity", () -> FeatureFiles.read(inf, S));
        Path cube = file("features_3d.npy");
        fails(cube, "activations are 3-D (5 x 2 x 3)", () -> FeatureFiles.read(cube, S));
        Path big = file("features_beyond_f4.npy");
        fails(big, "stimulus 1, feature 4: 1.0E40 is beyond single precision", () -> FeatureFiles.read(big, S));
        Path none = file("features_no_columns.npy");
        fails(none, "has no features", () -> FeatureFiles.read(none, S));
        Path mat = file("responses_v5.mat");
        fails(mat, "unknown activations format '.mat'", () -> FeatureFiles.read(mat, S));
        Path truncated = file("truncated.npy");
        fails(truncated, "truncated", () -> FeatureFiles.read(truncated, S));
    }
}
