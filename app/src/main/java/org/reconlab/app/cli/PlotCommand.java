package org.reconlab.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reconlab.app.output.RunDirectory;
import org.reconlab.app.report.NotARunDirectoryException;
import org.reconlab.app.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Redraws the plots and report of a run from the files it wrote. */
@Command(name = "plot", description = {
        "Redraw DIR/plots/*.png, *.svg and DIR/report.html from the files of a run (manifest.json and the trial files,"
                + " or trials.csv and series.csv).",
        "Plots are chosen from the run's sweep and metrics; a spec adds its own with a 'plots:' list (below)."})
final class PlotCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "output directory of `reconlab run`")
    Path directory;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    @SuppressWarnings("try") // the lock is held for the redraw, never read
    public Integer call() throws IOException {
        RunReport.Written written;
        try {
            RunReport.checkRunDirectory(directory);
            // Hold the run's lock: a run still writing into DIR is refused rather than drawn half-way.
            try (RunDirectory lock = RunDirectory.open(directory)) {
                written = RunReport.redraw(directory);
            }
        } catch (NotARunDirectoryException e) {
            command.commandLine().getErr().println("error: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        command.commandLine().getOut().printf("%d plots (PNG and SVG) in %s; report %s%n", written.plots().size() / 2,
                directory.resolve(RunReport.PLOTS_DIR), written.report());
        for (String note : written.notes()) {
            command.commandLine().getOut().println("note: " + note);
        }
        return Main.OK;
    }
}
