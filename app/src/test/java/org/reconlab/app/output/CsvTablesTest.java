package org.reconlab.app.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconlab.core.engine.SeriesPoint;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;

class CsvTablesTest {

    @TempDir
    Path temp;

    private static TrialResult trial(int index, String message, Map<String, Double> finals) {
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("model.scale", 0.001);
        sweep.put("variant", "a, b");
        return new TrialResult(index, 0, sweep, 42L + index, TrialStatus.DONE, message, 10, finals,
                List.of(new SeriesPoint(0, "train-loss", 1.5), new SeriesPoint(10, "singular-values[0]", Double.NaN)),
                0.25);
    }

    @Test
    void cellsAreQuotedOnlyWhenTheyHoldACommaAQuoteOrALineBreak() throws IOException {
        Map<String, Double> finals = new LinkedHashMap<>();
        finals.put("train-loss", Double.POSITIVE_INFINITY);
        finals.put("relative-error", 1.0e-12);
        TrialResult first = trial(0, "he said \"no\",\nthen left", finals);
        TrialResult second = trial(1, "plain words", Map.of("train-loss", Double.NEGATIVE_INFINITY));
        Path trials = temp.resolve("trials.csv");
        Path series = temp.resolve("series.csv");
        CsvTables.writeTrials(trials, List.of(first, second));
        CsvTables.writeSeries(series, List.of(first));

        assertThat(Files.readString(trials)).isEqualTo(
                "trial,repetition,model.scale,variant,seed,status,iterations,wall_seconds,train-loss,relative-error,message\n"
                + "0,0,0.001,\"a, b\",42,done,10,0.25,inf,1.0E-12,\"he said \"\"no\"\",\nthen left\"\n"
                + "1,0,0.001,\"a, b\",43,done,10,0.25,-inf,,plain words\n");
        assertThat(Files.readString(series)).isEqualTo(
                "trial,iteration,metric,value\n"
                + "0,0,train-loss,1.5\n"
                + "0,10,singular-values[0],nan\n");
    }

    @Test
    void readGivesBackTheCellsWritten() throws IOException {
        TrialResult quoted = trial(3, "line one\r\nline \"two\", and a comma", Map.of("train-loss", 2.0));
        Path trials = temp.resolve("trials.csv");
        CsvTables.writeTrials(trials, List.of(quoted));
        List<List<String>> rows = CsvTables.read(trials);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).containsExactly("3", "0", "0.001", "a, b", "45", "done", "10", "0.25", "2.0",
                "line one\r\nline \"two\", and a comma");
    }

    @Test
    void anUnterminatedQuoteIsAnErrorNamingTheFile() throws IOException {
        Path broken = temp.resolve("broken.csv");
        Files.writeString(broken, "trial,message\n0,\"never closed\n");
        assertThatThrownBy(() -> CsvTables.read(broken)).isInstanceOf(IOException.class)
                .hasMessageContaining(broken.toString());
    }
}
