package org.reconlab.app.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reconlab.app.spec.SpecLoader;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ExperimentResult;
import org.reconlab.core.engine.ExperimentRunner;
import org.reconlab.core.engine.ExperimentSpec;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;

/** Runs every example of {@code examples/sensing} in quick mode and checks the phenomenon it is there to show. */
class SensingExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "sensing");

    private static ExperimentResult runQuick(String name) {
        Path file = EXAMPLES.resolve(name + ".yaml");
        assertThat(file).exists();
        ExperimentSpec spec = SpecLoader.load(file, true, List.of());
        return new ExperimentRunner(ComponentRegistry.discover()).run(spec, 2);
    }

    private static double sweepValue(TrialResult trial, String key) {
        return ((Number) trial.sweepValues().get(key)).doubleValue();
    }

    @Test
    void everySensingExampleIsCoveredHere() throws Exception {
        List<String> tested = List.of("small-init-psd");
        try (var files = Files.list(EXAMPLES)) {
            assertThat(files.map(p -> p.getFileName().toString().replace(".yaml", "")).sorted().toList())
                    .containsExactlyInAnyOrderElementsOf(tested);
        }
    }

    /** SCIENCE.md section 1: the test error falls with the initialization scale; the smallest scale recovers X*. */
    @Test
    void smallInitPsd() {
        List<TrialResult> trials = runQuick("small-init-psd").trials();
        assertThat(trials).allMatch(t -> t.status() == TrialStatus.DONE);
        List<TrialResult> byScale = trials.stream()
                .sorted((a, b) -> Double.compare(sweepValue(b, "model.scale"), sweepValue(a, "model.scale"))).toList();
        for (int i = 1; i < byScale.size(); i++) {
            assertThat(byScale.get(i).finalMetric("test-error")).isLessThan(byScale.get(i - 1).finalMetric("test-error"));
        }
        assertThat(byScale.get(byScale.size() - 1).finalMetric("relative-error")).isLessThan(1e-3);
    }
}
