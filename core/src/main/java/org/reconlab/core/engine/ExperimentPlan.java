package org.reconlab.core.engine;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trials of an experiment, each with its built pipeline. Building the plan builds every pipeline of the sweep,
 * so a bad spec fails here, before anything runs.
 */
public final class ExperimentPlan {

    /** Key under which a trial's variant name appears among its sweep values. */
    public static final String VARIANT = "variant";

    /** One trial to run. */
    public record PlannedTrial(int index, int repetition, Map<String, Object> sweepValues, Pipeline pipeline) {
    }

    private final ExperimentSpec spec;
    private final List<PlannedTrial> trials;

    private ExperimentPlan(ExperimentSpec spec, List<PlannedTrial> trials) {
        this.spec = spec;
        this.trials = List.copyOf(trials);
    }

    /** The plan of {@code spec}; relative file paths in it are resolved against the working directory. */
    public static ExperimentPlan build(ExperimentSpec spec, ComponentRegistry registry) {
        return build(spec, registry, Path.of(""));
    }

    /** The plan of {@code spec}, resolving relative file paths in it against {@code baseDirectory}. */
    public static ExperimentPlan build(ExperimentSpec spec, ComponentRegistry registry, Path baseDirectory) {
        requireNonNull(spec, "spec is null");
        PipelineBuilder builder = new PipelineBuilder(registry, baseDirectory);
        List<PlannedTrial> trials = new ArrayList<>();
        Map<String, Map<String, Object>> variants = spec.variants().isEmpty()
                ? Map.of("", Map.of()) : spec.variants();
        for (Map.Entry<String, Map<String, Object>> variant : variants.entrySet()) {
            PipelineSpec variantSpec = applyVariant(spec.pipeline(), variant.getKey(), variant.getValue());
            for (Map<String, Object> point : crossProduct(spec.sweep())) {
                PipelineSpec pointSpec = variantSpec;
                for (Map.Entry<String, Object> value : point.entrySet()) {
                    pointSpec = pointSpec.with(value.getKey(), value.getValue());
                }
                Map<String, Object> sweepValues = new LinkedHashMap<>();
                if (!spec.variants().isEmpty()) {
                    sweepValues.put(VARIANT, variant.getKey());
                }
                sweepValues.putAll(point);
                Pipeline pipeline = build(builder, pointSpec, sweepValues);
                for (int repetition = 0; repetition < spec.trials(); repetition++) {
                    trials.add(new PlannedTrial(trials.size(), repetition, sweepValues, pipeline));
                }
            }
        }
        return new ExperimentPlan(spec, trials);
    }

    public ExperimentSpec spec() {
        return spec;
    }

    public List<PlannedTrial> trials() {
        return trials;
    }

    private static Pipeline build(PipelineBuilder builder, PipelineSpec spec, Map<String, Object> sweepValues) {
        try {
            return builder.build(spec);
        } catch (InvalidSpecException e) {
            if (sweepValues.isEmpty()) {
                throw e;
            }
            throw new InvalidSpecException(e.path(), e.getMessage() + " (at sweep point " + sweepValues + ")");
        }
    }

    private static PipelineSpec applyVariant(PipelineSpec base, String name, Map<String, Object> overrides) {
        PipelineSpec spec = base;
        for (Map.Entry<String, Object> override : overrides.entrySet()) {
            String path = "variants." + name + "." + override.getKey();
            if (override.getValue() instanceof ComponentSpec component) {
                spec = spec.withComponent(override.getKey(), component, path);
            } else {
                try {
                    spec = spec.with(override.getKey(), override.getValue());
                } catch (InvalidSpecException e) {
                    throw new InvalidSpecException(path, e.getMessage());
                }
            }
        }
        return spec;
    }

    /** Every combination of the swept values, in key order with the last key varying fastest. */
    static List<Map<String, Object>> crossProduct(Map<String, List<Object>> sweep) {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> axis : sweep.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> point : points) {
                for (Object value : axis.getValue()) {
                    Map<String, Object> extended = new LinkedHashMap<>(point);
                    extended.put(axis.getKey(), value);
                    next.add(extended);
                }
            }
            points = next;
        }
        return points;
    }
}
