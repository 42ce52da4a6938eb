package org.reconlab.core.spi;

/**
 * A number, or a short vector such as singular values, computed from the current iterate. A vector metric named
 * {@code singular-values} is recorded as {@code singular-values[0]}, {@code singular-values[1]}, ...
 */
public interface Metric {

    /** The values at the iterate {@code context} describes; one element for a scalar metric. */
    double[] evaluate(MetricContext context);

    /**
     * Whether {@link #evaluate} reads {@link MetricContext#testObservations()}, which draws a second operator as large
     * as the training one; the heap check counts that operator only for a pipeline with such a metric. A metric that
     * reads test observations must return {@code true}.
     */
    default boolean usesTestObservations() {
        return false;
    }
}
