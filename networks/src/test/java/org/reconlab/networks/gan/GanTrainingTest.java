package org.reconlab.networks.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
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
import org.reconlab.core.engine.InvalidSpecException;
import org.reconlab.core.engine.PipelineSpec;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;
import org.reconlab.networks.NetworksPlugin;

/** Gradient descent/ascent finds the global saddle point once the generator is wide enough (docs/science.md §4). */
class GanTrainingTest {

    private static final ComponentRegistry REGISTRY =
            ComponentRegistry.fromPlugins(List.of(new CorePlugin(), new NetworksPlugin()));

    static PipelineSpec pipeline() {
        return new PipelineSpec(ComponentSpec.of("generator-samples", Map.of("m", 5, "n", 20)),
                Optional.of(ComponentSpec.of("sample-mean")), ComponentSpec.of("gan-generator", Map.of("width", 10)),
                ComponentSpec.of("gda", Map.of("step", 0.5, "iterations", 1000)),
                List.of(ComponentSpec.of("moment-gap"), ComponentSpec.of("discriminator-norm")), 250);
    }

    @Test
    void successRateGrowsWithTheGeneratorsWidth() {
        Map<String, List<Object>> sweep = new LinkedHashMap<>();
        sweep.put("model.width", List.of(2, 40));
        Map<String, Map<String, Object>> variants = new LinkedHashMap<>();
        variants.put("simultaneous", Map.of());
        variants.put("alternating", Map.of("optimizer.mode", "alternating"));
        ExperimentResult result = new ExperimentRunner(REGISTRY).run(
                new ExperimentSpec("gan", 10, 6, pipeline(), sweep, variants), 2);
        Map<String, Integer> successes = new LinkedHashMap<>();
        for (TrialResult trial : result.trials()) {
            assertThat(trial.status()).as(trial.message()).isEqualTo(TrialStatus.DONE);
            String key = trial.sweepValues().get("variant") + "/" + trial.sweepValues().get("model.width");
            boolean success = trial.finalMetric("moment-gap") < 1e-6;
            successes.merge(key, success ? 1 : 0, Integer::sum);
            if (success) {
                // At a global saddle point the discriminator has nothing left to see.
                assertThat(trial.finalMetric("discriminator-norm")).isLessThan(1e-5);
            }
        }
        // Width 2 < m = 5 cannot reach a generic mean (the generated means form a 2-dimensional cone);
        // width 40 reaches it in every trial.
        assertThat(successes).containsEntry("simultaneous/2", 0).containsEntry("alternating/2", 0)
                .containsEntry("simultaneous/40", 6).containsEntry("alternating/40", 6);
    }

    /**
     * A student whose output layer contains the teacher's reaches the data mean at every width k >= k* (best gap 0),
     * an independent one below m cannot; a run that succeeds records when it first got there.
     */
    @Test
    void containingTheTeacherMakesTheMeanReachableAtEveryWidth() {
        Map<String, List<Object>> sweep = new LinkedHashMap<>();
        sweep.put("model.width", List.of(2, 3, 40));
        Map<String, Map<String, Object>> variants = new LinkedHashMap<>();
        variants.put("contains-teacher", Map.of("model.output-layer", "contains-teacher"));
        variants.put("independent", Map.of());
        PipelineSpec pipeline = new PipelineSpec(
                ComponentSpec.of("generator-samples", Map.of("m", 5, "n", 20, "teacher-width", 2)),
                Optional.of(ComponentSpec.of("sample-mean")), ComponentSpec.of("gan-generator", Map.of("width", 10)),
                ComponentSpec.of("gda", Map.of("step", 0.5, "iterations", 2000)),
                List.of(ComponentSpec.of("moment-gap"), ComponentSpec.of("best-moment-gap"),
                        ComponentSpec.of("iterations-to-moment-gap")), 10);
        ExperimentResult result = new ExperimentRunner(REGISTRY).run(
                new ExperimentSpec("gan-teacher", 3, 4, pipeline, sweep, variants), 2);
        for (TrialResult trial : result.trials()) {
            assertThat(trial.status()).as(trial.message()).isEqualTo(TrialStatus.DONE);
            double best = trial.finalMetric("best-moment-gap");
            double reached = trial.finalMetric("moment-gap");
            // No W beats the cone's distance.
            assertThat(reached).as("%s", trial.sweepValues()).isGreaterThanOrEqualTo(best * (1 - 1e-9) - 1e-14);
            if (trial.sweepValues().get("variant").equals("contains-teacher")) {
                assertThat(best).as("%s", trial.sweepValues()).isLessThan(1e-12);
            } else if ((Integer) trial.sweepValues().get("model.width") < 5) {
                assertThat(best).as("%s", trial.sweepValues()).isGreaterThan(1e-3);
            }
            double iterations = trial.finalMetric("iterations-to-moment-gap");
            if (reached <= 1e-6) {
                assertThat(iterations).isBetween(0.0, 2000.0);
                assertThat(iterations % 10).isZero();
                double gapThen = trial.series("moment-gap").stream().filter(p -> p.iteration() == (int) iterations)
                        .findFirst().orElseThrow().value();
                assertThat(gapThen).isLessThanOrEqualTo(1e-6);
            } else {
                assertThat(iterations).isNaN();
            }
        }
    }

    @Test
    void containsTeacherNeedsAWideEnoughStudentOfAGeneratorProblem() {
        PipelineSpec narrow = new PipelineSpec(
                ComponentSpec.of("generator-samples", Map.of("m", 5, "n", 20, "teacher-width", 4)),
                Optional.of(ComponentSpec.of("sample-mean")),
                ComponentSpec.of("gan-generator", Map.of("width", 3, "output-layer", "contains-teacher")),
                ComponentSpec.of("gda", Map.of("step", 0.5)), List.of(), 1);
        assertThatThrownBy(() -> new ExperimentRunner(REGISTRY).run(ExperimentSpec.single("x", 1, 1, narrow), 1))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("teacher-width = 4")
                .hasMessageContaining("width 3");
    }

    @Test
    void gdaNeedsAMinMaxModel() {
        PipelineSpec wrong = new PipelineSpec(ComponentSpec.of("sparse-vector", Map.of("d", 5)),
                Optional.of(ComponentSpec.of("gaussian-design", Map.of("n", 3))),
                ComponentSpec.of("diagonal-network", Map.of("alpha", 0.1)), ComponentSpec.of("gda", Map.of("step", 0.1)),
                List.of(), 1);
        assertThatThrownBy(() -> new ExperimentRunner(REGISTRY).run(ExperimentSpec.single("x", 1, 1, wrong), 1))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("SaddlePointModel")
                .hasMessageContaining("diagonal-network");
    }
}
