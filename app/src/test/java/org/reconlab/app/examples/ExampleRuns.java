package org.reconlab.app.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.reconlab.app.spec.SpecLoader;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ExperimentPlan;
import org.reconlab.core.engine.ExperimentRunner;
import org.reconlab.core.engine.ExperimentSpec;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;

/** Loads and runs the specs of {@code examples/<module>/} for the examples tests, as CI does in quick mode. */
final class ExampleRuns {

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

    /** Runs the example in quick mode on two threads; every trial must finish as done. */
    static List<TrialResult> runQuick(String module, String name, String... sets) {
        List<TrialResult> trials = new ExperimentRunner(REGISTRY).run(quickSpec(module, name, sets), 2).trials();
        assertThat(trials).as("trials of %s", name).isNotEmpty()
                .allSatisfy(t -> assertThat(t.status()).as("%s: %s", t.sweepValues(), t.message())
                        .isEqualTo(TrialStatus.DONE));
        return trials;
    }

    /**
     * Runs the example in quick mode on two threads, where a diverged trial is an outcome the example counts (as a
     * failure, say); every trial must finish as done or diverged.
     */
    static List<TrialResult> runQuickAllowingDivergence(String module, String name, String... sets) {
        List<TrialResult> trials = new ExperimentRunner(REGISTRY).run(quickSpec(module, name, sets), 2).trials();
        assertThat(trials).as("trials of %s", name).isNotEmpty()
                .allSatisfy(t -> assertThat(t.status()).as("%s: %s", t.sweepValues(), t.message())
                        .isIn(TrialStatus.DONE, TrialStatus.DIVERGED));
        return trials;
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
