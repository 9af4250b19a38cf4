package org.plasticity.neural.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plasticity.neural.data.Fixture.N;
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
import org.plasticity.DataException;

/**
 * MATLAB (v5, v7 compressed, v7.3) and HDF5/NWB responses from tools/fixtures/neural_data_fixtures.py. The arrays
 * are neurons x stimuli x repeats in MATLAB's (and numpy's) axes; MATLAB stores them column-major and v7.3 files
 * appear transposed to HDF5, so reading every value back at its (n, s, r) checks the axis handling of each path.
 */
class MatHdf5ResponsesTest {
    private static void assertCounts(Responses r, double offset) {
        assertEquals(N, r.neurons());
        assertEquals(S, r.stimuli());
        for (int n = 0; n < N; n++) {
            for (int s = 0; s < S; s++) {
                assertEquals(Fixture.count(n, s) + offset, r.value(n, s, 0), 0, "count(" + n + ", " + s + ")");
            }
        }
    }

    @Test
    void matV5FindsItsOnlyRecording() {
        // Beside 'resp' (4 x 5 x 3): a 1 x 5 vector and a string, which are not candidates.
        assertRecording(ResponseFiles.read(file("responses_v5.mat"), null, false));
        assertRecording(ResponseFiles.read(file("responses_v5.mat"), "resp", false));
        // A vector named explicitly reads as one neuron.
        Responses ids = ResponseFiles.read(file("responses_v5.mat"), "stim_ids", false);
        assertEquals(1, ids.neurons());
        assertEquals(5.0, ids.value(0, 4, 0));
        fails(file("responses_v5.mat"), "'note' is not a real numeric array",
                () -> ResponseFiles.read(file("responses_v5.mat"), "note", false));
    }

    @Test
    void matV7CompressedReadsEachVariableInMatlabsAxes() {
        Path f = file("responses_v7.mat");
        assertRecording(ResponseFiles.read(f, "resp", false)); // single precision
        assertAveraged(ResponseFiles.read(f, "avg", false), 0);
        assertCounts(ResponseFiles.read(f, "counts", false), 0); // int16
        assertAveraged(ResponseFiles.read(f, "info.avg_t", true), 0); // a struct field, stimuli x neurons
    }

    @Test
    void matWithSeveralArraysListsThem() {
        Path f = file("responses_v7.mat");
        fails(f, "holds several numeric 2-D or 3-D arrays, name one (resp (4 x 5 x 3), avg (4 x 5), counts (4 x 5),"
                + " info.avg_t (5 x 4))", () -> ResponseFiles.read(f, null, false));
        fails(f, "has no variable 'nope' (numeric 2-D and 3-D arrays in it: resp (4 x 5 x 3)",
                () -> ResponseFiles.read(f, "nope", false));
        fails(f, "'info.session' is not a real numeric array", () -> ResponseFiles.read(f, "info.session", false));
        fails(f, "'avg' is not a scalar struct", () -> ResponseFiles.read(f, "avg.x", false));
    }

    @Test
    void matWithoutCandidatesReadsLogicalsOnlyByName() {
        Path f = file("no_candidates.mat");
        fails(f, "holds no numeric 2-D or 3-D array", () -> ResponseFiles.read(f, null, false));
        fails(f, "'z' is not a real numeric array (MATLAB class double, complex)", () -> ResponseFiles.read(f, "z",
                false));
        Responses mask = ResponseFiles.read(f, "mask", false);
        assertEquals(Fixture.count(1, 2) % 2, mask.value(1, 2, 0));
        assertEquals(Fixture.count(3, 3) % 2, mask.value(3, 3, 0));
    }

    @Test
    void matV73IsReadThroughHdf5WithMatlabsAxes() {
        Path f = file("responses_v73.mat");
        // The HDF5 dataset is 3 x 5 x 4; MATLAB, and this reader, see 4 x 5 x 3.
        assertRecording(ResponseFiles.read(f, "resp", false));
        assertAveraged(ResponseFiles.read(f, "info.avg", false), 1e-4); // single precision means
        assertAveraged(ResponseFiles.read(f, "/info/avg", false), 1e-4);
        assertCounts(ResponseFiles.read(f, "info.counts", false), 200); // uint8 above 127
        // Listed in MATLAB's axes and names, sorted by path; not the char array, the logical one or #refs#/a.
        fails(f, "name one (info.avg (4 x 5), info.counts (4 x 5), resp (4 x 5 x 3))",
                () -> ResponseFiles.read(f, null, false));
        fails(f, "'letters' is not a numeric array (MATLAB class char)", () -> ResponseFiles.read(f, "letters", false));
        assertEquals(Fixture.count(1, 2) % 2, ResponseFiles.read(f, "mask", false).value(1, 2, 0));
        fails(f, "has no variable 'stim'", () -> ResponseFiles.read(f, "stim", false));
    }

    @Test
    void hdf5FindsItsOnlyRecording() {
        // float32, gzip and shuffle filters, chunked; a 1-D dataset beside it.
        assertRecording(ResponseFiles.read(file("responses.h5"), null, false));
        assertRecording(ResponseFiles.read(file("responses.h5"), "recording/responses", false));
    }

    @Test
    void hdf5IntegerAndHalfPrecisionDtypes() {
        Path f = file("dtypes.h5");
        assertCounts(ResponseFiles.read(f, "i8", false), -20);
        assertCounts(ResponseFiles.read(f, "i64", false), -Math.pow(2, 40));
        Responses u64 = ResponseFiles.read(f, "u64", false); // 2^63 + 2048 count: unsigned, beyond long
        for (int n = 0; n < N; n++) {
            for (int s = 0; s < S; s++) {
                assertEquals(Math.pow(2, 63) + 2048 * Fixture.count(n, s), u64.value(n, s, 0), 0);
            }
        }
        assertAveraged(ResponseFiles.read(f, "f2", false), 0.07); // float16 keeps 11 significant bits
        fails(file("no_arrays.h5"), "holds no numeric 2-D or 3-D array",
                () -> ResponseFiles.read(file("no_arrays.h5"), null, false));
    }

    @Test
    void hdf5ExtensionsAndCaseAreAllRead(@TempDir Path tmp) throws IOException {
        for (String name : new String[] {"r.hdf5", "r.H5", "r.NWB"}) {
            Path copy = Files.copy(file("responses.h5"), tmp.resolve(name));
            assertRecording(ResponseFiles.read(copy, null, false));
        }
    }

    @Test
    void nwbNeedsTheDatasetPathAmongSeveral() {
        Path f = file("session.nwb");
        assertRecording(ResponseFiles.read(f, "/processing/ecephys/responses/data", false));
        assertRecording(ResponseFiles.read(f, "processing/ecephys/responses/data", false));
        assertCounts(ResponseFiles.read(f, "/processing/ecephys/counts/data", true), 40000); // uint16, transposed
        fails(f, "name one (/acquisition/raw/data (10 x 4), /processing/ecephys/counts/data (5 x 4),"
                + " /processing/ecephys/responses/data (4 x 5 x 3))", () -> ResponseFiles.read(f, null, false));
        fails(f, "has no dataset '/processing/x'", () -> ResponseFiles.read(f, "/processing/x", false));
        fails(f, "'/processing/ecephys' is a group", () -> ResponseFiles.read(f, "/processing/ecephys", false));
        fails(f, "'/general/session_description' is not a numeric array",
                () -> ResponseFiles.read(f, "/general/session_description", false));
        fails(f, "is 1-D (5)", () -> ResponseFiles.read(f, "/processing/ecephys/responses/timestamps", false));
    }

    @Test
    void compressionFiltersTheReaderLacksAreNamed() {
        Path f = file("filters.h5");
        // LZ4 (jHDF has it, but its lz4-java dependency is left out of the build) and Blosc (jHDF lacks it).
        fails(f, "LZ4", () -> ResponseFiles.read(f, "lz4", false));
        fails(f, "re-save it with gzip", () -> ResponseFiles.read(f, "lz4", false));
        fails(f, "id=32001", () -> ResponseFiles.read(f, "blosc", false));
        fails(f, "re-save it with gzip", () -> ResponseFiles.read(f, "blosc", false));
    }

    @Test
    void foreignAndTruncatedFilesAreOneLineErrors() {
        fails(file("foreign.mat"), "not a MATLAB v5, v7 or v7.3 MAT-file",
                () -> ResponseFiles.read(file("foreign.mat"), null, false));
        fails(file("foreign.h5"), "not an HDF5 file", () -> ResponseFiles.read(file("foreign.h5"), null, false));
        fails(file("truncated.mat"), "corrupt or truncated MAT-file",
                () -> ResponseFiles.read(file("truncated.mat"), null, false));
        DataException h5 = fails(file("truncated.h5"), "HDF5",
                () -> ResponseFiles.read(file("truncated.h5"), "recording/responses", false));
        assertTrue(h5.getMessage().contains("corrupt or truncated"), h5.getMessage());
        fails(file("missing.h5"), "no such file", () -> ResponseFiles.read(file("missing.h5"), null, false));
    }
}
