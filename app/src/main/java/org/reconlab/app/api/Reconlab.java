package org.reconlab.app.api;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.reconlab.app.run.RunService;
import org.reconlab.app.wiring.PluginModule;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ExperimentResult;
import org.reconlab.core.engine.ExperimentRunner;
import org.reconlab.core.engine.HeapCapacity;
import org.reconlab.core.engine.TrialListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * reconlab from Java: runs an {@link Experiment} in memory, or into a directory exactly as {@code reconlab run} does
 * ({@code trials.csv}, {@code series.csv}, {@code manifest.json}, the trial files, plots and {@code report.html};
 * running again into the same directory resumes). Obtain one with the built-in plugins, or with plugin paths as
 * {@code --plugins} takes them.
 */
public final class Reconlab {

    private static final Logger log = LoggerFactory.getLogger(Reconlab.class);

    private final Injector injector;

    private Reconlab(List<Path> pluginPaths) {
        this.injector = Guice.createInjector(PluginModule.discovered(pluginPaths));
    }

    /** reconlab with the plugins on the class path. */
    public static Reconlab withBuiltInPlugins() {
        return new Reconlab(List.of());
    }

    /**
     * reconlab with the plugins on the class path and those under {@code pluginPaths} (see {@code --plugins}).
     *
     * @throws org.reconlab.app.plugin.PluginLoadException if a path holds no plugin or two plugins clash
     */
    public static Reconlab withPlugins(Path... pluginPaths) {
        return new Reconlab(List.of(pluginPaths));
    }

    /** Every component of every plugin. */
    public ComponentRegistry registry() {
        return injector.getInstance(ComponentRegistry.class);
    }

    /** Runs every trial on {@code threads} threads and returns the results, writing nothing. */
    public ExperimentResult run(Experiment experiment, int threads) {
        return new ExperimentRunner(registry())
                .run(experiment.spec().plan(registry(), threads, HeapCapacity.longLivedBytes()), threads,
                        Set.of(), TrialListener.NONE);
    }

    /**
     * Runs into {@code directory} exactly as {@code reconlab run SPEC --out DIRECTORY --threads THREADS} does, and
     * returns the results of every trial, kept ones included.
     *
     * @throws org.reconlab.app.spec.SpecError if the experiment does not build or the directory holds another run
     * @throws IOException if the directory cannot be written
     */
    public ExperimentResult runInto(Experiment experiment, Path directory, int threads) throws IOException {
        requireNonNull(directory, "directory is null");
        RunService.Outcome outcome = injector.getInstance(RunService.class)
                .run(experiment.spec(), directory, threads, TrialListener.NONE);
        // the command line prints these itself; a program hears of them through its log
        outcome.warnings().forEach(warning -> log.warn("{}", warning));
        return new ExperimentResult(experiment.spec().spec(), outcome.trials());
    }
}
