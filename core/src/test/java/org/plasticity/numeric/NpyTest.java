package org.plasticity.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.DataException;

/** Reads arrays numpy wrote (tools/fixtures/npy_fixtures.py) in every layout the reader claims. */
class NpyTest {
    private static final Path DIR = Path.of("src/test/resources/fixtures/npy");

    private static double[] expected() {
        double[] a = new double[24];
        for (int i = 0; i < 24; i++) {
            a[i] = i * 0.5 - 3;
        }
        return a;
    }

    @Test
    void readsFloatsInEveryOrderAndWidth() {
        for (String f : new String[] {"c_f8.npy", "f_f4.npy", "be_f8.npy", "f2.npy", "v2.npy"}) {
            Npy.Array a = Npy.read(DIR.resolve(f));
            assertArrayEquals(new int[] {2, 3, 4}, a.shape(), f);
            assertArrayEquals(expected(), a.values(), 0, f);
        }
        assertEquals("<f4", Npy.read(DIR.resolve("f_f4.npy")).dtype());
    }

    @Test
    void readsIntegersAndSpecialValues() {
        double[] u1 = Npy.read(DIR.resolve("u1.npy")).values();
        assertEquals(23, u1[23]);
        double[] i8 = Npy.read(DIR.resolve("i8.npy")).values();
        assertEquals(-5, i8[0]);
        assertEquals(18, i8[23]);
        double[] u8 = Npy.read(DIR.resolve("u8.npy")).values();
        assertEquals(18446744073709551615.0, u8[0]);
        double[] n = Npy.read(DIR.resolve("nan.npy")).values();
        assertTrue(Double.isNaN(n[1]));
        assertEquals(Double.POSITIVE_INFINITY, n[2]);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(n[3]));
    }

    @Test
    void writesWhatItReadsBackAndNumpysByteLayout() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, new int[] {2, 3, 4}, expected());
        byte[] ours = out.toByteArray();
        assertArrayEquals(Files.readAllBytes(DIR.resolve("c_f8.npy")), ours, "byte-identical to numpy's np.save");
        float[] f = {1.5f, -2f, Float.NaN};
        ByteArrayOutputStream fout = new ByteArrayOutputStream();
        Npy.write(fout, new int[] {3}, f);
        Npy.Array back = Npy.read(new ByteArrayInputStream(fout.toByteArray()), "mem");
        assertEquals("<f4", back.dtype());
        assertArrayEquals(new int[] {3}, back.shape());
        assertEquals(1.5, back.values()[0]);
        assertTrue(Double.isNaN(back.values()[2]));
    }

    @Test
    void halfPrecisionEdgeCases() {
        assertEquals(65504.0, Npy.half((short) 0x7bff));
        assertEquals(Math.scalb(1.0, -24), Npy.half((short) 0x0001));
        assertEquals(Double.NEGATIVE_INFINITY, Npy.half((short) 0xfc00));
    }

    @Test
    void badFilesAreOneLineErrorsNamingTheFile(@TempDir Path tmp) throws IOException {
        byte[] good = Files.readAllBytes(DIR.resolve("c_f8.npy"));
        Path truncated = tmp.resolve("cut.npy");
        Files.write(truncated, Arrays.copyOf(good, good.length - 9));
        DataException e = assertThrows(DataException.class, () -> Npy.read(truncated));
        assertTrue(e.getMessage().startsWith(truncated + ": truncated"), e.getMessage());
        Path text = tmp.resolve("text.npy");
        Files.writeString(text, "neuron,stimulus\n1,2\n");
        assertTrue(assertThrows(DataException.class, () -> Npy.read(text)).getMessage().contains("not an NPY"));
        assertTrue(assertThrows(DataException.class, () -> Npy.read(tmp.resolve("none.npy"))).getMessage()
                .endsWith("no such file"));
        byte[] structured = new String(good, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("'<f8'", "'|O8'").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path obj = tmp.resolve("obj.npy");
        Files.write(obj, structured);
        assertTrue(assertThrows(DataException.class, () -> Npy.read(obj)).getMessage().contains("not numeric"));
    }
}
