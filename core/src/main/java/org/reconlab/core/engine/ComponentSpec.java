package org.reconlab.core.engine;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One component of a spec: the plugin name and its raw (not yet validated) parameter values. */
public record ComponentSpec(String plugin, Map<String, Object> parameters) {

    public ComponentSpec {
        requireNonNull(plugin, "plugin is null");
        requireNonNull(parameters, "parameters is null");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static ComponentSpec of(String plugin) {
        return new ComponentSpec(plugin, Map.of());
    }

    public static ComponentSpec of(String plugin, Map<String, ?> parameters) {
        return new ComponentSpec(plugin, new LinkedHashMap<>(parameters));
    }

    /** This spec with one parameter set to {@code value}. */
    public ComponentSpec with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(parameters);
        copy.put(key, value);
        return new ComponentSpec(plugin, copy);
    }
}
