package org.reconlab.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of reconlab this code was built as, and the git commit it was built from, read from a resource Maven
 * filters at build time ({@code unknown} for a build outside a git checkout).
 */
public final class ReconlabVersion {

    private static final Properties BUILD = load();

    private ReconlabVersion() {
    }

    public static String current() {
        return BUILD.getProperty("version", "unknown");
    }

    /** The full hash of the commit the build came from, or {@code unknown}. */
    public static String commit() {
        return BUILD.getProperty("commit", "unknown");
    }

    /** Whether the build's tree had uncommitted changes: {@code true}, {@code false} or {@code unknown}. */
    public static String dirty() {
        return BUILD.getProperty("dirty", "unknown");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = ReconlabVersion.class.getResourceAsStream("/reconlab-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reconlab-version.properties", e);
        }
    }
}
