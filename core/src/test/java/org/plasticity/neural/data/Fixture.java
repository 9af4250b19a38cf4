package org.plasticity.neural.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.function.Executable;
import org.plasticity.DataException;

/**
 * The recording every fixture of tools/fixtures/neural_data_fixtures.py holds, rebuilt here from its formula (not
 * read from a file): 4 neurons x 5 stimuli x 3 repeats, value(n, s, r) = 100 n + 10 s + r + 0.25, with repeats
 * (0, 1, 2), (2, 3, 0) and (3, 4, 1) missing.
 */
final class Fixture {
    static final Path DIR = Path.of("src/test/resources/fixtures/neural-data");
    static final int N = 4;
    static final int S = 5;
    static final int R = 3;

    private Fixture() {}

    static Path file(String name) {
        return DIR.resolve(name);
    }

    static double value(int n, int s, int r) {
        boolean missing = n == 0 && s == 1 && r == 2 || n == 2 && s == 3 && r == 0 || n == 3 && s == 4 && r == 1;
        return missing ? Double.NaN : 100.0 * n + 10 * s + r + 0.25;
    }

    /** The NaN-mean over repeats, neuron n, stimulus s. */
    static double mean(int n, int s) {
        double sum = 0;
        int k = 0;
        for (int r = 0; r < R; r++) {
            if (!Double.isNaN(value(n, s, r))) {
                sum += value(n, s, r);
                k++;
            }
        }
        return sum / k;
    }

    /** count(n, s) = 7 n + 3 s + (n == s), the integer arrays of the fixtures (before their offsets). */
    static double count(int n, int s) {
        return 7 * n + 3 * s + (n == s ? 1 : 0);
    }

    /** Asserts every value of a 3-D recording, in the fixture's axes. */
    static void assertRecording(Responses r) {
        assertEquals(N, r.neurons(), "neurons");
        assertEquals(S, r.stimuli(), "stimuli");
        assertEquals(R, r.repeats(), "repeats");
        assertTrue(r.hasRepeats());
        for (int n = 0; n < N; n++) {
            for (int s = 0; s < S; s++) {
                for (int k = 0; k < R; k++) {
                    assertEquals(value(n, s, k), r.value(n, s, k), 0, "value(" + n + ", " + s + ", " + k + ")");
                }
            }
        }
    }

    /** Asserts a repeat-averaged recording equal to the fixture's NaN-means. */
    static void assertAveraged(Responses r, double tolerance) {
        assertEquals(N, r.neurons(), "neurons");
        assertEquals(S, r.stimuli(), "stimuli");
        assertEquals(1, r.repeats());
        assertFalse(r.hasRepeats());
        for (int n = 0; n < N; n++) {
            for (int s = 0; s < S; s++) {
                assertEquals(mean(n, s), r.value(n, s, 0), tolerance, "mean(" + n + ", " + s + ")");
            }
        }
    }

    /** Asserts a one-line DataException that names the file and says what {@code expected} says. */
    static DataException fails(Path file, String expected, Executable read) {
        DataException e = assertThrows(DataException.class, read);
        String m = e.getMessage();
        assertTrue(m.startsWith(file.toString() + ": "), m);
        assertTrue(m.contains(expected), "'" + expected + "' not in: " + m);
        assertFalse(m.contains("\n"), m);
        return e;
    }
}
