package org.reconlab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
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
import org.reconlab.core.toy.ToyPlugin;

class StochasticGradientDescentTest {

    private static final ComponentRegistry REGISTRY = ComponentRegistry.fromPlugins(List.of(new CorePlugin(), new ToyPlugin()));

    private static PipelineSpec toy(int batch, int iterations) {
        return new PipelineSpec(
                ComponentSpec.of("toy-vector", Map.of("n", 5)),
                Optional.of(ComponentSpec.of("toy-gaussian", Map.of("m", 40))),
                ComponentSpec.of("toy-linear"),
                ComponentSpec.of("sgd", Map.of("step", 0.1, "iterations", iterations, "batch-size", batch)),
                List.of(ComponentSpec.of("relative-error"), ComponentSpec.of("train-loss")), 100);
    }

    @Test
    void miniBatchesSolveAConsistentLeastSquaresProblem() {
        // Noiseless and consistent: every batch gradient vanishes at w*, so a constant step converges linearly.
        ExperimentResult result = new ExperimentRunner(REGISTRY).run(ExperimentSpec.single("sgd", 3, 2, toy(4, 3000)), 2);
        for (TrialResult trial : result.trials()) {
            assertThat(trial.status()).isEqualTo(TrialStatus.DONE);
            assertThat(trial.finalMetric("relative-error")).isLessThan(1e-8);
        }
    }

    @Test
    void sameSeedSameSeriesWithOneAndTwoThreadsAndBatchesDifferAcrossTrials() {
        ExperimentSpec spec = ExperimentSpec.single("sgd", 5, 2, toy(1, 300));
        ExperimentResult one = new ExperimentRunner(REGISTRY).run(spec, 1);
        ExperimentResult two = new ExperimentRunner(REGISTRY).run(spec, 2);
        for (int i = 0; i < 2; i++) {
            assertThat(two.trial(i).series()).isEqualTo(one.trial(i).series());
        }
        assertThat(one.trial(0).finalMetric("relative-error")).isNotEqualTo(one.trial(1).finalMetric("relative-error"));
    }

    @Test
    void batchesAreDistinctRowsDrawnUniformly() {
        int m = 10;
        int[] order = new int[m];
        Arrays.setAll(order, i -> i);
        int[] batch = new int[3];
        int[] counts = new int[m];
        SplittableRandom random = new SplittableRandom(6);
        int draws = 20_000;
        for (int t = 0; t < draws; t++) {
            StochasticGradientDescent.sample(order, batch, random);
            assertThat(batch[0]).isNotEqualTo(batch[1]).isNotEqualTo(batch[2]);
            assertThat(batch[1]).isNotEqualTo(batch[2]);
            for (int row : batch) {
                counts[row]++;
            }
        }
        // Each row is in a batch with probability 3/10; standard error of the frequency sqrt(0.21 / 20000) = 0.0032.
        List<Double> frequencies = new ArrayList<>();
        for (int count : counts) {
            frequencies.add(count / (double) draws);
        }
        assertThat(frequencies).allSatisfy(f -> assertThat(f).isCloseTo(0.3, within(0.015)));
    }
}
