package org.reconlab.app.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reconlab.app.output.AtomicFiles;
import org.reconlab.app.output.RunDirectory;
import org.reconlab.core.engine.TrialResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws the plots of a run into {@code DIR/plots/} (PNG and SVG, chosen by {@link PlotPlanner} from the design of the
 * run and its spec's {@code plots:} section) and writes {@code DIR/report.html}. {@code run} calls it when the trials
 * are done; {@code reconlab plot DIR} calls {@link #redraw} on a finished run. Every file is written atomically, and
 * plot files of an earlier drawing that this one no longer makes are removed, so the directory matches the report.
 */
public final class RunReport {

    public static final String PLOTS_DIR = "plots";
    public static final String REPORT = "report.html";

    private static final Logger log = LoggerFactory.getLogger(RunReport.class);

    static {
        // Charts are drawn off screen; without this a JVM started under a display would open a connection to it.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private RunReport() {
    }

    /**
     * What was written.
     *
     * @param plots every plot file (PNG and SVG)
     * @param notes the plots left out and why
     */
    public record Written(Path report, List<Path> plots, List<String> notes) {
    }

    /**
     * Checks that {@code directory} holds a run.
     *
     * @throws NotARunDirectoryException if it is missing or has no manifest.json
     */
    public static void checkRunDirectory(Path directory) throws NotARunDirectoryException {
        RunData.checkRunDirectory(directory);
    }

    /** Redraws plots and report from the files of the run in {@code directory}. */
    public static Written redraw(Path directory) throws IOException {
        return write(RunData.read(directory));
    }

    /** Draws plots and report for a run that has just written {@code manifest} and saved {@code trials}. */
    public static Written write(Path directory, Map<String, Object> manifest, List<TrialResult> trials)
            throws IOException {
        return write(new RunData(directory, manifest, trials));
    }

    static Written write(RunData data) throws IOException {
        Path manifestFile = data.directory().resolve(RunDirectory.MANIFEST);
        List<PlotRequest> requests = PlotRequest.parseAll(data.spec().get("plots"),
                path -> manifestFile + " (spec " + path + ")");
        PlotPlanner.Plan plan = PlotPlanner.plan(data.trials(), requests);
        Path plots = data.directory().resolve(PLOTS_DIR);
        try {
            Files.createDirectories(plots);
        } catch (IOException e) {
            throw new IOException("cannot create " + plots + ": " + e, e);
        }
        List<Path> written = FigureFiles.writeAll(plots, plan.figures(), Runtime.getRuntime().availableProcessors());
        removeStale(plots, written);
        Path report = data.directory().resolve(REPORT);
        AtomicFiles.write(report, HtmlReport.render(data, plan.figures(), plan.notes()).getBytes(StandardCharsets.UTF_8));
        for (String note : plan.notes()) {
            log.info("plot note: {}", note);
        }
        log.info("wrote {} plots and {}", plan.figures().size(), report);
        return new Written(report, List.copyOf(written), plan.notes());
    }

    private static void removeStale(Path plots, List<Path> written) throws IOException {
        Set<Path> keep = new HashSet<>();
        written.forEach(p -> keep.add(p.getFileName()));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(plots, "*.{png,svg}")) {
            for (Path file : files) {
                if (!keep.contains(file.getFileName())) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
