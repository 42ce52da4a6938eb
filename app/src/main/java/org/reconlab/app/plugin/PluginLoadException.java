package org.reconlab.app.plugin;

/** A plugin directory that cannot be used: a missing path, a jar without a plugin, two components of one name. */
public final class PluginLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PluginLoadException(String message) {
        super(message);
    }

    PluginLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
