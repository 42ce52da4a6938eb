package org.reconlab.core.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The components built before the one being created, in the order problem, measurement, model, optimizer,
 * metrics, so a factory can read shapes and reject combinations it cannot work with.
 */
public interface BuildContext {

    /** The problem; always present except while the problem itself is created. */
    Problem problem();

    /** The plugin name of the problem, for error messages. */
    String problemName();

    Optional<Measurement> measurement();

    Optional<String> measurementName();

    Optional<Model> model();

    Optional<String> modelName();

    /**
     * The measurement, for components that cannot work without one.
     *
     * @param who the component and its need, such as {@code optimizer 'als' solves least-squares problems on the
     *     observations}; the message goes on to say that the spec has no measurement
     * @throws ConfigException naming the component and the problem when the spec has no measurement
     */
    default Measurement requireMeasurement(String who) {
        return measurement().orElseThrow(() -> ConfigException.incompatible(who + ", but the spec has no measurement"
                + " (problem '" + problemName() + "')"));
    }

    /** The shape of the problem's signal. */
    default Shape signalShape() {
        return problem().signalShape();
    }

    /**
     * The shape of the problem's signal, which must be of one of {@code kinds}.
     *
     * @param who the component and what it works on, such as {@code model 'diagonal-network' produces vectors}; the
     *     message goes on to say what the problem draws
     * @throws ConfigException naming the component, its need and the problem's shape when the kind is another
     */
    default Shape requireProblemShape(String who, Shape.Kind... kinds) {
        Shape shape = signalShape();
        if (!List.of(kinds).contains(shape.kind())) {
            throw ConfigException.incompatible(who + ", but problem '" + problemName() + "' draws a " + shape);
        }
        return shape;
    }

    /**
     * The shape of the model's signal, which must be of one of {@code kinds}; for components built after the model.
     *
     * @param who the component and what it works on, such as {@code metric 'l1-gap' compares vectors}; the message
     *     goes on to say what the model produces
     * @throws ConfigException naming the component, its need and the model's shape when the kind is another
     */
    default Shape requireModelShape(String who, Shape.Kind... kinds) {
        Shape shape = model().orElseThrow(() -> new IllegalStateException("the model is built after " + who))
                .signalShape();
        if (!List.of(kinds).contains(shape.kind())) {
            throw ConfigException.incompatible(who + ", but model '" + modelName().orElseThrow() + "' produces a "
                    + shape);
        }
        return shape;
    }

    /**
     * The directory that relative file paths in the spec are resolved against: the spec file's directory when the
     * spec came from a file, else the working directory.
     */
    default Path baseDirectory() {
        return Path.of("").toAbsolutePath();
    }

    /** {@code path} as given in the spec (absolute, or relative to {@link #baseDirectory()}), made absolute. */
    default Path resolvePath(String path) {
        return baseDirectory().resolve(path).toAbsolutePath().normalize();
    }
}
