package org.plasticity.layered.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class XorTest {
    @Test
    void fourPatternsWithXorLabels() {
        Dataset d = Xor.dataset();
        assertEquals("xor", d.name());
        assertEquals(4, d.size());
        assertEquals(2, d.features());
        assertEquals(2, d.classes());
        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, d.inputs());
        for (int i = 0; i < 4; i++) {
            int a = (int) d.inputs()[2 * i];
            int b = (int) d.inputs()[2 * i + 1];
            assertEquals(a ^ b, d.labels()[i]);
        }
    }

    @Test
    void eachCallIsAFreshCopy() {
        Xor.dataset().inputs()[0] = 5;
        assertEquals(0f, Xor.dataset().inputs()[0]);
    }
}
