package org.plasticity.neural.method;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.plasticity.numeric.Npy;

/** The NPY fixtures of tools/fixtures/predictivity_fixtures.py, and the shared data folder. */
final class Fixtures {
    static final Path DIR = Path.of("src/test/resources/fixtures/predictivity");
    /** ../shared/data relative to the project root, seen from the core module. */
    static final Path SHARED_DATA = Path.of("..", "..", "shared", "data");
    static final Path V4_RAW = SHARED_DATA.resolve("v4-cowley2023").resolve("responses_raw_210325.npy");

    private Fixtures() {}

    static Npy.Array read(String name) {
        return Npy.read(DIR.resolve(name + ".npy"));
    }

    static double[] values(String name) {
        return read(name).values();
    }

    /** @return whether the V4 session is present; fails instead when PLASTICITY_REQUIRE_RECORDINGS=1 and it is absent. */
    static boolean v4Present() {
        boolean present = Files.isRegularFile(V4_RAW);
        if (!present && "1".equals(System.getenv("PLASTICITY_REQUIRE_RECORDINGS"))) {
            throw new AssertionError("PLASTICITY_REQUIRE_RECORDINGS=1 but " + V4_RAW.toAbsolutePath() + " is missing");
        }
        return present;
    }

    /** @return {@code rows x cols} standard normal values. */
    static double[] gaussian(SplittableRandom rng, int rows, int cols) {
        double[] a = new double[rows * cols];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextGaussian();
        }
        return a;
    }

    /** @return {@code max |a_i - b_i|}. */
    static double maxAbsDiff(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths " + a.length + " and " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /** @return {@code max |a_i|}. */
    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
