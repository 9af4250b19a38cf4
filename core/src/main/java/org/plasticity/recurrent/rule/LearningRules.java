package org.plasticity.recurrent.rule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.plasticity.ConfigException;

/**
 * The registry of learning rules by config name: adding a rule is a {@link LearningRule} class plus one line here.
 * The config validation, the contract tests and the docs' list read the names from here.
 */
public final class LearningRules {
    private static final Map<String, Supplier<LearningRule>> RULES = new LinkedHashMap<>();

    static {
        add(HebbianRule::new);
        add(TargetErrorRule::new);
        add(RandomFeedbackRule::new);
        add(ContrastiveHebbianRule::new);
        add(NodePerturbationRule::new);
    }

    private LearningRules() {}

    private static void add(Supplier<LearningRule> rule) {
        RULES.put(rule.get().name(), rule);
    }

    /**
     * @return a new instance of the rule called {@code name}
     * @throws ConfigException naming {@code rule} when there is none
     */
    public static LearningRule byName(String name) {
        Supplier<LearningRule> s = name == null ? null : RULES.get(name);
        if (s == null) {
            throw new ConfigException("rule", "must be one of " + List.copyOf(RULES.keySet()) + ", got "
                    + ConfigException.shown(name, 60));
        }
        return s.get();
    }

    /** @return the known rule names, in registration order. */
    public static Set<String> names() {
        return RULES.keySet();
    }
}
