package org.reconlab.core.spi;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ordered, declared parameters of a component, and the validation of spec values against them. */
public final class Parameters {

    private final Map<String, Parameter> byName;

    private Parameters(List<Parameter> parameters) {
        Map<String, Parameter> map = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            if (map.put(parameter.name(), parameter) != null) {
                throw new IllegalArgumentException("parameter '" + parameter.name() + "' is declared twice");
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    public static Parameters of(Parameter... parameters) {
        return new Parameters(List.of(parameters));
    }

    /** These parameters followed by {@code more}, for factories that share a common set. */
    public Parameters with(Parameter... more) {
        List<Parameter> all = new ArrayList<>(byName.values());
        all.addAll(List.of(more));
        return new Parameters(all);
    }

    public List<Parameter> list() {
        return List.copyOf(byName.values());
    }

    public boolean declares(String name) {
        return byName.containsKey(name);
    }

    public Parameter get(String name) {
        Parameter parameter = byName.get(name);
        if (parameter == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; declared: " + byName.keySet());
        }
        return parameter;
    }

    /**
     * Validates raw spec values: every key must be declared and every value must fit its parameter.
     *
     * @throws ConfigException for the first unknown key or bad value, naming the allowed keys or values
     */
    public Config validate(Map<String, ?> raw) {
        requireNonNull(raw, "raw is null");
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : raw.entrySet()) {
            Parameter parameter = byName.get(entry.getKey());
            if (parameter == null) {
                throw new ConfigException(entry.getKey(), "unknown key '" + entry.getKey() + "'; allowed keys: "
                        + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
            }
            if (entry.getValue() == null) {
                throw new ConfigException(entry.getKey(), "no value given; allowed: " + parameter.allowed());
            }
            values.put(entry.getKey(), parameter.coerce(entry.getValue()));
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (Parameter parameter : byName.values()) {
            Object value = values.containsKey(parameter.name()) ? values.get(parameter.name()) : parameter.defaultValue();
            if (value != null) {
                resolved.put(parameter.name(), value);
            }
        }
        return new Config(this, resolved);
    }
}
