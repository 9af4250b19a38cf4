package org.plasticity.neural.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plasticity.numeric.Npy;

/**
 * The real V4 session (../shared/data/v4-cowley2023, see its README): 50 neurons x 640 images x 10 repeat slots, its
 * repeat-averaged file, and the 640 images in name order. Skipped when the data is absent, unless
 * PLASTICITY_REQUIRE_RECORDINGS=1 (then it fails; the recordings live beside the project, not in what ./setup installs).
 */
class V4RecordingTest {
    static final Path DIR = Path.of("..", "..", "shared", "data", "v4-cowley2023");

    private static void requireData() {
        boolean present = Files.isDirectory(DIR);
        assertTrue(present || !"1".equals(System.getenv("PLASTICITY_REQUIRE_RECORDINGS")), "V4 data missing in " + DIR);
        assumeTrue(present, "V4 data not present in " + DIR);
    }

    @Test
    void rawResponsesAverageToTheAveragedFile() {
        requireData();
        Responses raw = ResponseFiles.read(DIR.resolve("responses_raw_210325.npy"), null, false);
        assertEquals(50, raw.neurons());
        assertEquals(640, raw.stimuli());
        assertEquals(10, raw.repeats());
        assertTrue(raw.hasRepeats());
        // The averaged file, neurons x stimuli, read independently of ResponseFiles; means() is stimuli x neurons.
        Npy.Array avg = Npy.read(DIR.resolve("responses_avg_210325.npy"));
        assertArrayEquals(new int[] {50, 640}, avg.shape());
        double[] means = raw.means();
        for (int n = 0; n < 50; n++) {
            for (int s = 0; s < 640; s++) {
                assertEquals(avg.values()[n * 640 + s], means[s * 50 + n], 1e-12, "neuron " + n + ", image " + s);
            }
        }
        Responses averaged = ResponseFiles.read(DIR.resolve("responses_avg_210325.npy"), null, false);
        assertEquals(50, averaged.neurons());
        assertEquals(avg.values()[3 * 640 + 100], averaged.value(3, 100, 0));
    }

    @Test
    void imagesReadInNameOrder() {
        requireData();
        List<StimulusImage> images = StimulusFiles.read(DIR.resolve("images_210325.zip"));
        assertEquals(640, images.size());
        for (int i = 0; i < 640; i++) {
            StimulusImage im = images.get(i);
            assertEquals(String.format("image%04d.jpg", i + 1), im.name());
            assertEquals(112, im.width());
            assertEquals(112, im.height());
        }
    }
}
