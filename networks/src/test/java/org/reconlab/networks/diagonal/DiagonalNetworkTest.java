package org.reconlab.networks.diagonal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
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
import org.reconlab.core.stats.LogLogFit;
import org.reconlab.networks.NetworksPlugin;

/** Gradient flow of diagonal networks ends near the l1 minimizer, the closer the smaller the start (docs/science.md §3). */
class DiagonalNetworkTest {

    private static final ComponentRegistry REGISTRY =
            ComponentRegistry.fromPlugins(List.of(new CorePlugin(), new NetworksPlugin()));

    static PipelineSpec pipeline(int d, int n, int sparsity) {
        return new PipelineSpec(ComponentSpec.of("sparse-vector", Map.of("d", d, "sparsity", sparsity)),
                Optional.of(ComponentSpec.of("gaussian-design", Map.of("n", n))),
                ComponentSpec.of("diagonal-network", Map.of("depth", 2, "product-scale", 1e-3)),
                ComponentSpec.of("gradient-flow", Map.of("method", "rosenbrock", "time", 1e20, "loss-tolerance", 1e-22,
                        "relative-tolerance", 1e-6)),
                List.of(ComponentSpec.of("l1-gap"), ComponentSpec.of("train-loss")), 1000);
    }

    @Test
    void gapShrinksLinearlyInTheProductScaleForDepthThreeAndSlowerForDepthTwo() {
        Map<String, List<Object>> sweep = new LinkedHashMap<>();
        sweep.put("model.depth", List.of(2, 3));
        sweep.put("model.product-scale", List.of(1e-4, 1e-6, 1e-8));
        ExperimentResult result = new ExperimentRunner(REGISTRY).run(
                new ExperimentSpec("diagonal", 3, 1, pipeline(16, 8, 1), sweep, Map.of()), 2);
        Map<Integer, Double> slopes = new LinkedHashMap<>();
        for (int depth : new int[] {2, 3}) {
            List<Double> scales = new ArrayList<>();
            List<Double> gaps = new ArrayList<>();
            for (TrialResult trial : result.trials()) {
                assertThat(trial.status()).as(trial.message()).isEqualTo(TrialStatus.DONE);
                assertThat(trial.finalMetric("train-loss")).isLessThanOrEqualTo(1e-22);
                if (trial.sweepValues().get("model.depth").equals(depth)) {
                    scales.add((Double) trial.sweepValues().get("model.product-scale"));
                    gaps.add(trial.finalMetric("l1-gap"));
                }
            }
            // Smaller starts, smaller gaps, at every step of the sweep.
            assertThat(gaps.get(1)).isLessThan(gaps.get(0));
            assertThat(gaps.get(2)).isLessThan(gaps.get(1));
            slopes.put(depth, LogLogFit.fit(scales, gaps).slope());
        }
        assertThat(slopes.get(3)).isBetween(0.85, 1.15);
        assertThat(slopes.get(2)).isBetween(0.2, 0.85);
    }

    @Test
    void theInitializationIsGivenOnce() {
        PipelineSpec both = pipeline(6, 3, 1).with("model.alpha", 0.1);
        assertThatThrownBy(() -> new ExperimentRunner(REGISTRY).run(ExperimentSpec.single("x", 1, 1, both), 1))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("exactly one of alpha and product-scale");
    }
}
