package org.reconlab.core.engine;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Collections;

/**
 * The outcome of one trial.
 *
 * @param index position of the trial in the experiment's plan
 * @param repetition which of the {@code trials} repetitions it is (random streams derive from it)
 * @param sweepValues the swept values of this trial, by spec path ({@code model.scale}), plus {@code variant}
 * @param seed the trial seed its streams were derived from
 * @param message why it failed or diverged; empty when done
 * @param iterations the last iteration the optimizer reported
 * @param finalMetrics the metrics at the last recorded iteration, by recorded name
 * @param series every recorded value, in order
 */
public record TrialResult(
        int index,
        int repetition,
        Map<String, Object> sweepValues,
        long seed,
        TrialStatus status,
        String message,
        int iterations,
        Map<String, Double> finalMetrics,
        List<SeriesPoint> series,
        double wallSeconds) {

    public TrialResult {
        requireNonNull(status, "status is null");
        requireNonNull(message, "message is null");
        sweepValues = Collections.unmodifiableMap(new LinkedHashMap<>(sweepValues));
        finalMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(finalMetrics));
        series = List.copyOf(series);
    }

    /** The recorded values of one metric, in iteration order. */
    public List<SeriesPoint> series(String metric) {
        return series.stream().filter(p -> p.metric().equals(metric)).toList();
    }

    public double finalMetric(String name) {
        Double value = finalMetrics.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no final metric '" + name + "'; recorded: " + finalMetrics.keySet());
        }
        return value;
    }
}
