package org.plasticity.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.plasticity.recurrent.config.FlrConfig;

/**
 * Writes an {@code flr} config with every key {@link ConfigReader} reads, spelled as it reads them, so that
 * {@code ConfigReader.parse(ConfigWriter.write(c))} equals {@code c}. Result files embed the same tree.
 */
public final class ConfigWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ConfigWriter() {}

    /** @return the config as JSON text (which is YAML too), every key written. */
    public static String write(FlrConfig c) {
        try {
            return JSON.writeValueAsString(tree(c));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the config as a tree, keys in the order of the config records. */
    public static ObjectNode tree(FlrConfig c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("seed", c.seed());
        ObjectNode n = o.putObject("network");
        n.put("n", c.network().n());
        n.put("memories", c.network().memories());
        n.put("beta", c.network().beta());
        n.put("sigma", c.network().sigma());
        n.put("dt", c.network().dt());
        n.put("random_part", c.network().randomPart());
        n.put("activation", spell(c.network().activation()));
        n.put("tau", c.network().tau());
        ObjectNode s = o.putObject("simulation");
        s.put("burn_in", c.simulation().burnIn());
        s.put("duration", c.simulation().duration());
        s.put("trials", c.simulation().trials());
        s.put("sample_every", c.simulation().sampleEvery());
        s.put("precision", spell(c.simulation().precision()));
        ObjectNode t = o.putObject("task");
        t.put("type", c.task().type());
        t.put("gamma", c.task().gamma());
        t.put("count", c.task().count());
        t.put("alignment", spell(c.task().alignment()));
        t.put("sequence_length", c.task().sequenceLength());
        o.put("rule", c.rule());
        ObjectNode sp = o.putObject("speed");
        sp.put("method", spell(c.speed().method()));
        sp.put("perturbation", c.speed().perturbation());
        sp.put("epsilon", c.speed().epsilon());
        sp.put("window", c.speed().window());
        sp.put("learners", c.speed().learners());
        ObjectNode l = o.putObject("learning");
        l.put("epsilon", c.learning().epsilon());
        l.put("threshold", c.learning().threshold());
        l.put("max_time", c.learning().maxTime());
        l.put("window_steps", c.learning().windowSteps());
        l.put("trials", c.learning().trials());
        l.put("enabled", c.learning().enabled());
        return o;
    }

    /** An enum value in the kebab case the reader accepts, e.g. {@code quasi-static}. */
    private static String spell(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
