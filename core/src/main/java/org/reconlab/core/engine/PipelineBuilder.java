package org.reconlab.core.engine;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.ComponentFactory;
import org.reconlab.core.spi.ComponentKind;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.Model;
import org.reconlab.core.spi.Optimizer;
import org.reconlab.core.spi.Problem;
import org.reconlab.core.spi.Shape;

/**
 * Builds a {@link Pipeline} from a {@link PipelineSpec}: finds each factory, validates its parameters, creates the
 * components in the order problem, measurement, model, optimizer, metrics, and checks that signal shapes agree.
 * Every failure is an {@link InvalidSpecException} that names the place in the spec.
 */
public final class PipelineBuilder {

    private final ComponentRegistry registry;
    private final Path baseDirectory;

    /** A builder that resolves relative file paths in specs against the working directory. */
    public PipelineBuilder(ComponentRegistry registry) {
        this(registry, Path.of(""));
    }

    /** A builder that resolves relative file paths in specs against {@code baseDirectory} (the spec's directory). */
    public PipelineBuilder(ComponentRegistry registry, Path baseDirectory) {
        this.registry = requireNonNull(registry, "registry is null");
        this.baseDirectory = requireNonNull(baseDirectory, "baseDirectory is null").toAbsolutePath();
    }

    public Pipeline build(PipelineSpec spec) {
        requireNonNull(spec, "spec is null");
        Map<String, Config> configs = new LinkedHashMap<>();
        Context context = new Context(baseDirectory);

        context.problemName = spec.problem().plugin();
        context.problem = create(ComponentKind.PROBLEM, spec.problem(), "problem", context, configs);
        Shape truthShape = context.problem.signalShape();
        if (truthShape.kind() != Shape.Kind.FUNCTION && truthShape.size() > Integer.MAX_VALUE) {
            throw new InvalidSpecException("problem", "problem '" + spec.problem().plugin() + "' draws a " + truthShape
                    + " of " + truthShape.size() + " entries, more than the " + Integer.MAX_VALUE + " a dense matrix"
                    + " holds; lower its sizes");
        }

        if (spec.measurement().isPresent()) {
            ComponentSpec measurementSpec = spec.measurement().get();
            Measurement measurement = create(ComponentKind.MEASUREMENT, measurementSpec, "measurement", context, configs);
            if (!measurement.signalShape().accepts(truthShape)) {
                throw new InvalidSpecException("measurement", "measurement '" + measurementSpec.plugin() + "' takes a "
                        + measurement.signalShape() + ", but problem '" + spec.problem().plugin() + "' draws a " + truthShape);
            }
            context.measurement = Optional.of(measurement);
            context.measurementName = Optional.of(measurementSpec.plugin());
        }

        Model model = create(ComponentKind.MODEL, spec.model(), "model", context, configs);
        if (context.measurement.isPresent() && !context.measurement.get().signalShape().accepts(model.signalShape())) {
            throw new InvalidSpecException("model", "model '" + spec.model().plugin() + "' produces a "
                    + model.signalShape() + ", but measurement '" + context.measurementName.get() + "' takes a "
                    + context.measurement.get().signalShape());
        }
        context.model = Optional.of(model);
        context.modelName = Optional.of(spec.model().plugin());
        if (context.measurement.isPresent() && truthShape.kind() == Shape.Kind.SYMMETRIC_MATRIX
                && model.signalShape().kind() == Shape.Kind.SYMMETRIC_MATRIX) {
            context.measurement = Optional.of(onSymmetricSignals(context.measurement.get(),
                    context.measurementName.get(), truthShape));
        }

        Optimizer optimizer = create(ComponentKind.OPTIMIZER, spec.optimizer(), "optimizer", context, configs);

        List<Pipeline.NamedMetric> metrics = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < spec.metrics().size(); i++) {
            ComponentSpec metricSpec = spec.metrics().get(i);
            String path = "metrics[" + i + "]";
            if (!seen.add(metricSpec.plugin())) {
                throw new InvalidSpecException(path, "metric '" + metricSpec.plugin() + "' is listed twice");
            }
            Metric metric = create(ComponentKind.METRIC, metricSpec, path, context, configs);
            metrics.add(new Pipeline.NamedMetric(metricSpec.plugin(), metric));
        }
        return new Pipeline(spec, context.problem, context.measurement, model, optimizer, metrics, configs);
    }

    /** The measurement's symmetric specialization (see {@link Measurement#onSymmetricSignals()}), checked. */
    private static Measurement onSymmetricSignals(Measurement measurement, String name, Shape truthShape) {
        Measurement symmetric = requireNonNull(measurement.onSymmetricSignals(),
                () -> "measurement '" + name + "' returned null from onSymmetricSignals()");
        if (!symmetric.signalShape().accepts(truthShape)) {
            throw new InvalidSpecException("measurement", "measurement '" + name + "' on symmetric signals takes a "
                    + symmetric.signalShape() + ", not the " + truthShape + " of the problem");
        }
        return symmetric;
    }

    private <T> T create(ComponentKind kind, ComponentSpec spec, String path, Context context, Map<String, Config> configs) {
        ComponentFactory<T> factory = registry.factory(kind, spec.plugin(), path + ".plugin");
        try {
            Config config = factory.parameters().validate(spec.parameters());
            T component = requireNonNull(factory.create(config, context), () -> "factory " + spec.plugin() + " returned null");
            configs.put(path, config);
            return component;
        } catch (ConfigException e) {
            String where = e.key() == null ? path : path + "." + e.key();
            String message = e.key() == null ? e.getMessage() : e.getMessage() + " (" + kind.name().toLowerCase()
                    + " '" + spec.plugin() + "')";
            throw new InvalidSpecException(where, message);
        }
    }

    private static final class Context implements BuildContext {
        private final Path baseDirectory;
        private Problem problem;
        private String problemName;
        private Optional<Measurement> measurement = Optional.empty();
        private Optional<String> measurementName = Optional.empty();
        private Optional<Model> model = Optional.empty();
        private Optional<String> modelName = Optional.empty();

        Context(Path baseDirectory) {
            this.baseDirectory = baseDirectory;
        }

        @Override
        public Path baseDirectory() {
            return baseDirectory;
        }

        @Override
        public Problem problem() {
            if (problem == null) {
                throw new IllegalStateException("the problem is being built; it cannot read itself");
            }
            return problem;
        }

        @Override
        public String problemName() {
            return problemName;
        }

        @Override
        public Optional<Measurement> measurement() {
            return measurement;
        }

        @Override
        public Optional<String> measurementName() {
            return measurementName;
        }

        @Override
        public Optional<Model> model() {
            return model;
        }

        @Override
        public Optional<String> modelName() {
            return modelName;
        }
    }
}
