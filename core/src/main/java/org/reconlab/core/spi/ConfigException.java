package org.reconlab.core.spi;

/**
 * A spec value a component cannot accept. {@code key} is the parameter name relative to the component
 * ({@code m}), or {@code null} when the component as a whole does not fit (incompatible components); the engine
 * prefixes it with the component's place in the spec ({@code measurement.m}).
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public ConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** An error about the component as a whole, such as an incompatible combination. */
    public static ConfigException incompatible(String message) {
        return new ConfigException(null, message);
    }

    public String key() {
        return key;
    }
}
