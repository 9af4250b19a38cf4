package org.plasticity.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --arch} mistakes: one line naming the option and what is wrong, exit 2, nothing written. */
class ArchCliTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lenet|--hidden|100|give either --arch or --hidden, not both",
        "lenet|--layers|784,100,10|give either --arch or --layers, not both",
        "conv2k1|--epochs|1|inputs of 2 values are not a square image",
        "conv6k5,pool2|--epochs|1|unknown layer 'pool2'",
        "fc10,conv6k5|--epochs|1|'conv6k5' cannot follow a dense layer"})
    void mistakesAreOneLine(String arch, String option, String value, String message) {
        Path out = tmp.resolve("run");
        CliTest.Run r = CliTest.run("train", "--rule", "bp", "--data", "xor", "--arch", arch, option, value,
                "--out", out.toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(message) && r.err().contains("arch"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}
