package org.reconlab.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reconlab.app.cluster.Shard;
import org.reconlab.app.run.ProgressReporter;
import org.reconlab.app.run.RunService;
import org.reconlab.app.spec.LoadedSpec;
import org.reconlab.app.spec.SpecError;
import org.reconlab.core.engine.TrialStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Runs an experiment into a directory, resuming what an earlier run of the same spec left there. */
@Command(name = "run", description = "Run the experiment of SPEC; running again into the same --out resumes it.")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    SpecOptions options = new SpecOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: runs/<name>, or runs/<name>-quick)")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "threads of the run: trials at once times kernel threads per trial stay within N"
            + " (default: available cores)")
    Integer threads;

    @Option(names = "--shard", paramLabel = "I/N", description = "run only the trials whose index is I mod N, into"
            + " DIR/shards/I-of-N; `reconlab merge DIR` combines the shards")
    String shard;

    @Option(names = "--save-arrays", description = "also write each trial's arrays (truth, parameters, estimate,"
            + " observations, dense operator) as .npy files under DIR/arrays/trial-<n>/")
    boolean saveArrays;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws IOException {
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new SpecError("--threads " + threadCount + ": must be an integer >= 1");
        }
        if (out != null && out.toString().isBlank()) {
            throw new SpecError("--out \"" + out + "\": an empty directory name would write the run into the working"
                    + " directory; name a directory, such as --out runs/my-run");
        }
        Shard slice = shard == null ? Shard.ALL : Shard.parse(shard);
        LoadedSpec spec = options.load();
        Path directory = out != null ? out : Path.of("runs", spec.spec().name() + (spec.quick() ? "-quick" : ""));
        ProgressReporter progress = new ProgressReporter(command.commandLine().getErr(), System.console() != null);
        RunService.Outcome outcome = main.injector().getInstance(RunService.class)
                .run(spec, directory, threadCount, progress, slice, saveArrays);
        outcome.warnings().forEach(warning -> command.commandLine().getErr().println("warning: " + warning));
        long timedOut = outcome.count(TrialStatus.TIMED_OUT);
        command.commandLine().getOut().printf("%s: %d trials (%d resumed): %d done, %d diverged, %d failed%s -> %s%n",
                spec.spec().name(), outcome.planned(), outcome.resumed(), outcome.count(TrialStatus.DONE),
                outcome.count(TrialStatus.DIVERGED), outcome.count(TrialStatus.FAILED),
                timedOut > 0 ? ", " + timedOut + " timed out" : "", outcome.directory());
        return outcome.count(TrialStatus.FAILED) + timedOut > 0 ? Main.FAILURE : Main.OK;
    }
}
