package org.reconlab.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconlab.app.Cli;
import org.reconlab.app.cli.Main;
import org.w3c.dom.Document;

/** Plots and report through the command line, on runs of the core test-jar's toy plugin. */
class ReportCliTest {

    private static final Path TOY = Path.of("src/test/resources/specs/toy.yaml");

    /** Two swept keys of three values and two repetitions: series, sweeps and a phase-transition grid. */
    private static final String GRID = """
            name: toy-grid
            description: least squares on vectors, swept over step and number of measurements
            seed: 5
            trials: 2
            problem:     { plugin: toy-vector, n: 5 }
            measurement: { plugin: toy-gaussian, m: 30 }
            model:       { plugin: toy-linear }
            optimizer:   { plugin: gradient-descent, step: 0.5, iterations: 60 }
            metrics:     [relative-error, train-loss]
            record-every: 10
            sweep:
              optimizer.step: [0.01, 0.1, 1.0]
              measurement.m: [8, 20, 60]
            plots:
              - { kind: heatmap, x: measurement.m, y: optimizer.step, z: relative-error, threshold: 1.0e-3 }
              - { kind: loglog, x: optimizer.step, y: train-loss, title: "loss against step" }
              - { kind: sweep, x: model.scale, y: train-loss }
            """;

    @TempDir
    Path temp;


    private Path spec(String name, String text) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static List<String> plotFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory.resolve("plots"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertValidPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).as(file.toString()).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as(file.toString()).isNotNull();
        // 900 x 600 drawn at twice the size; wider when the legend stands right of the plot.
        assertThat(image.getWidth()).isBetween(1800, 3600);
        assertThat(image.getHeight()).isEqualTo(1200);
        // Not blank: a chart has dark pixels (axes, tick labels, titles) on its white background; one in 49 pixels
        // sampled, a chart with short axis titles has about 200 of them, a blank image none.
        int dark = 0;
        for (int x = 0; x < image.getWidth(); x += 7) {
            for (int y = 0; y < image.getHeight(); y += 7) {
                if ((image.getRGB(x, y) & 0xff) < 100) {
                    dark++;
                }
            }
        }
        assertThat(dark).as(file + " dark pixels").isGreaterThan(100);
    }

    private static void assertValidSvg(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // The file names the SVG 1.1 DTD; never fetch it.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setNamespaceAware(true);
        Document document;
        try (InputStream in = Files.newInputStream(file)) {
            document = factory.newDocumentBuilder().parse(in);
        }
        assertThat(document.getDocumentElement().getLocalName()).as(file.toString()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(document.getDocumentElement().getAttribute("viewBox")).matches("0 0 \\d+ 600");
        assertThat(document.getElementsByTagNameNS("*", "path").getLength()).as(file + " paths").isGreaterThan(10);
    }

    private static void assertPlotsValidAndReported(Path directory) throws Exception {
        List<String> files = plotFiles(directory);
        assertThat(files).isNotEmpty();
        String report = Files.readString(directory.resolve("report.html"));
        for (String file : files) {
            Path path = directory.resolve("plots").resolve(file);
            if (file.endsWith(".png")) {
                assertValidPng(path);
                assertThat(files).contains(file.replace(".png", ".svg"));
            } else {
                assertThat(file).endsWith(".svg");
                assertValidSvg(path);
                assertThat(files).contains(file.replace(".svg", ".png"));
            }
            assertThat(report).as("report.html references " + file).contains("\"plots/" + file + "\"");
        }
    }

    @Test
    void runDrawsValidPngAndSvgPlotsAndAReportThatShowsThemAll() throws Exception {
        Path out = temp.resolve("run");
        Cli.Result result = Cli.run("run", TOY.toString(), "--quick", "--out", out.toString(), "--threads", "2");
        assertThat(result.code()).as(result.err()).isZero();
        // toy.yaml: metrics relative-error, train-loss, test-error recorded every 20 of 40 iterations, step 0.2 and 0.5.
        assertThat(plotFiles(out)).contains("series-relative-error.png", "series-relative-error.svg",
                "series-train-loss.png", "series-test-error.png");
        assertThat(plotFiles(out)).anyMatch(f -> f.matches("(sweep|loglog)-relative-error-vs-optimizer\\.step\\.png"));
        assertPlotsValidAndReported(out);
        String report = Files.readString(out.resolve("report.html"));
        assertThat(report).startsWith("<!DOCTYPE html>").contains("<h1>toy</h1>")
                .contains("least squares on vectors with the test-only toy plugin")
                // the trials table, the resolved spec (quick applied) and the provenance
                .contains("<th>optimizer.step</th>").contains("<td class=\"done\">done</td>")
                .contains("iterations: 40").contains("java-version")
                // self-contained: no scripts, stylesheets or images from elsewhere
                .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("<link");
        assertThat(out.resolve("plots")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aGridRunDrawsHeatmapsLogLogPlotsAndWhatItsSpecAsks() throws Exception {
        Path out = temp.resolve("grid");
        Cli.Result result = Cli.run("run", spec("grid.yaml", GRID).toString(), "--out", out.toString(), "--threads", "2");
        assertThat(result.code()).as(result.err()).isZero();
        List<String> files = plotFiles(out);
        // 9 sweep points: one series plot per metric; a sweep plot per key and metric; heatmaps of the 3 x 3 grid.
        assertThat(files).contains("series-relative-error.png", "heatmap-relative-error-optimizer.step-vs-measurement.m.png",
                "heatmap-train-loss-optimizer.step-vs-measurement.m.png",
                "heatmap-relative-error-success-measurement.m-vs-optimizer.step.png",
                "loglog-train-loss-vs-optimizer.step.png");
        assertThat(files).anyMatch(f -> f.matches("(sweep|loglog)-train-loss-vs-measurement\\.m\\.png"));
        assertPlotsValidAndReported(out);
        String report = Files.readString(out.resolve("report.html"));
        assertThat(report).contains("loss against step")
                .contains("sweep plot of train-loss against model.scale not drawn: model.scale is not swept in this run");
    }

    @Test
    void plotRedrawsFromTheTrialFilesAndFromTheCsvTables() throws Exception {
        Path out = temp.resolve("run");
        Path spec = spec("one-metric.yaml", Files.readString(TOY).replace("[relative-error, train-loss, test-error]",
                "[relative-error]"));
        assertThat(Cli.run("run", spec.toString(), "--quick", "--out", out.toString()).code()).isZero();
        List<String> drawnByRun = plotFiles(out);
        assertThat(drawnByRun).hasSize(4);
        String reportOfRun = Files.readString(out.resolve("report.html"));
        try (Stream<Path> files = Files.list(out.resolve("plots"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(out.resolve("report.html"));
        Cli.Result fromTrialFiles = Cli.run("plot", out.toString());
        assertThat(fromTrialFiles.code()).as(fromTrialFiles.err()).isZero();
        assertThat(fromTrialFiles.out()).startsWith(drawnByRun.size() / 2 + " plots (PNG and SVG) in " + out.resolve("plots"));
        assertThat(plotFiles(out)).isEqualTo(drawnByRun);
        assertThat(Files.readString(out.resolve("report.html"))).isEqualTo(reportOfRun);

        RunData fromJson = RunData.read(out);
        try (Stream<Path> files = Files.list(out.resolve("trials"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        // Without trial files the CSV tables are read back, to the same numbers.
        assertThat(RunData.read(out).trials()).isEqualTo(fromJson.trials());
        Cli.Result fromTables = Cli.run("plot", out.toString());
        assertThat(fromTables.code()).as(fromTables.err()).isZero();
        assertThat(plotFiles(out)).isEqualTo(drawnByRun);
        assertPlotsValidAndReported(out);
    }

    @Test
    void plotOfAMissingOrNonRunDirectoryExitsWithCodeTwoAndTouchesNothing() throws IOException {
        Path missing = temp.resolve("missing");
        Cli.Result noDirectory = Cli.run("plot", missing.toString());
        assertThat(noDirectory.code()).isEqualTo(2);
        assertThat(noDirectory.err()).isEqualTo("error: " + missing + ": no such directory\n");
        assertThat(missing).doesNotExist();

        Path notARun = Files.createDirectory(temp.resolve("not-a-run"));
        Files.writeString(notARun.resolve("notes.txt"), "hello");
        Cli.Result noManifest = Cli.run("plot", notARun.toString());
        assertThat(noManifest.code()).isEqualTo(2);
        assertThat(noManifest.err()).startsWith("error: " + notARun + " is not a reconlab run directory: it has no"
                + " manifest.json");
        try (Stream<Path> files = Files.list(notARun)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
        assertThat(Cli.run("plot").code()).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("try") // the lock is held for the plot command, never read
    void plotRefusesARunDirectoryThatARunIsWritingInto() throws IOException {
        Path out = Files.createDirectory(temp.resolve("run"));
        Files.writeString(out.resolve("manifest.json"), "{\"name\": \"toy\"}");
        try (var held = org.reconlab.app.output.RunDirectory.open(out)) {
            Cli.Result busy = Cli.run("plot", out.toString());
            assertThat(busy.code()).isEqualTo(2);
            assertThat(busy.err()).contains("another reconlab run is writing into " + out);
        }
        assertThat(out.resolve("plots")).doesNotExist();
        assertThat(out.resolve("report.html")).doesNotExist();
    }

    @Test
    void failedAndDivergedTrialsAreLeftOutOfThePlotsAndTheCaptionsSaySo() throws Exception {
        String spec = """
                name: toy-variants
                seed: 3
                trials: 2
                problem:     { plugin: toy-vector, n: 5 }
                measurement: { plugin: toy-gaussian, m: 30 }
                model:       { plugin: toy-linear }
                optimizer:   { plugin: gradient-descent, step: 0.5, iterations: 40 }
                metrics:     [relative-error]
                record-every: 10
                variants:
                  stable: {}
                  slow: { optimizer.step: 0.05 }
                  unstable: { optimizer.step: 50.0 }
                  broken: { measurement.fail: true }
                """;
        Path out = temp.resolve("variants");
        Cli.Result result = Cli.run("run", spec("variants.yaml", spec).toString(), "--out", out.toString());
        assertThat(result.code()).as("failed trials make the run exit 1").isEqualTo(1);
        assertThat(result.out()).contains("4 done, 2 diverged, 2 failed");
        // No numeric swept key: the final metrics by variant, and the series of the variants.
        assertThat(plotFiles(out)).containsExactly("points-relative-error.png", "points-relative-error.svg",
                "series-relative-error.png", "series-relative-error.svg");
        assertPlotsValidAndReported(out);
        String report = Files.readString(out.resolve("report.html"));
        assertThat(report).contains("Left out: 2 diverged, 2 failed trials.")
                .contains("<td class=\"diverged\">diverged</td>").contains("<td class=\"failed\">failed</td>")
                .contains("toy measurement asked to fail");
    }
}
