package org.plasticity.recurrent.rule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The registry of learning rules by config name: adding a rule is one line here. */
public final class LearningRules {
    private static final Map<String, Supplier<LearningRule>> RULES = new LinkedHashMap<>();

    static {
        RULES.put("hebbian", HebbianRule::new);
        RULES.put("target-error", TargetErrorRule::new);
    }

    private LearningRules() {}

    /** @return the rule called {@code name}. */
    public static LearningRule byName(String name) {
        Supplier<LearningRule> s = RULES.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown rule '" + name + "'; known: " + RULES.keySet());
        }
        return s.get();
    }

    /** @return the known rule names, in registration order. */
    public static Set<String> names() {
        return RULES.keySet();
    }
}
