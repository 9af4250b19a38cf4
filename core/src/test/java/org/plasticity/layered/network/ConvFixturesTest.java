package org.plasticity.layered.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.plasticity.layered.credit.Backprop;
import org.plasticity.layered.credit.FeedbackAlignment;

/**
 * Convolutional networks against PyTorch ({@code tools/fixtures/conv_fixtures.py}, torch's Conv2d, pooling and
 * autograd, with custom autograd functions for feedback alignment): the same weights and inputs give the same
 * pre-activations, outputs, loss, backprop gradients and feedback-alignment directions, to float rounding.
 */
class ConvFixturesTest {
    static Stream<JsonNode> cases() throws IOException {
        try (InputStream in = ConvFixturesTest.class.getResourceAsStream("/layered/conv-fixtures.json")) {
            List<JsonNode> list = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(list::add);
            return list.stream();
        }
    }

    private static float[] floats(JsonNode n) {
        float[] f = new float[n.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) n.get(i).asDouble();
        }
        return f;
    }

    private static float[][] arrays(JsonNode n) {
        float[][] a = new float[n.size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = n.get(i).isNull() ? null : floats(n.get(i));
        }
        return a;
    }

    /** Largest difference relative to the largest magnitude of the expected values. */
    private static void close(float[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        double scale = 1e-6;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        assertTrue(worst <= tol * scale, what + ": off by " + worst + " at scale " + scale);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(JsonNode c) {
        JsonNode in = c.get("input");
        Shape shape = new Shape(in.get(0).asInt(), in.get(1).asInt(), in.get(2).asInt());
        int classes = c.get("classes").asInt();
        int batch = c.get("batch").asInt();
        Loss loss = Loss.parse(c.get("loss").asText());
        List<Layer> layers = Architecture.parse(c.get("arch").asText()).layers(shape, classes,
                Activation.parse(c.get("hidden_activation").asText()),
                Activation.parse(c.get("output_activation").asText()));
        FeedForwardNet net = FeedForwardNet.of(shape, layers, arrays(c.get("weights")), arrays(c.get("biases")));
        float[] x = floats(c.get("x"));
        float[] y = floats(c.get("y"));
        JsonNode e = c.get("expected");
        String name = c.get("name").asText();

        Activity act = net.newActivity(batch);
        net.forward(x, 0, batch, act);
        for (int l = 1; l <= net.layers(); l++) {
            float[] a = java.util.Arrays.copyOf(act.a[l], batch * net.size(l));
            close(floats(e.get("pre").get(l - 1)), a, 1e-5, name + " a_" + l);
        }
        int top = net.layers();
        close(floats(e.get("out")), java.util.Arrays.copyOf(act.e[top], batch * classes), 1e-5, name + " output");
        assertEquals(e.get("loss").asDouble(), loss.mean(act.e[top], y, batch, classes),
                1e-5 * Math.abs(e.get("loss").asDouble()), name + " loss");

        Gradients g = new Gradients(net);
        new Backprop(net.sizes(), batch, loss).assign(net, act, y, g, null);
        for (int l = 0; l < top; l++) {
            close(floats(e.get("grad_w").get(l)), g.weights[l], 1e-4, name + " gradient of W_" + (l + 1));
            close(floats(e.get("grad_b").get(l)), g.biases[l], 1e-4, name + " gradient of c_" + (l + 1));
        }

        FeedbackAlignment fa = new FeedbackAlignment(net, batch, loss, Init.XAVIER_NORMAL, new SplittableRandom(1));
        float[][] feedback = arrays(c.get("feedback"));
        for (int l = 2; l <= top; l++) {
            System.arraycopy(feedback[l - 1], 0, fa.feedback(l), 0, feedback[l - 1].length);
        }
        fa.assign(net, act, y, g, null);
        for (int l = 0; l < top; l++) {
            close(floats(e.get("fa_grad_w").get(l)), g.weights[l], 1e-4, name + " FA direction of W_" + (l + 1));
            close(floats(e.get("fa_grad_b").get(l)), g.biases[l], 1e-4, name + " FA direction of c_" + (l + 1));
        }
    }
}
