package org.reconlab.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reconlab.app.cluster.MergeService;
import org.reconlab.core.engine.TrialStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Combines the shards of a sharded run into its directory. */
@Command(name = "merge", description = "Combine the shards DIR/shards/I-of-N of a run (see `run --shard`) into DIR:"
        + " trials.csv, series.csv, manifest.json; checks every planned trial is present exactly once.")
final class MergeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "the --out directory the shards were run into")
    Path directory;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws IOException {
        MergeService.Outcome outcome = new MergeService().merge(directory);
        command.commandLine().getOut().printf("%s: merged %d trials from %d shards: %d done, %d diverged, %d failed%n",
                directory, outcome.trials().size(), outcome.shards(), outcome.count(TrialStatus.DONE),
                outcome.count(TrialStatus.DIVERGED), outcome.count(TrialStatus.FAILED));
        return outcome.count(TrialStatus.FAILED) > 0 ? Main.FAILURE : Main.OK;
    }
}
