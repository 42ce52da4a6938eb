package org.reconlab.app.output;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.reconlab.core.engine.SeriesPoint;
import org.reconlab.core.engine.TrialResult;

/**
 * Writes {@code trials.csv} and {@code series.csv} (RFC 4180, UTF-8, header row, '.' decimal point, numbers in
 * Java's shortest round-trip form, empty cell for a missing value), so that {@code pandas.read_csv} loads them as
 * they are.
 *
 * <p>trials.csv: {@code trial, repetition, <one column per swept key>, seed, status, iterations, wall_seconds,
 * <one column per final metric>, message}. series.csv: {@code trial, iteration, metric, value}.
 */
public final class CsvTables {

    private CsvTables() {
    }

    public static void writeTrials(Path target, List<TrialResult> trials) throws IOException {
        Set<String> sweepKeys = new LinkedHashSet<>();
        Set<String> metricKeys = new LinkedHashSet<>();
        for (TrialResult trial : trials) {
            sweepKeys.addAll(trial.sweepValues().keySet());
            metricKeys.addAll(trial.finalMetrics().keySet());
        }
        AtomicFiles.write(target, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            List<String> header = new ArrayList<>(List.of("trial", "repetition"));
            header.addAll(sweepKeys);
            header.addAll(List.of("seed", "status", "iterations", "wall_seconds"));
            header.addAll(metricKeys);
            header.add("message");
            row(writer, header);
            for (TrialResult trial : trials) {
                List<String> cells = new ArrayList<>();
                cells.add(Integer.toString(trial.index()));
                cells.add(Integer.toString(trial.repetition()));
                for (String key : sweepKeys) {
                    cells.add(cell(trial.sweepValues().get(key)));
                }
                cells.add(Long.toString(trial.seed()));
                cells.add(trial.status().label());
                cells.add(Integer.toString(trial.iterations()));
                cells.add(Double.toString(trial.wallSeconds()));
                for (String key : metricKeys) {
                    cells.add(cell(trial.finalMetrics().get(key)));
                }
                cells.add(trial.message());
                row(writer, cells);
            }
            writer.flush();
        });
    }

    public static void writeSeries(Path target, List<TrialResult> trials) throws IOException {
        AtomicFiles.write(target, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write("trial,iteration,metric,value\n");
            StringBuilder line = new StringBuilder();
            for (TrialResult trial : trials) {
                for (SeriesPoint point : trial.series()) {
                    line.setLength(0);
                    line.append(trial.index()).append(',').append(point.iteration()).append(',')
                            .append(quote(point.metric())).append(',').append(cell(point.value())).append('\n');
                    writer.write(line.toString());
                }
            }
            writer.flush();
        });
    }

    private static void row(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(quote(cells.get(i)));
        }
        writer.write('\n');
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            // pandas reads "nan" and "inf" as floats; Java's "NaN" and "Infinity" it also reads, but be explicit.
            if (d.isNaN()) {
                return "nan";
            }
            if (d.isInfinite()) {
                return d > 0 ? "inf" : "-inf";
            }
        }
        return value.toString();
    }

    private static String quote(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
