package org.reconlab.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.reconlab.app.cluster.SlurmScripts;
import org.reconlab.app.spec.LoadedSpec;
import org.reconlab.app.spec.SpecError;
import org.reconlab.core.engine.ComponentRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Writes the Slurm job array and merge scripts for a spec (see {@link SlurmScripts}). */
@Command(name = "slurm", description = "Write DIR/slurm/run.sbatch (a job array, one task per shard), merge.sbatch"
        + " and submit.sh, which submits both, the merge with --dependency=afterok on the array.")
final class SlurmCommand implements Callable<Integer> {

    /** Default number of shards: one per trial, up to this many. */
    static final int DEFAULT_MAX_SHARDS = 16;

    @ParentCommand
    Main main;

    @Mixin
    SpecOptions options = new SpecOptions();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "run directory the shards and the merge write")
    Path out;

    @Option(names = "--shards", paramLabel = "N",
            description = "array tasks, each running every N-th trial (default: one per trial, at most "
                    + DEFAULT_MAX_SHARDS + ")")
    Integer shards;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "CPUs each array task asks for and threads its run uses (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--save-arrays", description = "the shards also save each trial's arrays (see `run --save-arrays`)")
    boolean saveArrays;

    @Option(names = "--sbatch", paramLabel = "KEY[=VALUE]",
            description = "extra #SBATCH option for both jobs, e.g. --sbatch partition=short --sbatch time=02:00:00")
    List<String> directives = new ArrayList<>();

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws IOException {
        LoadedSpec spec = options.load();
        int trials = spec.plan(main.injector().getInstance(ComponentRegistry.class)).trials().size();
        int count = shards == null ? Math.min(trials, DEFAULT_MAX_SHARDS) : shards;
        if (count < 1 || count > trials) {
            throw new SpecError("--shards " + count + ": must be between 1 and the experiment's " + trials + " trials");
        }
        List<String> runOptions = new ArrayList<>();
        if (options.quick) {
            runOptions.add("--quick");
        }
        for (String set : options.sets) {
            runOptions.add("--set");
            runOptions.add(set);
        }
        if (saveArrays) {
            runOptions.add("--save-arrays");
        }
        for (Path plugins : main.pluginPaths()) {
            runOptions.add("--plugins");
            runOptions.add(plugins.toAbsolutePath().normalize().toString());
        }
        SlurmScripts.Job job;
        try {
            job = new SlurmScripts.Job(spec.spec().name(), options.spec, out, count, runOptions, threads, directives,
                    SlurmScripts.currentJava(), SlurmScripts.currentJvmOptions(), SlurmScripts.currentClassPath());
        } catch (IllegalArgumentException e) {
            throw new SpecError(e.getMessage());
        }
        Path folder = SlurmScripts.write(job);
        command.commandLine().getOut().printf("%s: wrote %s (%d array tasks of %d trials), %s and %s%n"
                + "submit with: bash %s%n", spec.spec().name(), folder.resolve(SlurmScripts.RUN), count, trials,
                SlurmScripts.MERGE, SlurmScripts.SUBMIT, folder.resolve(SlurmScripts.SUBMIT));
        return Main.OK;
    }
}
