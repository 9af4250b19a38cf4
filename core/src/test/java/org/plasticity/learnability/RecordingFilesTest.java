package org.plasticity.learnability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.plasticity.DataException;

/**
 * Recordings and directions read through {@code neural.data.MatrixFiles} from the fixtures of
 * tools/fixtures/neural_data_fixtures.py: the same 4 x 5 matrix AVG (value {@code 100 n + 10 s + 1.25} at neuron
 * n, stimulus s, the mean over repeats) stored as numpy's {@code AVG.T} (.npy), as a MATLAB variable {@code avg}
 * (column-major, read with MATLAB's axes, then transposed by the flag) and inside a struct, reads back at every
 * position; a 1-D array is one direction; other ranks are refused in one line.
 */
class RecordingFilesTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/neural-data");
    static final int NEURONS = 4;
    static final int SAMPLES = 5;

    /** AVG(n, s): the repeats 0, 1, 2 of 100 n + 10 s + r + 0.25, with one repeat missing at (2, 3) and (3, 4). */
    static double avg(int n, int s) {
        double base = 100.0 * n + 10.0 * s + 0.25;
        if (n == 0 && s == 1) {
            return base + 0.5; // repeat 2 missing: mean of 0 and 1
        }
        if (n == 2 && s == 3) {
            return base + 1.5; // repeat 0 missing
        }
        if (n == 3 && s == 4) {
            return base + 1.0; // repeat 1 missing
        }
        return base + 1.0;
    }

    static void assertAvg(Recording r) {
        assertEquals(SAMPLES, r.samples());
        assertEquals(NEURONS, r.neurons());
        for (int t = 0; t < SAMPLES; t++) {
            for (int n = 0; n < NEURONS; n++) {
                assertEquals(avg(n, t), r.value(t, n), 1e-12, "sample " + t + ", neuron " + n);
            }
        }
    }

    @Test
    void everyFormatReadsTheSameRecording() {
        assertAvg(Recording.read(DIR.resolve("averaged_t.npy"), null, false));
        assertAvg(Recording.read(DIR.resolve("responses_v7.mat"), "avg", true));
        assertAvg(Recording.read(DIR.resolve("responses_v7.mat"), "info.avg_t", false));
    }

    @Test
    void aVectorIsOneDirectionAndOtherRanksAreRefused() {
        Recording r = Recording.read(DIR.resolve("averaged_t.npy"), null, false);
        DataException e = assertThrows(DataException.class, () -> Directions.read(DIR.resolve("rank1.npy"), r));
        assertTrue(e.getMessage().contains("5 entries") && e.getMessage().contains("4 neurons"), e.getMessage());
        Recording five = Recording.read(DIR.resolve("averaged_t.npy"), null, true); // 4 samples x 5 neurons
        Directions d = Directions.read(DIR.resolve("rank1.npy"), five);
        assertEquals(1, d.count());
        assertEquals(4.0, d.row(0)[4], 0.0);
        DataException four = assertThrows(DataException.class, () -> Recording.read(DIR.resolve("rank4.npy"), null,
                false));
        assertTrue(four.getMessage().contains("4-D (2 x 2 x 2 x 2); a 2-D matrix was expected"), four.getMessage());
        DataException three = assertThrows(DataException.class, () -> Recording.read(DIR.resolve("responses_v5.mat"),
                null, false));
        assertTrue(three.getMessage().contains("'resp' is 3-D"), three.getMessage());
        assertEquals(1, three.getMessage().lines().count());
    }
}
