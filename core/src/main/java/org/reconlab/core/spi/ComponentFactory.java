package org.reconlab.core.spi;

/**
 * Creates one kind of component from a validated configuration. A factory is stateless and shared by all
 * trials; the component it creates is shared by the trials of one sweep point, so it must not keep
 * per-trial state (random draws happen in the component's methods, from the stream they are given).
 *
 * @param <T> the component type
 */
public interface ComponentFactory<T> {

    /** Kebab-case name, unique across all modules; the {@code plugin:} value in a spec. */
    String name();

    /** One line shown by {@code reconlab list}. */
    String description();

    /** The declared parameters; keys not declared here are rejected. */
    Parameters parameters();

    /**
     * Creates the component.
     *
     * @param config the spec values, validated against {@link #parameters()} and completed with defaults
     * @param context the components built before this one, to check compatibility and read shapes from
     * @throws ConfigException if values are inconsistent with each other or with the other components
     */
    T create(Config config, BuildContext context);
}
