package org.reconlab.app.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reconlab.core.engine.SeriesPoint;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;

/**
 * A finished trial as saved in {@code DIR/trials/trial-NNNNNN.json}: what resume reads back, bit for bit. The series
 * is held as three parallel arrays to keep the file compact.
 */
public record TrialRecord(
        int index,
        int repetition,
        Map<String, Object> sweep,
        String seed,
        String status,
        String message,
        int iterations,
        double wallSeconds,
        Map<String, Double> finalMetrics,
        List<Integer> seriesIteration,
        List<String> seriesMetric,
        List<Double> seriesValue,
        String fingerprint) {

    /** The record of {@code result}, of the run whose {@code manifest.json} has {@code fingerprint}. */
    public static TrialRecord of(TrialResult result, String fingerprint) {
        List<Integer> iterations = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (SeriesPoint point : result.series()) {
            iterations.add(point.iteration());
            metrics.add(point.metric());
            values.add(point.value());
        }
        // The seed is kept as text: JSON readers elsewhere (pandas, jq) round 64-bit integers through doubles.
        return new TrialRecord(result.index(), result.repetition(), result.sweepValues(), Long.toString(result.seed()),
                result.status().label(), result.message(), result.iterations(), result.wallSeconds(),
                result.finalMetrics(), iterations, metrics, values, fingerprint);
    }

    /** What makes this record unusable (a field missing, a series torn, a status unknown), if anything. */
    public Optional<String> damage() {
        if (sweep == null || seed == null || status == null || message == null || finalMetrics == null
                || seriesIteration == null || seriesMetric == null || seriesValue == null) {
            return Optional.of("a field is missing");
        }
        if (seriesIteration.size() != seriesMetric.size() || seriesMetric.size() != seriesValue.size()
                || seriesIteration.contains(null) || seriesMetric.contains(null) || seriesValue.contains(null)) {
            return Optional.of("its series is torn");
        }
        try {
            Long.parseLong(seed);
        } catch (NumberFormatException e) {
            return Optional.of("seed '" + seed + "' is not an integer");
        }
        if (Arrays.stream(TrialStatus.values()).noneMatch(s -> s.label().equals(status))) {
            return Optional.of("status '" + status + "' is unknown");
        }
        return Optional.empty();
    }

    public TrialResult toResult() {
        List<SeriesPoint> series = new ArrayList<>();
        for (int i = 0; i < seriesIteration.size(); i++) {
            series.add(new SeriesPoint(seriesIteration.get(i), seriesMetric.get(i), seriesValue.get(i)));
        }
        Map<String, Object> sweepValues = new LinkedHashMap<>();
        sweep.forEach((key, value) -> sweepValues.put(key, nonFiniteNumber(value)));
        return new TrialResult(index, repetition, sweepValues, Long.parseLong(seed),
                TrialStatus.ofLabel(status), message, iterations, finalMetrics, series,
                wallSeconds);
    }

    /** JSON has no infinite or NaN numbers: Jackson writes them as these strings, and they are read back as numbers. */
    private static Object nonFiniteNumber(Object value) {
        if (value instanceof String text) {
            switch (text) {
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                case "NaN":
                    return Double.NaN;
                default:
                    return value;
            }
        }
        return value;
    }
}
