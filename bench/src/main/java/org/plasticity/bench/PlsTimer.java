package org.plasticity.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.plasticity.neural.method.Pls;
import org.plasticity.numeric.Blas;
import org.plasticity.numeric.Npy;

/**
 * Wall time of one PLS2 fit and prediction ({@link Pls}, {@code org.plasticity.neural.method}), the Java side of
 * bench/predictivity.sh (peer: bench/peer/pls_sklearn.py, scikit-learn's {@code PLSRegression} on the same files).
 * Prints one JSON object to stdout and writes its predictions to {@code pred_java.npy} in the data folder, so that
 * the report can compare them with scikit-learn's.
 *
 * <p>The data folder holds {@code x_train.npy} ({@code n x p}), {@code y_train.npy} ({@code n x q}) and {@code
 * x_test.npy}, float64, written by {@code pls_sklearn.py data}. One timed operation is exactly what a cross-validation
 * split does: {@code new Pls(k).fit(x, y, n, p, q).predict(xTest, m)}; reading the files is not timed. The first
 * {@code --warmup} operations let the JIT compile the kernels; the result is the median of {@code --repeats} more.
 * Every kernel is single-threaded (the JVM's compiler and collector threads aside).
 *
 * <pre>
 *   java --add-modules=jdk.incubator.vector -Xmx3g -cp bench/target/benchmarks.jar org.plasticity.bench.PlsTimer \
 *       --data DIR [--components 25] [--warmup 2] [--repeats 5]
 * </pre>
 * A bad option prints one line naming it and exits with status 2.
 */
public final class PlsTimer {
    private PlsTimer() {}

    public static void main(String[] args) throws IOException {
        Path data = null;
        int components = Pls.DEFAULT_COMPONENTS;
        int warmup = 2;
        int repeats = 5;
        try {
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + ": needs a value");
                }
                switch (args[i]) {
                    case "--data" -> data = Path.of(args[i + 1]);
                    case "--components" -> components = Integer.parseInt(args[i + 1]);
                    case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                    case "--repeats" -> repeats = Integer.parseInt(args[i + 1]);
                    default -> throw new IllegalArgumentException(args[i] + ": unknown option");
                }
            }
            if (data == null || components < 1 || warmup < 0 || repeats < 1) {
                throw new IllegalArgumentException("--data is needed; --components, --repeats >= 1, --warmup >= 0");
            }
        } catch (IllegalArgumentException e) { // NumberFormatException among them
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Npy.Array x = Npy.read(data.resolve("x_train.npy"));
        Npy.Array y = Npy.read(data.resolve("y_train.npy"));
        Npy.Array xt = Npy.read(data.resolve("x_test.npy"));
        int n = x.shape()[0];
        int p = x.shape()[1];
        int q = y.shape()[1];
        int m = xt.shape()[0];
        Pls pls = new Pls(components);
        double[] pred = null;
        for (int w = 0; w < warmup; w++) {
            pred = pls.fit(x.values(), y.values(), n, p, q).predict(xt.values(), m);
        }
        double[] seconds = new double[repeats];
        int fitted = 0;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            Pls.Model model = pls.fit(x.values(), y.values(), n, p, q);
            pred = model.predict(xt.values(), m);
            seconds[r] = (System.nanoTime() - t0) / 1e9;
            fitted = model.components();
        }
        Npy.write(data.resolve("pred_java.npy"), new int[] {m, q}, pred);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("side", "java");
        out.put("n_train", n);
        out.put("n_test", m);
        out.put("p", p);
        out.put("q", q);
        out.put("components", components);
        out.put("components_fitted", fitted);
        out.put("seconds", TimerOutput.median(seconds));
        out.put("run_seconds", seconds);
        out.put("warmup", warmup);
        out.put("blas_backend", Blas.backend());
        out.put("jdk", System.getProperty("java.runtime.version"));
        out.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1e6);
        System.out.println(TimerOutput.json(out));
    }
}
