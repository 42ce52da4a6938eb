package org.reconlab.sensing.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.reconlab.core.CorePlugin;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ComponentSpec;
import org.reconlab.core.engine.ExperimentResult;
import org.reconlab.core.engine.ExperimentRunner;
import org.reconlab.core.engine.ExperimentSpec;
import org.reconlab.core.engine.PipelineSpec;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;
import org.reconlab.sensing.SensingPlugin;

/**
 * docs/science.md §1 end to end through the engine, at d = 20, r = 2, m = 5dr: fully over-parameterized
 * {@code U U^T} from the scaled identity. The model could fit the 200 measurements with a wrong d x d matrix of 400
 * unknowns; small initialization steers gradient descent to the low-rank truth, the more so the smaller alpha.
 */
class SmallInitializationExperimentTest {

    private static final List<Object> SCALES = List.of(1e-1, 1e-2, 1e-4);

    private static ExperimentSpec spec() {
        int d = 20;
        int r = 2;
        PipelineSpec pipeline = new PipelineSpec(
                ComponentSpec.of("psd-low-rank", Map.of("d", d, "rank", r)),
                Optional.of(ComponentSpec.of("gaussian", Map.of("m", 5 * d * r))),
                ComponentSpec.of("factorized-symmetric", Map.of("init", "identity")),
                ComponentSpec.of("gradient-descent", Map.of("step", 0.05, "iterations", 1000)),
                List.of(ComponentSpec.of("relative-error"), ComponentSpec.of("train-loss"), ComponentSpec.of("test-error")),
                50);
        return new ExperimentSpec("small-init-psd", 2018, 1, pipeline, Map.of("model.scale", SCALES), Map.of());
    }

    @Test
    void smallerScaleGeneralizesBetterAndResultsDoNotDependOnThreads() {
        ComponentRegistry registry = ComponentRegistry.fromPlugins(List.of(new CorePlugin(), new SensingPlugin()));
        ExperimentResult twoThreads = new ExperimentRunner(registry).run(spec(), 2);
        List<TrialResult> trials = twoThreads.trials();
        assertThat(trials).hasSize(SCALES.size()).allMatch(t -> t.status() == TrialStatus.DONE);

        assertThat(trials.get(2).sweepValues()).containsEntry("model.scale", 1e-4);
        assertThat(trials.get(2).finalMetric("relative-error")).isLessThan(1e-3);
        for (int i = 1; i < trials.size(); i++) {
            assertThat(trials.get(i).finalMetric("test-error"))
                    .as("test error at scale %s below that at %s", SCALES.get(i), SCALES.get(i - 1))
                    .isLessThan(trials.get(i - 1).finalMetric("test-error") / 3);
        }
        // The largest scale does fit the training data (train loss tiny against the initial one) yet generalizes
        // worse: the gap is implicit regularization, not under-fitting.
        TrialResult large = trials.get(0);
        assertThat(large.finalMetric("train-loss")).isLessThan(1e-3 * large.series("train-loss").get(0).value());
        assertThat(large.finalMetric("test-error")).isGreaterThan(0.01);

        ExperimentResult oneThread = new ExperimentRunner(registry).run(spec(), 1);
        for (int i = 0; i < trials.size(); i++) {
            assertThat(oneThread.trials().get(i).series()).isEqualTo(trials.get(i).series());
        }
    }
}
