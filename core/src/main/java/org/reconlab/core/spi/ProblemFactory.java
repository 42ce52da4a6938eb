package org.reconlab.core.spi;

/** Factory of {@link Problem} components, contributed through {@link Plugin}. */
public interface ProblemFactory extends ComponentFactory<Problem> {
}
