package org.plasticity;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The toolkit's version, as recorded with every result. */
public final class Version {
    private static final String VERSION = load();

    private Version() {}

    /** @return the Maven project version this build was made from. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
