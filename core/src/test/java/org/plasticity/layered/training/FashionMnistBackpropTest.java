package org.plasticity.layered.training;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.data.IdxFormat;

/**
 * The accuracy floor: backprop on the full Fashion-MNIST with one hidden layer of 500 units reaches at least
 * 87 % test accuracy with its default recipe (5 epochs; about 15 s). Needs Debian's dataset-fashion-mnist, which
 * ./setup installs; skipped without it, unless PLASTICITY_REQUIRE_DATA is set (CI sets it, so there it fails).
 */
@Tag("slow") // outside the fast tier (mvn -Pfast): five epochs on Fashion-MNIST (about 20 s)
class FashionMnistBackpropTest {
    static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void backpropReachesEightySevenPercent() {
        boolean present = Files.isDirectory(DIR);
        assertTrue(present || System.getenv("PLASTICITY_REQUIRE_DATA") == null, "Fashion-MNIST missing in " + DIR);
        assumeTrue(present, "Fashion-MNIST not installed");
        Dataset train = IdxFormat.readDirectory(DIR, true, "fashion-mnist/train");
        Dataset test = IdxFormat.readDirectory(DIR, false, "fashion-mnist/test");
        TrainResult r = new Trainer(Recipes.images("bp", 1, 500), TrainingListener.NONE).train("bp", train, test);
        // seed 1 gives 87.63 % (87.42-88.03 % for seeds 1-3 before the sigmoid went through Tanh)
        assertTrue(r.last().testAccuracy() >= 0.87, "test accuracy " + r.last().testAccuracy());
        assertTrue(r.last().trainAccuracy() > r.last().testAccuracy(), "train above test");
    }
}
