package org.plasticity.neural.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.ConfigException;
import org.plasticity.DataException;
import org.plasticity.neural.data.Features;
import org.plasticity.neural.data.StimulusImage;

/** The --model registry: each spelling opens its model; anything else is one line naming --model. */
class FeatureModelsTest {
    @TempDir
    Path tmp;

    @Test
    void opensEachKind() throws IOException {
        FeatureModel p = FeatureModels.open("pixels", 1);
        assertInstanceOf(PixelModel.class, p);
        assertEquals(List.of("pixels"), p.layers());
        List<StimulusImage> ims = NetworkModelTest.images(3, 56, 2);
        Features f = p.activations("pixels", ims);
        assertEquals(784, f.units());
        assertArrayEquals(ImageInput.grey(ims.get(2), 28), java.util.Arrays.copyOfRange(f.values(), 2 * 784, 3 * 784));

        RandomModel r = assertInstanceOf(RandomModel.class, FeatureModels.open("random", 7));
        assertEquals(7, r.seed());
        assertArrayEquals(new int[] {784, 500, 10}, r.network().sizes());
        assertArrayEquals(new int[] {784, 64, 32, 10},
                ((RandomModel) FeatureModels.open("random:64,32", 7)).network().sizes());

        Path ckpt = NetworkModelTest.checkpoint(tmp, 784, 12);
        FeatureModel n = FeatureModels.open(ckpt.toString(), 1);
        assertInstanceOf(NetworkModel.class, n);
        assertEquals(List.of("hidden1", "output"), n.layers());
    }

    @Test
    void refusesWhatItCannotOpen() throws IOException {
        for (String spec : List.of("pixel", "", "random:", "random:0", "random:a,3", tmp.resolve("none.ckpt").toString(),
                tmp.toString())) {
            ConfigException e = assertThrows(ConfigException.class, () -> FeatureModels.open(spec, 1), spec);
            assertEquals("--model", e.key());
        }
        Path junk = Files.writeString(tmp.resolve("junk.ckpt"), "not a zip");
        DataException e = assertThrows(DataException.class, () -> FeatureModels.open(junk.toString(), 1));
        assertTrue(e.getMessage().startsWith(junk + ": "), e.getMessage());
    }
}
