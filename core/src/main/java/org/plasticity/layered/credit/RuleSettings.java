package org.plasticity.layered.credit;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.plasticity.ConfigException;

/**
 * The values of every registered rule's settings, by key (see {@link RuleSetting}); a key not set holds its default.
 * Immutable. Each rule reads its own keys into its own parameter record, so adding a rule or a setting touches no
 * other rule.
 */
public final class RuleSettings {
    private static final RuleSettings DEFAULTS = new RuleSettings(new TreeMap<>());
    private final TreeMap<String, Object> values;

    private RuleSettings(TreeMap<String, Object> values) {
        this.values = values;
    }

    /** @return every setting at its default. */
    public static RuleSettings defaults() {
        return DEFAULTS;
    }

    /**
     * @return these settings with {@code key} set to {@code value} (a number or a boolean, as the setting declares)
     * @throws ConfigException naming the key when no registered rule declares it or the value has the wrong type
     */
    public RuleSettings with(String key, Object value) {
        RuleSetting s = CreditRules.setting(key);
        TreeMap<String, Object> v = new TreeMap<>(values);
        Object checked = s.checked(value);
        if (checked.equals(s.defaultValue())) {
            v.remove(key); // a default and an unset key are the same settings
        } else {
            v.put(key, checked);
        }
        return new RuleSettings(v);
    }

    /** @return the value of {@code key}, or its default. */
    public Object get(String key) {
        Object v = values.get(key);
        return v != null ? v : CreditRules.setting(key).defaultValue();
    }

    /** @return the number setting {@code key}. */
    public double number(String key) {
        return (Double) get(key);
    }

    /** @return the flag setting {@code key}. */
    public boolean flag(String key) {
        return (Boolean) get(key);
    }

    /** @return the settings that differ from their defaults, by key. */
    public Map<String, Object> changed() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleSettings s && s.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
