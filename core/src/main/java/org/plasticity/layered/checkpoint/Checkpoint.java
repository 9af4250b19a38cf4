package org.plasticity.layered.checkpoint;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.plasticity.DataException;
import org.plasticity.Version;
import org.plasticity.layered.credit.CreditRules;
import org.plasticity.layered.credit.RuleSetting;
import org.plasticity.layered.network.Activation;
import org.plasticity.layered.network.Dense;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.InputTransform;
import org.plasticity.layered.network.Layer;
import org.plasticity.layered.network.Shape;
import org.plasticity.layered.training.EpochRecord;
import org.plasticity.layered.training.TrainConfig;
import org.plasticity.layered.training.TrainedNetwork;
import org.plasticity.numeric.Npy;

/**
 * A trained layered network saved with what produced it: a zip archive that is also a valid numpy {@code .npz}
 * ({@code numpy.load} opens it) holding {@code W1.npy, b1.npy, ..., WL.npy, bL.npy} (little-endian float32; W_l is
 * {@code n_l x n_{l-1}}, b_l has {@code n_l} entries) and {@code meta.json} (format name and version, toolkit
 * version, rule, data set, seed, layer sizes, activations, the input transform, the training config in its config-key
 * spelling, final accuracies). A network that is not fully connected (convolutions, pooling) is written as format
 * version 2: meta.json adds the layer list {@code arch}, every weight layer's nonlinearity spelled out, and the
 * {@code input} shape [C, H, W]; a convolution's W_l is {@code out x in x k x k} (PyTorch's layout) and its b_l has
 * one entry per output channel. The format is documented in {@code docs/checkpoints.md}.
 *
 * <p>Writing is atomic (a temporary file next to the target, renamed into place) and deterministic: the same network
 * and metadata give the same bytes. Reading validates everything and reports any problem as a one-line
 * {@link DataException} naming the file. Immutable; {@link #network()} hands out copies.
 */
public final class Checkpoint {
    /** The {@code format} every checkpoint's meta.json names. */
    public static final String FORMAT = "plasticity-checkpoint";
    /**
     * The newest {@code format_version} this build writes and reads: 2, written for networks that are not fully
     * connected (meta.json gains {@code arch} and {@code input}, weight arrays their natural shapes, which a version-1
     * reader would misread); fully connected networks are still written as version 1, byte for byte as before.
     */
    public static final int FORMAT_VERSION = 2;
    /** The version of fully connected checkpoints: layer widths only, every W_l a matrix. */
    static final int DENSE_VERSION = 1;
    static final String META = "meta.json";
    /** meta.json is a few kilobytes; anything far larger is not one. */
    private static final long MAX_META = 1 << 20;
    /** Zip entries carry a modification time; a fixed one keeps the file's bytes a function of its content. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final FeedForwardNet network;
    /** What meta.json's hidden_activation says (for a layer list, the config's, which its tokens spell out). */
    private final Activation hidden;
    private final InputTransform input;
    private final String rule;
    private final String data;
    private final long seed;
    private final String version;
    private final Map<String, Object> config;
    private final double trainAccuracy;
    private final double testAccuracy;

    private Checkpoint(FeedForwardNet network, Activation hidden, InputTransform input, String rule, String data,
                       long seed, String version, Map<String, Object> config, double trainAccuracy,
                       double testAccuracy) {
        this.network = network;
        this.hidden = hidden;
        this.input = input;
        this.rule = rule;
        this.data = data;
        this.seed = seed;
        this.version = version;
        this.config = config;
        this.trainAccuracy = trainAccuracy;
        this.testAccuracy = testAccuracy;
    }

    /**
     * @param trained a finished run (the network is copied)
     * @param dataName the data set's registry name, e.g. {@code fashion-mnist}
     * @return the checkpoint of {@code trained}, stamped with this build's version
     * @throws IllegalArgumentException when the network is not fully connected and does not end in the unpooled
     *     dense output layer every architecture ends in
     */
    public static Checkpoint of(TrainedNetwork trained, String dataName) {
        TrainConfig c = trained.result().config();
        EpochRecord last = trained.result().last();
        FeedForwardNet net = trained.network().copy();
        if (!net.fullyConnected()) {
            LayerList.spec(net); // refuse now a network the file could not describe
        }
        Activation hidden = net.fullyConnected() ? net.activation(1) : c.hiddenActivation();
        return new Checkpoint(net, hidden, trained.input(), trained.result().rule(), dataName, c.seed(),
                Version.get(), configKeys(c, trained.result().rule(), dataName), last.trainAccuracy(),
                last.testAccuracy());
    }

    /**
     * @return the config in its config-key spelling, the keys and order of a train config file (as the sweep module's
     *     {@code TrainFields.write} gives them), so that the map written as YAML or JSON is a {@code --config} that
     *     reproduces the run
     */
    static Map<String, Object> configKeys(TrainConfig c, String rule, String dataName) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("rule", rule);
        o.put("data", dataName);
        o.put("seed", c.seed());
        o.put("hidden", Arrays.stream(c.hidden()).mapToObj(h -> (Object) (long) h).toList());
        if (!c.arch().isEmpty()) { // as a train config file writes it: only when set
            o.put("arch", c.arch());
        }
        o.put("epochs", (long) c.epochs());
        o.put("batch", (long) c.batchSize());
        o.put("lr", c.lr());
        o.put("output_lr", c.outputLr());
        o.put("momentum", c.momentum());
        o.put("weight_decay", c.weightDecay());
        o.put("train_limit", (long) c.trainLimit());
        o.put("test_limit", (long) c.testLimit());
        o.put("activation", c.hiddenActivation().id());
        o.put("output_activation", c.outputActivation().id());
        o.put("loss", c.loss().id());
        o.put("init", c.init().id());
        o.put("init_gain", c.initGain());
        o.put("standardize", c.standardize());
        o.put("probe", (long) c.probe());
        for (RuleSetting s : CreditRules.settings()) {
            o.put(s.key(), c.settings().get(s.key()));
        }
        return Collections.unmodifiableMap(o);
    }

    /** @return a copy of the saved network. */
    public FeedForwardNet network() {
        return network.copy();
    }

    /** @return the layer widths n_0 (inputs) .. n_L (outputs). */
    public int[] sizes() {
        return network.sizes();
    }

    /** @return how raw inputs are transformed before the first layer, as in training. */
    public InputTransform input() {
        return input;
    }

    /** @return the credit rule's id, e.g. {@code fa}. */
    public String rule() {
        return rule;
    }

    /** @return the name of the data set the network was trained on. */
    public String data() {
        return data;
    }

    /** @return the run's seed. */
    public long seed() {
        return seed;
    }

    /** @return the toolkit version that wrote the checkpoint. */
    public String version() {
        return version;
    }

    /**
     * @return the training config by config key ({@code lr}, {@code output_lr}, ...), unmodifiable; values are
     *     {@code String}, {@code Long}, {@code Double}, {@code Boolean} or a list of {@code Long}
     */
    public Map<String, Object> config() {
        return config;
    }

    /** @return the fraction correct on the training examples after the last epoch (NaN if not recorded). */
    public double trainAccuracy() {
        return trainAccuracy;
    }

    /** @return the fraction correct on the test examples after the last epoch (NaN if not recorded). */
    public double testAccuracy() {
        return testAccuracy;
    }

    /** @return meta.json's content. */
    Map<String, Object> meta() {
        boolean dense = network.fullyConnected();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("format_version", (long) (dense ? DENSE_VERSION : FORMAT_VERSION));
        m.put("version", version);
        m.put("rule", rule);
        m.put("data", data);
        m.put("seed", seed);
        m.put("sizes", Arrays.stream(network.sizes()).mapToObj(n -> (Object) (long) n).toList());
        if (!dense) {
            Shape in = network.input();
            m.put("arch", LayerList.spec(network));
            m.put("input", List.of((Object) (long) in.channels(), (long) in.height(), (long) in.width()));
        }
        m.put("hidden_activation", hidden.id());
        m.put("output_activation", network.activation(network.layers()).id());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", input.standardize() ? "standardize" : "none");
        if (input.standardize()) {
            t.put("mean", input.mean());
            t.put("std", input.std());
        }
        m.put("input_transform", t);
        m.put("config", config);
        m.put("final_train_accuracy", trainAccuracy);
        m.put("final_test_accuracy", testAccuracy);
        return m;
    }

    /**
     * Writes the checkpoint to {@code file}, replacing what is there, atomically: into a temporary file in the same
     * folder ({@code .<name>.<random>.tmp}), synced, then renamed into place; on failure the temporary file is
     * removed and {@code file} is untouched.
     *
     * @throws IOException when the folder does not exist or cannot be written
     */
    public void write(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path tmp = createTemp(target);
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE);
                 ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, 1 << 16))) {
                put(zip, META);
                zip.write(Json.write(meta()).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                for (int l = 1; l <= network.layers(); l++) {
                    put(zip, "W" + l + ".npy");
                    Npy.write(zip, LayerList.weightShape(network.layer(l)), network.weights[l - 1]);
                    zip.closeEntry();
                    put(zip, "b" + l + ".npy");
                    Npy.write(zip, LayerList.biasShape(network.layer(l)), network.biases[l - 1]);
                    zip.closeEntry();
                }
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path createTemp(Path target) throws IOException {
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(String.valueOf(dir), null, "no such folder");
        }
        while (true) {
            Path p = dir.resolve("." + target.getFileName() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(p); // the umask's permissions, as any other result file
            } catch (FileAlreadyExistsException e) {
                // taken: draw again
            }
        }
    }

    private static void put(ZipOutputStream zip, String name) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(e);
    }

    /**
     * Reads and validates a checkpoint.
     *
     * @throws DataException (one line naming {@code file}) when it is missing, not a zip, truncated or corrupt, lacks
     *     meta.json or a weight array, names another format or a newer format version, holds arrays whose shapes do
     *     not match its sizes (version 2: its arch and input), an arch that does not parse or fit, non-finite
     *     weights, or a meta.json field that is missing or malformed
     */
    public static Checkpoint read(Path file) {
        if (!Files.exists(file)) {
            throw new DataException(file, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new DataException(file, "is a folder, not a checkpoint file");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return read(zip, file);
        } catch (ZipException e) {
            throw new DataException(file, "not a checkpoint: not a zip archive, or a truncated or corrupt one ("
                    + e.getMessage() + ")", e);
        } catch (EOFException e) {
            throw new DataException(file, "truncated (an entry ends early)", e);
        } catch (IOException e) {
            throw new DataException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static Checkpoint read(ZipFile zip, Path file) throws IOException {
        ZipEntry metaEntry = zip.getEntry(META);
        if (metaEntry == null) {
            throw new DataException(file, "not a plasticity checkpoint: the archive has no " + META);
        }
        Meta m = new Meta(file, parseMeta(zip, metaEntry, file));
        String format = m.text("format");
        if (!format.equals(FORMAT)) {
            throw new DataException(file, "not a plasticity checkpoint: format '" + format + "', expected '" + FORMAT
                    + "'");
        }
        long formatVersion = m.integer("format_version");
        if (formatVersion > FORMAT_VERSION) {
            throw new DataException(file, "checkpoint format_version " + formatVersion + " is newer than this "
                    + "plasticity (" + Version.get() + ") reads (up to " + FORMAT_VERSION + "); update plasticity");
        }
        if (formatVersion < 1) {
            throw m.bad("format_version", "must be 1 or more, got " + formatVersion);
        }
        boolean dense = formatVersion == DENSE_VERSION;
        int[] sizes = m.sizes(dense);
        Activation hidden = m.activation("hidden_activation");
        Activation output = m.activation("output_activation");
        if (hidden == Activation.SOFTMAX) {
            throw m.bad("hidden_activation", "softmax is an output nonlinearity only");
        }
        InputTransform input = m.input();
        Shape inputShape = dense ? Shape.flat(sizes[0]) : m.inputShape(sizes[0]);
        List<Layer> layerList = dense ? denseLayers(sizes, hidden, output)
                : m.layers(inputShape, sizes, hidden, output);
        int layers = sizes.length - 1;
        checkEntries(zip, file, layers);
        String by = dense ? "sizes" : "arch and input";
        float[][] w = new float[layers][];
        float[][] b = new float[layers][];
        for (int l = 1; l <= layers; l++) {
            Layer layer = layerList.get(l - 1);
            w[l - 1] = array(zip, file, "W" + l + ".npy", LayerList.weightShape(layer), by);
            b[l - 1] = array(zip, file, "b" + l + ".npy", LayerList.biasShape(layer), by);
        }
        String rule = m.text("rule");
        long seed = m.integer("seed");
        Map<String, Object> config = m.config(rule, seed, sizes, hidden, output, dense ? null : inputShape,
                dense ? null : layerList);
        return new Checkpoint(FeedForwardNet.of(inputShape, layerList, w, b), hidden, input, rule, m.text("data"),
                seed, m.text("version"), config, m.accuracy("final_train_accuracy"),
                m.accuracy("final_test_accuracy"));
    }

    /** @return the all-to-all layers of widths {@code sizes}, as a version-1 checkpoint describes them. */
    private static List<Layer> denseLayers(int[] sizes, Activation hidden, Activation output) {
        List<Layer> list = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            list.add(new Layer(new Dense(sizes[l - 1], sizes[l]), l == sizes.length - 1 ? output : hidden, null));
        }
        return list;
    }

    private static Map<String, Object> parseMeta(ZipFile zip, ZipEntry e, Path file) throws IOException {
        if (e.getSize() > MAX_META) {
            throw new DataException(file, META + " of " + e.getSize() + " bytes is not plausible");
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(e)) {
            bytes = in.readNBytes((int) MAX_META + 1);
        }
        if (bytes.length > MAX_META) {
            throw new DataException(file, META + " is larger than " + MAX_META + " bytes, not plausible");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException x) {
            throw new DataException(file, META + " is not UTF-8 text");
        }
        Object v;
        try {
            v = Json.parse(text);
        } catch (Json.SyntaxException x) {
            throw new DataException(file, META + " is not valid JSON (" + x.getMessage() + ")");
        }
        if (!(v instanceof Map<?, ?>)) {
            throw new DataException(file, META + " must hold a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) v;
        return map;
    }

    /** Refuses missing arrays and entries that do not belong to a checkpoint of {@code layers} layers. */
    private static void checkEntries(ZipFile zip, Path file, int layers) {
        List<String> expected = new ArrayList<>(List.of(META));
        for (int l = 1; l <= layers; l++) {
            expected.add("W" + l + ".npy");
            expected.add("b" + l + ".npy");
        }
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            String name = all.nextElement().getName();
            if (!expected.contains(name)) {
                throw new DataException(file, "unexpected entry '" + name + "': a checkpoint of " + layers
                        + " layers holds " + META + ", W1.npy .. W" + layers + ".npy and b1.npy .. b" + layers
                        + ".npy");
            }
        }
        for (String name : expected) {
            if (zip.getEntry(name) == null) {
                throw new DataException(file, "no " + name + " (meta.json's sizes give " + layers + " layers)");
            }
        }
    }

    /**
     * @param by the meta.json fields the shape follows from, for the message
     * @return the float32 array {@code name}, checked for dtype, shape and finite values
     */
    private static float[] array(ZipFile zip, Path file, String name, int[] shape, String by) throws IOException {
        ZipEntry e = zip.getEntry(name);
        long elements = 1;
        for (int s : shape) {
            elements *= s;
        }
        // An NPY header is at most a few kilobytes; a larger entry is not the array meta.json describes.
        if (e.getSize() > 4 * elements + (1 << 16)) {
            throw new DataException(file, name + " holds " + e.getSize() + " bytes, too many for a float32 array of "
                    + "shape " + shapeText(shape));
        }
        Npy.Array a;
        try (InputStream in = zip.getInputStream(e)) {
            a = Npy.read(in, file + ": " + name);
        }
        if (!Arrays.equals(a.shape(), shape)) {
            throw new DataException(file, name + " has shape " + shapeText(a.shape()) + ", but meta.json's " + by
                    + " need " + shapeText(shape));
        }
        if (!a.dtype().endsWith("f4")) {
            throw new DataException(file, name + " has dtype " + a.dtype() + "; checkpoint arrays are float32 (<f4)");
        }
        double[] v = a.values();
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new DataException(file, name + " holds a non-finite value (" + v[i] + ") at flat index " + i);
            }
            out[i] = (float) v[i];
        }
        return out;
    }

    static String shapeText(int[] shape) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return b.append(shape.length == 1 ? ",)" : ")").toString();
    }
}
