package org.reconlab.core.spi;

/**
 * A number, or a short vector such as singular values, computed from the current iterate. A vector metric named
 * {@code singular-values} is recorded as {@code singular-values[0]}, {@code singular-values[1]}, ...
 */
public interface Metric {

    /** The values at the iterate {@code context} describes; one element for a scalar metric. */
    double[] evaluate(MetricContext context);
}
