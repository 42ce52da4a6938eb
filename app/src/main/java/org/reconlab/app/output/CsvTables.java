package org.reconlab.app.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.reconlab.core.engine.SeriesPoint;
import org.reconlab.core.engine.TrialResult;

/**
 * Writes and reads {@code trials.csv} and {@code series.csv} (RFC 4180, UTF-8, header row, '.' decimal point, numbers
 * in Java's shortest round-trip form, empty cell for a missing value), so that {@code pandas.read_csv} loads them as
 * they are. Quoting and parsing are Jackson's CSV format; a cell is quoted only when it holds a comma, a quote or a
 * line break.
 *
 * <p>trials.csv: {@code trial, repetition, <one column per swept key>, seed, status, iterations, wall_seconds,
 * <one column per final metric>, message}. series.csv: {@code trial, iteration, metric, value}.
 */
public final class CsvTables {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .build();

    private CsvTables() {
    }

    public static void writeTrials(Path target, List<TrialResult> trials) throws IOException {
        Set<String> sweepKeys = new LinkedHashSet<>();
        Set<String> metricKeys = new LinkedHashSet<>();
        for (TrialResult trial : trials) {
            sweepKeys.addAll(trial.sweepValues().keySet());
            metricKeys.addAll(trial.finalMetrics().keySet());
        }
        List<String> header = new ArrayList<>(List.of("trial", "repetition"));
        header.addAll(sweepKeys);
        header.addAll(List.of("seed", "status", "iterations", "wall_seconds"));
        header.addAll(metricKeys);
        header.add("message");
        AtomicFiles.write(target, out -> {
            try (CsvGenerator rows = generator(out)) {
                row(rows, header);
                for (TrialResult trial : trials) {
                    List<String> cells = new ArrayList<>(header.size());
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
                    row(rows, cells);
                }
            }
        });
    }

    public static void writeSeries(Path target, List<TrialResult> trials) throws IOException {
        AtomicFiles.write(target, out -> {
            try (CsvGenerator rows = generator(out)) {
                row(rows, List.of("trial", "iteration", "metric", "value"));
                for (TrialResult trial : trials) {
                    for (SeriesPoint point : trial.series()) {
                        rows.writeStartArray();
                        rows.writeNumber(trial.index());
                        rows.writeNumber(point.iteration());
                        rows.writeString(point.metric());
                        rows.writeString(cell(point.value()));
                        rows.writeEndArray();
                    }
                }
            }
        });
    }

    private static void row(CsvGenerator rows, List<String> cells) throws IOException {
        rows.writeStartArray();
        for (String cell : cells) {
            rows.writeString(cell);
        }
        rows.writeEndArray();
    }

    /** A generator of rows onto {@code out} in UTF-8; closing it flushes the rows and leaves {@code out} open. */
    private static CsvGenerator generator(OutputStream out) throws IOException {
        CsvGenerator generator = CSV.getFactory().createGenerator(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        generator.setSchema(CsvSchema.emptySchema());
        return generator;
    }

    /** The rows of a CSV file, each a list of its cells, the header row first. */
    public static List<List<String>> read(Path file) throws IOException {
        try (MappingIterator<List<String>> rows = CSV.readerForListOf(String.class).readValues(file.toFile())) {
            return rows.readAll();
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
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
}
