package org.reconlab.app.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.reconlab.app.report.RunData;
import org.reconlab.app.spec.SpecLoader;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ExperimentPlan;
import org.reconlab.core.engine.ExperimentRunner;
import org.reconlab.core.engine.ExperimentSpec;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;

/**
 * Loads and runs the specs of {@code examples/<module>/} for the examples tests, in quick mode.
 *
 * <p>With the system property {@value #RUNS_PROPERTY} set to a directory, an example's trials are read from
 * {@code DIR/<module>-<name>}, where {@code .ci/run} has just run it through the launcher, instead of being run again:
 * CI runs each example once, and these tests assert on what its command line wrote.
 */
final class ExampleRuns {

    /** The directory of finished quick runs, one per example, that the tests read instead of running the examples. */
    static final String RUNS_PROPERTY = "reconlab.example.runs";

    private static final ComponentRegistry REGISTRY = ComponentRegistry.discover();

    private ExampleRuns() {
    }

    static Path file(String module, String name) {
        Path file = Path.of("..", "examples", module, name + ".yaml");
        assertThat(file).exists();
        return file;
    }

    /** The example with its quick section and then {@code sets} applied. */
    static ExperimentSpec quickSpec(String module, String name, String... sets) {
        return SpecLoader.load(file(module, name), true, List.of(sets));
    }

    /**
     * Runs the example in quick mode on two threads, or reads its finished run (see {@link #RUNS_PROPERTY}) when no
     * {@code sets} change it; every trial must finish as done.
     */
    static List<TrialResult> runQuick(String module, String name, String... sets) {
        List<TrialResult> trials = quickTrials(module, name, sets);
        assertThat(trials).as("trials of %s", name).isNotEmpty()
                .allSatisfy(t -> assertThat(t.status()).as("%s: %s", t.sweepValues(), t.message())
                        .isEqualTo(TrialStatus.DONE));
        return trials;
    }

    /**
     * Like {@link #runQuick}, where a diverged trial is an outcome the example counts (as a failure, say); every trial
     * must finish as done or diverged.
     */
    static List<TrialResult> runQuickAllowingDivergence(String module, String name, String... sets) {
        List<TrialResult> trials = quickTrials(module, name, sets);
        assertThat(trials).as("trials of %s", name).isNotEmpty()
                .allSatisfy(t -> assertThat(t.status()).as("%s: %s", t.sweepValues(), t.message())
                        .isIn(TrialStatus.DONE, TrialStatus.DIVERGED));
        return trials;
    }

    private static List<TrialResult> quickTrials(String module, String name, String... sets) {
        ExperimentSpec spec = quickSpec(module, name, sets);
        String runs = System.getProperty(RUNS_PROPERTY);
        return runs != null && sets.length == 0
                ? finishedRun(Path.of(runs).resolve(module + "-" + name), spec)
                : new ExperimentRunner(REGISTRY).run(spec, 2).trials();
    }

    /** The trials of the quick run of {@code spec} in {@code directory}, every planned one of them. */
    private static List<TrialResult> finishedRun(Path directory, ExperimentSpec spec) {
        RunData run;
        try {
            run = RunData.read(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(run.manifest()).as("manifest of %s", directory).containsEntry("name", spec.name())
                .containsEntry("quick", true);
        assertThat(run.trials()).as("trials of %s", directory)
                .hasSize(ExperimentPlan.build(spec, REGISTRY).trials().size());
        return run.trials();
    }

    static double sweepValue(TrialResult trial, String key) {
        return ((Number) trial.sweepValues().get(key)).doubleValue();
    }

    /** The folder holds exactly these examples (so none goes untested), and each builds at paper scale too. */
    static void assertFolderHoldsExactly(String module, List<String> names) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "examples", module))) {
            assertThat(files.map(p -> p.getFileName().toString().replace(".yaml", "")).toList())
                    .containsExactlyInAnyOrderElementsOf(names);
        }
        for (String name : names) {
            assertThat(ExperimentPlan.build(SpecLoader.load(file(module, name), false, List.of()), REGISTRY).trials())
                    .as(name).isNotEmpty();
        }
    }
}
