package org.reconlab.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reconlab.app.spec.SpecError;
import org.reconlab.app.spec.SpecLoader;

/** An experiment built in code is the spec a file would hold, checked by the same parser. */
class ExperimentTest {

    private static Experiment.Builder toy() {
        return Experiment.builder("toy").seed(42).trials(2)
                .problem("toy-vector", "n", 5)
                .measurement("toy-gaussian", "m", 30)
                .model("toy-linear")
                .optimizer("gradient-descent", "step", 0.5, "iterations", 40)
                .metrics("relative-error", "train-loss")
                .recordEvery(20)
                .sweep("optimizer.step", 0.2, 0.5);
    }

    @Test
    void builtInCodeItIsTheSpecOfTheSameFile() {
        String file = """
                name: toy
                seed: 42
                trials: 2
                problem:     { plugin: toy-vector, n: 5 }
                measurement: { plugin: toy-gaussian, m: 30 }
                model:       { plugin: toy-linear }
                optimizer:   { plugin: gradient-descent, step: 0.5, iterations: 40 }
                metrics:     [relative-error, train-loss]
                record-every: 20
                sweep:       { optimizer.step: [0.2, 0.5] }
                """;
        Experiment built = toy().build();

        assertThat(built.spec().resolved()).isEqualTo(SpecLoader.parse("toy.yaml", file, false, List.of()).resolved());
        assertThat(built.spec().spec()).isEqualTo(SpecLoader.parse("toy.yaml", file, false, List.of()).spec());
    }

    @Test
    void runsInMemoryOneTrialPerSweepPointAndRepetition() {
        var result = Reconlab.withBuiltInPlugins().run(toy().build(), 1);

        assertThat(result.trials()).hasSize(4);
        assertThat(result.trials()).allSatisfy(t -> assertThat(t.finalMetric("relative-error")).isFinite());
    }

    @Test
    void badValuesAreRefusedAsInAFileNamingTheKey() {
        Reconlab reconlab = Reconlab.withBuiltInPlugins();
        assertThatThrownBy(() -> reconlab.run(toy().measurement("toy-gaussian", "m", 30, "mm", 4).build(), 1))
                .isInstanceOf(SpecError.class).hasMessageContaining("mm").hasMessageContaining("allowed");
        assertThatThrownBy(() -> toy().trials(0).build()).isInstanceOf(SpecError.class).hasMessageContaining("trials");
        assertThatThrownBy(() -> toy().problem("toy-vector", "n").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pairs");
        assertThatThrownBy(() -> reconlab.run(toy().problem("toy-vector", "n", -1).build(), 1))
                .isInstanceOf(SpecError.class).hasMessageContaining("problem.n");
    }
}
