package org.reconlab.core.engine;

/** One recorded value: metric {@code metric} at {@code iteration}. */
public record SeriesPoint(int iteration, String metric, double value) {
}
