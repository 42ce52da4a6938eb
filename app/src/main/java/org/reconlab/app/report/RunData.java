package org.reconlab.app.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reconlab.app.output.CsvTables;
import org.reconlab.app.output.RunDirectory;
import org.reconlab.app.output.TrialRecord;
import org.reconlab.core.engine.SeriesPoint;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;

/**
 * The results of a run as the report needs them: the manifest and every finished trial, read back from a run
 * directory. Trials come from the trial files {@code DIR/trials/trial-NNNNNN.json} (exact, what resume reads) when
 * there are any, else from {@code trials.csv} and {@code series.csv} (what a run copied elsewhere may keep).
 *
 * @param directory the run directory
 * @param manifest the parsed manifest.json
 * @param trials the finished trials, by index
 */
public record RunData(Path directory, Map<String, Object> manifest, List<TrialResult> trials) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    public RunData {
        requireNonNull(directory, "directory is null");
        manifest = new LinkedHashMap<>(requireNonNull(manifest, "manifest is null"));
        trials = trials.stream().sorted(Comparator.comparingInt(TrialResult::index)).toList();
    }

    /**
     * Reads the run in {@code directory}.
     *
     * @throws NotARunDirectoryException if the directory is missing or holds no manifest.json
     * @throws IOException if a file cannot be read or parsed (its path is in the message)
     */
    public static RunData read(Path directory) throws IOException {
        checkRunDirectory(directory);
        Path manifestFile = directory.resolve(RunDirectory.MANIFEST);
        Map<String, Object> manifest;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = JSON.readValue(manifestFile.toFile(), Map.class);
            manifest = parsed;
        } catch (IOException e) {
            throw new IOException("cannot read " + manifestFile + ": " + e.getMessage(), e);
        }
        List<TrialResult> trials = readTrialFiles(directory.resolve("trials"));
        if (trials.isEmpty() && Files.isRegularFile(directory.resolve(RunDirectory.TRIALS_CSV))) {
            trials = readTables(directory.resolve(RunDirectory.TRIALS_CSV), directory.resolve(RunDirectory.SERIES_CSV));
        }
        return new RunData(directory, manifest, trials);
    }

    static void checkRunDirectory(Path directory) throws NotARunDirectoryException {
        if (!Files.isDirectory(directory)) {
            throw new NotARunDirectoryException(directory + ": no such directory");
        }
        if (!Files.isRegularFile(directory.resolve(RunDirectory.MANIFEST))) {
            throw new NotARunDirectoryException(directory + " is not a reconlab run directory: it has no "
                    + RunDirectory.MANIFEST + " (give the --out directory of `reconlab run`)");
        }
    }

    /** The resolved spec recorded in the manifest (empty if absent). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> spec() {
        return manifest.get("spec") instanceof Map<?, ?> spec ? (Map<String, Object>) spec : Map.of();
    }

    /** The run's name from the manifest, else the directory name. */
    public String name() {
        Object name = manifest.get("name");
        return name != null ? name.toString() : directory.getFileName().toString();
    }

    private static List<TrialResult> readTrialFiles(Path trialsDirectory) throws IOException {
        List<TrialResult> trials = new ArrayList<>();
        if (!Files.isDirectory(trialsDirectory)) {
            return trials;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(trialsDirectory, "trial-*.json")) {
            for (Path file : files) {
                try {
                    trials.add(JSON.readValue(file.toFile(), TrialRecord.class).toResult());
                } catch (IOException | RuntimeException e) {
                    throw new IOException("cannot read trial file " + file + ": " + e.getMessage(), e);
                }
            }
        }
        return trials;
    }

    /**
     * Reads trials.csv (trial, repetition, swept keys..., seed, status, iterations, wall_seconds, metrics..., message)
     * and series.csv (trial, iteration, metric, value), the layout {@link org.reconlab.app.output.CsvTables} writes.
     */
    static List<TrialResult> readTables(Path trialsCsv, Path seriesCsv) throws IOException {
        List<List<String>> rows = CsvTables.read(trialsCsv);
        if (rows.isEmpty()) {
            throw new IOException(trialsCsv + ": empty file; expected a header row");
        }
        List<String> header = rows.get(0);
        int seedColumn = header.indexOf("seed");
        int wallColumn = header.indexOf("wall_seconds");
        int messageColumn = header.lastIndexOf("message");
        if (!header.subList(0, Math.min(2, header.size())).equals(List.of("trial", "repetition")) || seedColumn < 2
                || wallColumn != seedColumn + 3 || messageColumn != header.size() - 1) {
            throw new IOException(trialsCsv + ": unexpected header " + header + "; expected trial, repetition, <swept keys>,"
                    + " seed, status, iterations, wall_seconds, <metrics>, message");
        }
        Map<Integer, List<SeriesPoint>> series = new HashMap<>();
        if (Files.isRegularFile(seriesCsv)) {
            List<List<String>> seriesRows = CsvTables.read(seriesCsv);
            for (int r = 1; r < seriesRows.size(); r++) {
                List<String> row = seriesRows.get(r);
                String where = seriesCsv + " row " + (r + 1);
                require(row.size() == 4, where, "expected 4 cells, got " + row.size());
                series.computeIfAbsent(integer(row.get(0), where), k -> new ArrayList<>())
                        .add(new SeriesPoint(integer(row.get(1), where), row.get(2), number(row.get(3), where)));
            }
        }
        List<TrialResult> trials = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String where = trialsCsv + " row " + (r + 1);
            require(row.size() == header.size(), where, "expected " + header.size() + " cells, got " + row.size());
            int index = integer(row.get(0), where);
            Map<String, Object> sweep = new LinkedHashMap<>();
            for (int c = 2; c < seedColumn; c++) {
                sweep.put(header.get(c), sweepValue(row.get(c)));
            }
            Map<String, Double> finals = new LinkedHashMap<>();
            for (int c = wallColumn + 1; c < messageColumn; c++) {
                if (!row.get(c).isEmpty()) {
                    finals.put(header.get(c), number(row.get(c), where));
                }
            }
            TrialStatus status;
            try {
                status = TrialStatus.ofLabel(row.get(seedColumn + 1));
            } catch (IllegalArgumentException e) {
                throw new IOException(where + ": unknown status '" + row.get(seedColumn + 1) + "'");
            }
            trials.add(new TrialResult(index, integer(row.get(1), where), sweep, Long.parseLong(row.get(seedColumn)),
                    status, row.get(messageColumn), integer(row.get(seedColumn + 2), where), finals,
                    series.getOrDefault(index, List.of()), number(row.get(wallColumn), where)));
        }
        return trials;
    }

    /** A swept value as the trial files hold it: an integer, a double, a boolean, else the text. */
    private static Object sweepValue(String cell) {
        try {
            return Integer.parseInt(cell);
        } catch (NumberFormatException e) {
            // not an integer
        }
        try {
            return Long.parseLong(cell);
        } catch (NumberFormatException e) {
            // not a long
        }
        if (cell.equals("true") || cell.equals("false")) {
            return Boolean.parseBoolean(cell);
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return cell;
        }
    }

    private static int integer(String cell, String where) throws IOException {
        try {
            return Integer.parseInt(cell);
        } catch (NumberFormatException e) {
            throw new IOException(where + ": expected an integer, got '" + cell + "'");
        }
    }

    private static double number(String cell, String where) throws IOException {
        switch (cell) {
            case "nan", "NaN" -> {
                return Double.NaN;
            }
            case "inf", "Infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-Infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                try {
                    return Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new IOException(where + ": expected a number, got '" + cell + "'");
                }
            }
        }
    }

    private static void require(boolean condition, String where, String message) throws IOException {
        if (!condition) {
            throw new IOException(where + ": " + message);
        }
    }
}
