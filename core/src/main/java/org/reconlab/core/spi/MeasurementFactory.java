package org.reconlab.core.spi;

/** Factory of {@link Measurement} components, contributed through {@link Plugin}. */
public interface MeasurementFactory extends ComponentFactory<Measurement> {
}
