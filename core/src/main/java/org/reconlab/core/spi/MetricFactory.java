package org.reconlab.core.spi;

/** Factory of {@link Metric} components, contributed through {@link Plugin}. */
public interface MetricFactory extends ComponentFactory<Metric> {
}
