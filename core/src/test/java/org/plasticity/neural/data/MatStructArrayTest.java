package org.plasticity.neural.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plasticity.DataException;

/**
 * Elements of MATLAB struct arrays named as MATLAB names them ({@code D.blocks(2).spikes}), on the session written by
 * tools/fixtures/bci_fixtures.py with scipy.io.savemat: a 1 x 2 struct array of blocks, trials of 20 steps whose
 * first 3 are freeze periods, 30 trials in block 1 and 20 in block 2, 12 units, 3 factors.
 */
class MatStructArrayTest {
    static final Path SESSION = Path.of("src/test/resources/fixtures/bci/session.mat");

    @Test
    void elementsOfAStructArrayReadWithTheirOwnShapes() {
        List<MatrixFiles.Matrix> m = MatFiles.readMatrices(SESSION, List.of("D.blocks(1).spikes",
                "D.blocks(2).spikes", "D.blocks(2).isFreezePeriod", "D.blocks(1).nDecoder.M2",
                "D.dec.FactorAnalysisParams.L"));
        assertEquals(600, m.get(0).rows());
        assertEquals(12, m.get(0).columns());
        assertEquals(400, m.get(1).rows());
        MatrixFiles.Matrix freeze = m.get(2);
        assertEquals(400, freeze.rows() * freeze.columns());
        for (int t = 0; t < 400; t++) {
            assertEquals(t % 20 < 3 ? 1.0 : 0.0, freeze.values()[t], "step " + t);
        }
        assertEquals(2, m.get(3).rows());
        assertEquals(12, m.get(3).columns());
        assertEquals(12, m.get(4).rows());
        assertEquals(3, m.get(4).columns());
        // Counts are whole and the one-variable reader finds the same matrix.
        MatrixFiles.Matrix one = MatrixFiles.read(SESSION, "D.blocks(2).spikes", false);
        for (int i = 0; i < one.values().length; i++) {
            assertEquals(m.get(1).values()[i], one.values()[i]);
            assertEquals(Math.rint(one.values()[i]), one.values()[i]);
        }
    }

    @Test
    void aStructArrayWithoutAnIndexOrOutOfRangeIsOneLine() {
        DataException a = assertThrows(DataException.class, () -> MatrixFiles.read(SESSION, "D.blocks.spikes", false));
        assertTrue(a.getMessage().contains("'D.blocks' is a struct array of 2 elements: name one, as D.blocks(1)"),
                a.getMessage());
        DataException b = assertThrows(DataException.class,
                () -> MatrixFiles.read(SESSION, "D.blocks(3).spikes", false));
        assertTrue(b.getMessage().contains("'D.blocks' has 2 elements, so no element 3"), b.getMessage());
        DataException c = assertThrows(DataException.class,
                () -> MatrixFiles.read(SESSION, "D.blocks(0).spikes", false));
        assertTrue(c.getMessage().contains("name(k) with k = 1, 2"), c.getMessage());
        DataException d = assertThrows(DataException.class, () -> MatrixFiles.read(SESSION, "D.blocks(1)", false));
        assertTrue(d.getMessage().contains("is a struct, not a numeric array"), d.getMessage());
        DataException e = assertThrows(DataException.class,
                () -> MatFiles.readMatrices(SESSION, List.of("D.blocks(1).nothing")));
        assertTrue(e.getMessage().contains("has no variable 'D.blocks(1).nothing'")
                && e.getMessage().contains("D.blocks(2).spikes (400 x 12)"), e.getMessage());
        for (DataException x : List.of(a, b, c, d, e)) {
            assertTrue(!x.getMessage().contains("\n"), x.getMessage());
        }
    }
}
