package org.reconlab.core.spi;

/** Factory of {@link Model} components, contributed through {@link Plugin}. */
public interface ModelFactory extends ComponentFactory<Model> {
}
