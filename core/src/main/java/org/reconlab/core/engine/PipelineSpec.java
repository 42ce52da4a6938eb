package org.reconlab.core.engine;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reconlab.core.spi.ComponentKind;

/**
 * The unresolved description of one pipeline: problem + optional measurement + model + optimizer + metrics.
 *
 * @param recordEvery metrics are recorded every this many iterations, and at the last one
 */
public record PipelineSpec(
        ComponentSpec problem,
        Optional<ComponentSpec> measurement,
        ComponentSpec model,
        ComponentSpec optimizer,
        List<ComponentSpec> metrics,
        int recordEvery) {

    public PipelineSpec {
        requireNonNull(problem, "problem is null");
        requireNonNull(measurement, "measurement is null");
        requireNonNull(model, "model is null");
        requireNonNull(optimizer, "optimizer is null");
        metrics = List.copyOf(metrics);
        if (recordEvery < 1) {
            throw new InvalidSpecException("record-every", "must be an integer >= 1, got " + recordEvery);
        }
    }

    /**
     * This spec with one value changed. {@code path} is {@code component.key} ({@code model.scale}) to set a
     * parameter, or {@code component.plugin} to swap the plugin (its parameters are then cleared).
     */
    public PipelineSpec with(String path, Object value) {
        int dot = path.indexOf('.');
        if (dot <= 0 || dot == path.length() - 1) {
            throw new InvalidSpecException(path, "expected a key of the form component.parameter, such as model.scale;"
                    + " components: problem, measurement, model, optimizer");
        }
        String component = path.substring(0, dot);
        String key = path.substring(dot + 1);
        if (key.equals("plugin")) {
            if (!(value instanceof String plugin)) {
                throw new InvalidSpecException(path, "a plugin name must be a string, got " + value);
            }
            return withComponent(component, ComponentSpec.of(plugin), path);
        }
        return withComponent(component, component(component, path).with(key, value), path);
    }

    /** This spec with one component replaced. */
    public PipelineSpec withComponent(String component, ComponentSpec spec, String path) {
        return switch (component) {
            case "problem" -> new PipelineSpec(spec, measurement, model, optimizer, metrics, recordEvery);
            case "measurement" -> new PipelineSpec(problem, Optional.of(spec), model, optimizer, metrics, recordEvery);
            case "model" -> new PipelineSpec(problem, measurement, spec, optimizer, metrics, recordEvery);
            case "optimizer" -> new PipelineSpec(problem, measurement, model, spec, metrics, recordEvery);
            default -> throw unknownComponent(component, path);
        };
    }

    private ComponentSpec component(String component, String path) {
        return switch (component) {
            case "problem" -> problem;
            case "measurement" -> measurement.orElseThrow(() -> new InvalidSpecException(path,
                    "the spec has no measurement to set a parameter of"));
            case "model" -> model;
            case "optimizer" -> optimizer;
            default -> throw unknownComponent(component, path);
        };
    }

    private static InvalidSpecException unknownComponent(String component, String path) {
        List<String> allowed = new ArrayList<>();
        for (ComponentKind kind : ComponentKind.values()) {
            if (kind != ComponentKind.METRIC) {
                allowed.add(kind.specKey());
            }
        }
        return new InvalidSpecException(path, "unknown component '" + component + "'; allowed: " + String.join(", ", allowed));
    }
}
