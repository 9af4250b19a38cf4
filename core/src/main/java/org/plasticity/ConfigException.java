package org.plasticity;

/**
 * A user's configuration value is missing, unknown or out of range. The message is one line that names the key and
 * what is allowed; the CLI prints it as is, with no stack trace.
 */
public class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final String detail;

    public ConfigException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
        this.detail = message;
    }

    /** @return what is wrong with the key's value, without the key (so a caller can name the key its own way). */
    public String detail() {
        return detail;
    }

    /** @return the dotted config key at fault, e.g. {@code network.beta}. */
    public String key() {
        return key;
    }

    /**
     * @return {@code s}, cut to its first {@code max} characters and "..." when longer, so that a message never echoes
     *     a huge value whole
     */
    public static String shown(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "...";
    }

    /** Throws a {@code ConfigException} for {@code key} with {@code message} unless {@code ok}. */
    public static void require(boolean ok, String key, String message) {
        if (!ok) {
            throw new ConfigException(key, message);
        }
    }

    /** Throws unless {@code v} is a finite number above zero. */
    public static void positive(double v, String key) {
        require(v > 0 && Double.isFinite(v), key, "must be a finite number > 0, got " + v);
    }
}
