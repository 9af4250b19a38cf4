package org.plasticity.neural.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plasticity.neural.data.Fixture.N;
import static org.plasticity.neural.data.Fixture.R;
import static org.plasticity.neural.data.Fixture.S;
import static org.plasticity.neural.data.Fixture.assertAveraged;
import static org.plasticity.neural.data.Fixture.assertRecording;
import static org.plasticity.neural.data.Fixture.fails;
import static org.plasticity.neural.data.Fixture.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.numeric.Npy;

/**
 * NPY and CSV responses (tools/fixtures/neural_data_fixtures.py), checked value by value against the formula the
 * script wrote them from; the MAT and HDF5 readers are in {@link MatHdf5ResponsesTest}.
 */
class ResponseFilesTest {
    @Test
    void npyInCAndFortranOrderReadsNeuronsStimuliRepeats() {
        assertRecording(ResponseFiles.read(file("responses_c.npy"), null, false));
        // float32, Fortran order: the same values (all exact in float32).
        assertRecording(ResponseFiles.read(file("responses_f4_fortran.npy"), null, false));
    }

    @Test
    void transposeSwapsNeuronsAndStimuli() {
        // 2-D, stored stimuli x neurons: without the flag it reads as 5 neurons x 4 stimuli.
        assertEquals(S, ResponseFiles.read(file("averaged_t.npy"), null, false).neurons());
        assertAveraged(ResponseFiles.read(file("averaged_t.npy"), null, true), 0);
        // 3-D: the first two axes swap, the repeats stay last.
        Responses t = ResponseFiles.read(file("responses_c.npy"), null, true);
        assertEquals(S, t.neurons());
        assertEquals(N, t.stimuli());
        assertEquals(R, t.repeats());
        for (int n = 0; n < N; n++) {
            for (int s = 0; s < S; s++) {
                for (int k = 0; k < R; k++) {
                    assertEquals(Fixture.value(n, s, k), t.value(s, n, k), 0);
                }
            }
        }
    }

    @Test
    void integerNpyReads() {
        Responses r = ResponseFiles.read(file("counts_i2.npy"), null, false);
        for (int n = 0; n < N; n++) {
            for (int s = 0; s < S; s++) {
                assertEquals(Fixture.count(n, s), r.value(n, s, 0), 0);
            }
        }
    }

    @Test
    void npyOfWrongRankOrBrokenIsAOneLineError() {
        fails(file("rank1.npy"), "is 1-D (5); responses are 2-D", () -> ResponseFiles.read(file("rank1.npy"), null,
                false));
        fails(file("rank4.npy"), "is 4-D (2 x 2 x 2 x 2)", () -> ResponseFiles.read(file("rank4.npy"), null, false));
        fails(file("truncated.npy"), "truncated", () -> ResponseFiles.read(file("truncated.npy"), null, false));
        fails(file("foreign.npy"), "not an NPY file", () -> ResponseFiles.read(file("foreign.npy"), null, false));
        fails(file("missing.npy"), "no such file", () -> ResponseFiles.read(file("missing.npy"), null, false));
        fails(file("responses.txt"), "unknown responses format '.txt'",
                () -> ResponseFiles.read(file("responses.txt"), null, false));
        fails(file("responses_c.npy"), "holds one array", () -> ResponseFiles.read(file("responses_c.npy"), "x",
                false));
    }

    @Test
    void unusableNeuronsAreNamed() {
        fails(file("all_nan_neuron.npy"), "neuron 1 is all NaN",
                () -> ResponseFiles.read(file("all_nan_neuron.npy"), null, false));
        fails(file("constant_neuron.npy"), "neuron 2 responds the same",
                () -> ResponseFiles.read(file("constant_neuron.npy"), null, false));
        fails(file("missing_stimulus.csv"), "neuron 1 has no valid (non-NaN) response to stimulus 2",
                () -> ResponseFiles.read(file("missing_stimulus.csv"), null, false));
    }

    @Test
    void csvWithAndWithoutHeaderAndTransposed() {
        // Header row "stim0,...", empty cells never occur here (averaged); values written with repr(): exact.
        assertAveraged(ResponseFiles.read(file("averaged_header.csv"), null, false), 0);
        // No header, ", " separators, a trailing blank line, stimuli x neurons.
        assertAveraged(ResponseFiles.read(file("averaged_t.csv"), null, true), 0);
    }

    @Test
    void csvAsPandasWritesIt() {
        // to_csv(): header ",0,1,2,3,4" and an index column, which is dropped.
        assertAveraged(ResponseFiles.read(file("averaged_index.csv"), null, false), 0);
        // to_csv(index=False): header "0,1,2,3,4", not a row of data.
        assertAveraged(ResponseFiles.read(file("averaged_pandas_noindex.csv"), null, false), 0);
    }

    @Test
    void csvNumbersInEveryNotation() {
        // 1e3,-2.5,+.5,7. / NaN,na,-inf,Infinity / (empty),NA,INF,0 after a UTF-8 byte-order mark.
        Grid g = CsvTables.matrix(file("numbers.csv"));
        assertArrayEquals(new int[] {3, 4}, g.shape());
        double inf = Double.POSITIVE_INFINITY;
        assertArrayEquals(new double[] {1000, -2.5, 0.5, 7, Double.NaN, Double.NaN, -inf, inf, Double.NaN,
            Double.NaN, inf, 0}, g.values(), 0);
    }

    @Test
    void csvRejectsWhatJavaWouldParseButIsNoNumber(@TempDir Path tmp) throws IOException {
        for (String cell : new String[] {"1d", "0x10", "1,5e", "--1"}) {
            Path f = Files.writeString(tmp.resolve("x.csv"), "1,2\n3,\"" + cell + "\"\n");
            fails(f, "line 2, column 2: '" + cell + "' is not a number", () -> CsvTables.matrix(f));
        }
        Path empty = Files.writeString(tmp.resolve("empty.csv"), "\n\n");
        fails(empty, "is empty", () -> ResponseFiles.read(empty, null, false));
        Path header = Files.writeString(tmp.resolve("header.csv"), "a,b\n");
        fails(header, "has a header row but no data rows", () -> ResponseFiles.read(header, null, false));
    }

    @Test
    void extensionsAreCaseInsensitiveAndAScalarIsNoRecording(@TempDir Path tmp) throws IOException {
        Path upper = Files.copy(file("responses_c.npy"), tmp.resolve("R.NPY"));
        assertRecording(ResponseFiles.read(upper, null, false));
        Path scalar = tmp.resolve("scalar.npy");
        Npy.write(scalar, new int[0], new double[] {1});
        fails(scalar, "is a scalar; responses are 2-D", () -> ResponseFiles.read(scalar, null, false));
        Path folder = Files.createDirectory(tmp.resolve("folder.npy"));
        fails(folder, "is a folder", () -> ResponseFiles.read(folder, null, false));
    }

    @Test
    void malformedCsvNamesTheLine() {
        Path ragged = file("ragged.csv");
        fails(ragged, "line 2 has 2 values, line 1 has 3", () -> ResponseFiles.read(ragged, null, false));
        Path text = file("not_numeric.csv");
        fails(text, "line 3, column 2: 'x' is not a number", () -> ResponseFiles.read(text, null, false));
    }
}
