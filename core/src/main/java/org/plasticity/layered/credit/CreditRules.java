package org.plasticity.layered.credit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.plasticity.ConfigException;
import org.plasticity.layered.network.FeedForwardNet;
import org.plasticity.layered.network.Init;
import org.plasticity.layered.network.Loss;

/**
 * The registry of credit-assignment rules: the built-in list below, then the rules {@link RuleProvider}s on the class
 * path add. Everything that names a rule reads it from here: the command line's names, help and completion, the
 * recipes, the sweep and config keys of rule settings, and the contract tests. Adding a rule is one class with a
 * {@code TYPE} plus one line in {@link #BUILT_IN} (docs/extending.md).
 */
public final class CreditRules {
    /** The built-in rules, in the order reports list them. */
    private static final List<RuleType> BUILT_IN = List.of(
            Backprop.TYPE,
            FeedbackAlignment.TYPE,
            DirectFeedbackAlignment.TYPE,
            UniformSignSymmetry.TYPE,
            BatchwiseRandomSignSymmetry.TYPE,
            FixedRandomSignSymmetry.TYPE,
            NodePerturbation.TYPE,
            Burstprop.TYPE,
            SegregatedDendrites.TYPE,
            EquilibriumPropagation.TYPE);

    private static final List<RuleType> ALL;
    private static final Map<String, RuleType> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, RuleSetting> SETTINGS = new LinkedHashMap<>();

    static {
        List<RuleType> all = new ArrayList<>(BUILT_IN);
        for (RuleProvider p : ServiceLoader.load(RuleProvider.class, CreditRules.class.getClassLoader())) {
            all.add(p.type());
        }
        ALL = List.copyOf(all);
        for (RuleType t : ALL) {
            register(t.id(), t);
            t.aliases().forEach(a -> register(a, t));
            for (RuleSetting s : t.settings()) {
                RuleSetting before = SETTINGS.putIfAbsent(s.key(), s);
                if (before != null && !before.defaultValue().equals(s.defaultValue())) {
                    throw new IllegalStateException("rules disagree on the default of setting " + s.key());
                }
            }
        }
    }

    private CreditRules() {}

    private static void register(String name, RuleType t) {
        if (BY_NAME.putIfAbsent(name, t) != null) {
            throw new IllegalStateException("two credit rules are named '" + name + "'");
        }
    }

    /** @return every rule, built-in ones first. */
    public static List<RuleType> all() {
        return ALL;
    }

    /** @return the built-in rules (what {@code compare} runs by default). */
    public static List<RuleType> builtIn() {
        return BUILT_IN;
    }

    /** @return every rule's short name, in registry order. */
    public static List<String> ids() {
        return ALL.stream().map(RuleType::id).toList();
    }

    /** @return every rule setting, each key once, in registry order. */
    public static List<RuleSetting> settings() {
        return List.copyOf(SETTINGS.values());
    }

    /** @throws ConfigException naming the key when no rule declares it */
    public static RuleSetting setting(String key) {
        RuleSetting s = SETTINGS.get(key);
        if (s == null) {
            throw new ConfigException(key, "no credit rule has this setting (settings: "
                    + String.join(", ", SETTINGS.keySet()) + ")");
        }
        return s;
    }

    /** @return the rule named {@code name} (a short name or a long alias), or an error listing them. */
    public static RuleType type(String name) {
        RuleType t = BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
        if (t == null) {
            throw new IllegalArgumentException("unknown rule '" + name + "', expected one of "
                    + String.join(", ", ids()));
        }
        return t;
    }

    /** @return the short name for {@code name} (a short name or a long alias), or an error listing them. */
    public static String canonical(String name) {
        return type(name).id();
    }

    /**
     * @param capacity the largest batch the rule will see
     * @param init the forward weights' scheme (feedback alignment draws B with it)
     * @param rng the stream the rule's own random connections are drawn from
     */
    public static CreditRule create(String name, FeedForwardNet net, int capacity, Loss loss, Init init,
                                    RuleSettings settings, SplittableRandom rng) {
        return type(name).factory().create(new RuleType.Context(net, capacity, loss, init, rng), settings);
    }
}
