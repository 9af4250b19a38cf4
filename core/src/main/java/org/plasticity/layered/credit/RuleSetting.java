package org.plasticity.layered.credit;

import org.plasticity.ConfigException;

/**
 * One named setting of a credit rule. The key has one spelling everywhere: {@code np_sigma} in config files and
 * sweeps, {@code --np-sigma} on the command line. A flag (a boolean setting) is also {@code --no-<name>} on the
 * command line. Two rules may declare the same key (burstprop and segregated dendrites share {@code feedback_std});
 * they then read one value.
 *
 * @param key snake-case name, as in config files and sweep specs
 * @param defaultValue a {@link Double} for a number, a {@link Boolean} for a flag
 * @param label the value's placeholder in the command-line help (unused for flags)
 * @param help one line for the command-line help, ending with the default
 * @param reportKey the name under {@code rule_params} in {@code summary.json} (kept from before the registry)
 */
public record RuleSetting(String key, Object defaultValue, String label, String help, String reportKey) {

    public RuleSetting {
        if (!(defaultValue instanceof Double) && !(defaultValue instanceof Boolean)) {
            throw new IllegalArgumentException(key + ": a setting is a number or a flag, got " + defaultValue);
        }
        if (!key.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a setting key is lower snake case, got '" + key + "'");
        }
    }

    /** @return a number setting, reported under its own key. */
    public static RuleSetting number(String key, double defaultValue, String label, String help) {
        return new RuleSetting(key, defaultValue, label, help, key);
    }

    /** @return a flag setting, reported under its own key. */
    public static RuleSetting flag(String key, boolean defaultValue, String help) {
        return new RuleSetting(key, defaultValue, "", help, key);
    }

    /** @return this setting reported in {@code summary.json} under {@code name}. */
    public RuleSetting reportedAs(String name) {
        return new RuleSetting(key, defaultValue, label, help, name);
    }

    /** @return whether this is a flag (true or false) rather than a number. */
    public boolean isFlag() {
        return defaultValue instanceof Boolean;
    }

    /** @return the command-line option, {@code --np-sigma} for {@code np_sigma}. */
    public String option() {
        return "--" + key.replace('_', '-');
    }

    /**
     * @return {@code value} as this setting's type
     * @throws ConfigException naming the key when the value is of the wrong type or not finite
     */
    Object checked(Object value) {
        if (isFlag()) {
            if (!(value instanceof Boolean)) {
                throw new ConfigException(key, "must be true or false, got " + value);
            }
            return value;
        }
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new ConfigException(key, "must be a finite number, got " + value);
        }
        return n.doubleValue();
    }
}
