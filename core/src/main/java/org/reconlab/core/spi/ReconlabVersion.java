package org.reconlab.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of reconlab this code was built as, read from a resource Maven filters at build time. */
public final class ReconlabVersion {

    private static final String VERSION = load();

    private ReconlabVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ReconlabVersion.class.getResourceAsStream("/reconlab-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reconlab-version.properties", e);
        }
    }
}
