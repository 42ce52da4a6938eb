package org.reconlab.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.reconlab.core.engine.SeriesPoint;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;

/** Plots written on several threads are the files written one after the other, byte for byte. */
class FigureFilesTest {

    /** Two factors, three metrics, repetitions: series, sweep, log-log and per-factor figures, a dozen or more. */
    private static List<TrialResult> trials() {
        List<TrialResult> trials = new ArrayList<>();
        for (int depth : new int[] {2, 3}) {
            for (double scale : new double[] {1e-3, 1e-2, 1e-1}) {
                for (int repetition = 0; repetition < 2; repetition++) {
                    int index = trials.size();
                    Map<String, Object> sweep = new LinkedHashMap<>();
                    sweep.put("model.depth", depth);
                    sweep.put("model.scale", scale);
                    List<SeriesPoint> series = new ArrayList<>();
                    double error = 1;
                    for (int iteration = 0; iteration <= 200; iteration += 20) {
                        series.add(new SeriesPoint(iteration, "relative-error", error));
                        series.add(new SeriesPoint(iteration, "train-loss", error * error));
                        error *= 0.5 + 0.1 * depth * (1 + repetition) * scale;
                    }
                    trials.add(new TrialResult(index, repetition, sweep, 1000 + index, TrialStatus.DONE, "", 200,
                            Map.of("relative-error", error, "train-loss", error * error,
                                    "gap", 3 * Math.pow(scale, depth - 1) * (1 + 0.01 * repetition)),
                            series, 0.1));
                }
            }
        }
        return trials;
    }

    /** A fresh plan each time: a chart keeps the layout of its last drawing, so each writer gets its own charts. */
    private static List<Figure> figures() {
        return PlotPlanner.plan(trials(), List.of()).figures();
    }

    @Test
    void parallelWritingGivesTheSameFilesAsSerial(@TempDir Path serialDir, @TempDir Path parallelDir)
            throws IOException {
        List<Figure> figures = figures();
        assertThat(figures).hasSizeGreaterThanOrEqualTo(6);

        List<Path> serial = FigureFiles.writeAll(serialDir, figures, 1);
        List<Path> parallel = FigureFiles.writeAll(parallelDir, figures(), 4);

        assertThat(serial).hasSize(2 * figures.size());
        assertThat(parallel.stream().map(p -> p.getFileName().toString()).toList())
                .isEqualTo(serial.stream().map(p -> p.getFileName().toString()).toList());
        for (int i = 0; i < figures.size(); i++) {
            assertThat(serial.get(2 * i).getFileName().toString()).isEqualTo(figures.get(i).name() + ".png");
            assertThat(serial.get(2 * i + 1).getFileName().toString()).isEqualTo(figures.get(i).name() + ".svg");
        }
        for (Path file : serial) {
            Path twin = parallelDir.resolve(file.getFileName());
            assertThat(Files.size(file)).as("%s", file.getFileName()).isPositive();
            assertThat(Files.readAllBytes(twin)).as("%s written in parallel", file.getFileName())
                    .isEqualTo(Files.readAllBytes(file));
        }
        try (Stream<Path> files = Files.list(parallelDir)) {
            assertThat(files.count()).as("no temporary files left").isEqualTo(parallel.size());
        }
    }

    @Test
    void svgsAreTheBytesOfXChartsEncoder() throws IOException {
        List<Figure> ours = figures();
        List<Figure> xcharts = figures();
        for (int i = 0; i < ours.size(); i++) {
            ByteArrayOutputStream mine = new ByteArrayOutputStream();
            FigureFiles.writeSvg(ours.get(i).chart(), mine);
            ByteArrayOutputStream theirs = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(xcharts.get(i).chart(), theirs,
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            assertThat(mine.toByteArray()).as("%s.svg", ours.get(i).name()).isEqualTo(theirs.toByteArray());
        }
    }

    @Test
    void aFailureIsThrownWithTheFileItConcerns(@TempDir Path directory) {
        Path missing = directory.resolve("no-such-dir");
        List<Figure> figures = figures();

        assertThatThrownBy(() -> FigureFiles.writeAll(missing, figures, 3))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(missing.resolve(figures.get(0).name() + ".png").toString());
        assertThat(missing).doesNotExist();
    }

    @Test
    void threadCountIsChecked(@TempDir Path directory) {
        assertThatThrownBy(() -> FigureFiles.writeAll(directory, figures(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads 0");
    }
}
