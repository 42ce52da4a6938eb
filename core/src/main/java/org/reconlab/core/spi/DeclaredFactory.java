package org.reconlab.core.spi;

import static java.util.Objects.requireNonNull;

/**
 * A factory whose name, description and parameters are values given once to the constructor, so that a factory
 * class opens with what it declares and goes on to {@link #create} alone:
 *
 * <pre>{@code
 * public static final class Factory extends DeclaredFactory<Problem> implements ProblemFactory {
 *     public Factory() {
 *         super("low-rank", "rows x columns matrix of rank r ...", PARAMETERS);
 *     }
 *
 *     public Problem create(Config config, BuildContext context) { ... }
 * }
 * }</pre>
 *
 * @param <T> the component type
 */
public abstract class DeclaredFactory<T> implements ComponentFactory<T> {

    private final String name;
    private final String description;
    private final Parameters parameters;

    protected DeclaredFactory(String name, String description, Parameters parameters) {
        this.name = requireNonNull(name, "name is null");
        this.description = requireNonNull(description, "description is null");
        this.parameters = requireNonNull(parameters, "parameters is null");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Parameters parameters() {
        return parameters;
    }
}
