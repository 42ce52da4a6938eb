package org.reconlab.core.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Validated parameter values of one component, defaults filled in. Only {@link Parameters#validate} creates one,
 * so a component built in code goes through the same checks as one built from a spec.
 */
public final class Config {

    private final Parameters parameters;
    private final Map<String, Object> values;

    Config(Parameters parameters, Map<String, Object> values) {
        this.parameters = parameters;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The resolved values (defaults included, absent optional ones left out), for manifests. */
    public Map<String, Object> asMap() {
        return values;
    }

    public int integer(String name) {
        return (Integer) required(name, ParameterType.INTEGER);
    }

    public OptionalInt optionalInteger(String name) {
        Object value = optional(name, ParameterType.INTEGER);
        return value == null ? OptionalInt.empty() : OptionalInt.of((Integer) value);
    }

    public double real(String name) {
        return (Double) required(name, ParameterType.REAL);
    }

    public OptionalDouble optionalReal(String name) {
        Object value = optional(name, ParameterType.REAL);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of((Double) value);
    }

    public boolean bool(String name) {
        return (Boolean) required(name, ParameterType.BOOLEAN);
    }

    public String choice(String name) {
        return (String) required(name, ParameterType.CHOICE);
    }

    public Optional<String> optionalChoice(String name) {
        return Optional.ofNullable((String) optional(name, ParameterType.CHOICE));
    }

    public String string(String name) {
        return (String) required(name, ParameterType.STRING);
    }

    public Optional<String> optionalString(String name) {
        return Optional.ofNullable((String) optional(name, ParameterType.STRING));
    }

    @SuppressWarnings("unchecked")
    public List<Integer> integers(String name) {
        return (List<Integer>) required(name, ParameterType.INTEGER_LIST);
    }

    @SuppressWarnings("unchecked")
    public List<Double> reals(String name) {
        return (List<Double>) required(name, ParameterType.REAL_LIST);
    }

    private Object required(String name, ParameterType type) {
        Object value = optional(name, type);
        if (value == null) {
            throw new ConfigException(name, "required key '" + name + "' is missing; allowed: " + parameters.get(name).allowed()
                    + " (" + parameters.get(name).doc() + ")");
        }
        return value;
    }

    private Object optional(String name, ParameterType type) {
        Parameter parameter = parameters.get(name);
        if (parameter.type() != type) {
            throw new IllegalArgumentException("parameter '" + name + "' is " + parameter.type() + ", not " + type);
        }
        return values.get(name);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
