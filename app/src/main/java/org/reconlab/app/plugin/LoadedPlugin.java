package org.reconlab.app.plugin;

import static java.util.Objects.requireNonNull;

import org.reconlab.core.spi.Plugin;

/** A plugin and the code it came from. */
public record LoadedPlugin(Plugin plugin, CodeOrigin origin) {

    public LoadedPlugin {
        requireNonNull(plugin, "plugin is null");
        requireNonNull(origin, "origin is null");
    }

    /** {@code module sensing (built-in)}, {@code module mc (/path/to/mc.jar)}: for messages. */
    public String label() {
        return "module " + plugin.name() + " (" + origin.source() + ")";
    }
}
