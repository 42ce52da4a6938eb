package org.reconlab.core.spi;

/** Factory of {@link Optimizer} components, contributed through {@link Plugin}. */
public interface OptimizerFactory extends ComponentFactory<Optimizer> {
}
