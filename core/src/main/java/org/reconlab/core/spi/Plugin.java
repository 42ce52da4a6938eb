package org.reconlab.core.spi;

import java.util.List;

/**
 * The one entry point of a plugin module, listed in {@code META-INF/services/org.reconlab.core.spi.Plugin}.
 * A module overrides only the methods for the kinds of component it offers.
 */
public interface Plugin {

    /** Short module name shown by {@code reconlab list} and in error messages, e.g. {@code sensing}. */
    String name();

    /**
     * Version of the module, recorded in every run's manifest: by default the {@code Implementation-Version} of the
     * jar the plugin class came from, or {@code unknown} when it has none (never reconlab's own version: a plugin's
     * version is its author's).
     */
    default String version() {
        String version = getClass().getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    default List<ProblemFactory> problems() {
        return List.of();
    }

    default List<MeasurementFactory> measurements() {
        return List.of();
    }

    default List<ModelFactory> models() {
        return List.of();
    }

    default List<OptimizerFactory> optimizers() {
        return List.of();
    }

    default List<MetricFactory> metrics() {
        return List.of();
    }
}
