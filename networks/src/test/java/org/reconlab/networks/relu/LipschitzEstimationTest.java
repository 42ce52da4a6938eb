package org.reconlab.networks.relu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import org.reconlab.core.engine.SeriesPoint;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;
import org.reconlab.core.stats.LogLogFit;
import org.reconlab.networks.NetworksPlugin;

/** The Lipschitz pipeline end to end through the programmatic API. */
class LipschitzEstimationTest {

    private static final ComponentRegistry REGISTRY =
            ComponentRegistry.fromPlugins(List.of(new CorePlugin(), new NetworksPlugin()));
    private static final List<Object> EXPONENTS = List.of(1.0, 1.5, 2.0, 4.0, Double.POSITIVE_INFINITY);
    private static final List<ComponentSpec> ALL_METRICS = List.of(ComponentSpec.of("lipschitz-lower-bound"),
            ComponentSpec.of("lipschitz-averaged-bound"), ComponentSpec.of("lipschitz-product-bound"),
            ComponentSpec.of("lipschitz-prediction"));

    private static PipelineSpec pipeline(Map<String, Object> problem, Map<String, Object> ascent, List<ComponentSpec> metrics) {
        return new PipelineSpec(ComponentSpec.of("relu-network", problem), Optional.empty(),
                ComponentSpec.of("lipschitz-probe"), ComponentSpec.of("lipschitz-ascent", ascent), metrics, 50);
    }

    private static ExperimentResult run(ExperimentSpec spec) {
        ExperimentResult result = new ExperimentRunner(REGISTRY).run(spec, 2);
        assertThat(result.trials()).allSatisfy(t -> assertThat(t.status()).as(t.message()).isEqualTo(TrialStatus.DONE));
        return result;
    }

    @Test
    void exactConstantOfPlanarNetworksLiesBetweenTheLowerAndTheUpperBounds() {
        List<ComponentSpec> metrics = new ArrayList<>(ALL_METRICS);
        metrics.add(ComponentSpec.of("lipschitz-exact-2d"));
        Map<String, Map<String, Object>> networks = new LinkedHashMap<>();
        networks.put("shallow", Map.of("problem.widths", List.of(16)));
        networks.put("two-layers", Map.of("problem.widths", List.of(8, 8)));
        networks.put("three-layers", Map.of("problem.widths", List.of(6, 6, 6), "problem.bias", "rademacher"));
        ExperimentSpec spec = new ExperimentSpec("planar", 7, 3,
                pipeline(Map.of("d", 2, "widths", List.of(4)), Map.of("starts", 32, "steps", 100), metrics),
                Map.of("model.p", EXPONENTS), networks);
        ExperimentResult result = run(spec);
        assertThat(result.trials()).hasSize(45);
        double ratios = 0;
        int exactHits = 0;
        for (TrialResult trial : result.trials()) {
            double lower = trial.finalMetric("lipschitz-lower-bound");
            double exact = trial.finalMetric("lipschitz-exact-2d");
            double averaged = trial.finalMetric("lipschitz-averaged-bound");
            double product = trial.finalMetric("lipschitz-product-bound");
            assertThat(lower).as("%s", trial.sweepValues()).isPositive().isLessThanOrEqualTo(exact * (1 + 1e-12));
            assertThat(exact).as("%s", trial.sweepValues()).isLessThanOrEqualTo(averaged);
            assertThat(averaged).isLessThanOrEqualTo(product);
            ratios += lower / exact;
            if (lower >= exact * (1 - 1e-9)) {
                exactHits++;
            }
        }
        // The ascent is a heuristic, but on planar networks it usually finds the best region.
        assertThat(ratios / result.trials().size()).isGreaterThan(0.95);
        assertThat(exactHits).isGreaterThanOrEqualTo(30);
    }

    @Test
    void lowerBoundNeverDecreasesAndUpperBoundsAreConstantOverTheRun() {
        ExperimentResult result = run(ExperimentSpec.single("series", 3, 1,
                pipeline(Map.of("d", 6, "width", 30, "depth", 2), Map.of("starts", 4, "steps", 50), ALL_METRICS)));
        TrialResult trial = result.trials().get(0);
        assertThat(trial.iterations()).isEqualTo(200);
        List<SeriesPoint> lower = trial.series("lipschitz-lower-bound");
        assertThat(lower).hasSize(5);
        for (int k = 1; k < lower.size(); k++) {
            assertThat(lower.get(k).value()).isGreaterThanOrEqualTo(lower.get(k - 1).value());
        }
        assertThat(trial.series("lipschitz-product-bound")).extracting(SeriesPoint::value).containsOnly(
                trial.finalMetric("lipschitz-product-bound"));
    }

    @Test
    void sameSeedSameNumbersWhateverTheThreadCount() {
        ExperimentSpec spec = new ExperimentSpec("repeat", 11, 2,
                pipeline(Map.of("d", 5, "width", 20), Map.of("starts", 3, "steps", 20), ALL_METRICS),
                Map.of("model.p", List.of(1.0, 3.0)), Map.of());
        ExperimentResult once = new ExperimentRunner(REGISTRY).run(spec, 1);
        ExperimentResult twice = new ExperimentRunner(REGISTRY).run(spec, 2);
        for (int i = 0; i < once.trials().size(); i++) {
            assertThat(twice.trials().get(i).finalMetrics()).isEqualTo(once.trials().get(i).finalMetrics());
        }
    }

    @Test
    void shallowNetworkConstantScalesInDimensionLikeTheGaussianNorm() {
        // Width 8d, d = 8..64: the fitted slope of the lower bound in d follows that of E||g||_q
        // (1/2 for p <= 2, 1 - 1/p for p >= 2) and the p = inf constant grows twice as fast as the p = 2 one.
        ExperimentSpec spec = new ExperimentSpec("scaling", 5, 1,
                pipeline(Map.of("d", 8, "width-ratio", 8.0), Map.of("starts", 8, "steps", 60), ALL_METRICS),
                sweep("model.p", List.of(2.0, 4.0, Double.POSITIVE_INFINITY), "problem.d", List.of(8, 16, 32, 64)),
                Map.of());
        ExperimentResult result = run(spec);
        Map<Double, Double> expected = Map.of(2.0, 0.5, 4.0, 0.75, Double.POSITIVE_INFINITY, 1.0);
        for (Map.Entry<Double, Double> entry : expected.entrySet()) {
            List<Double> d = new ArrayList<>();
            List<Double> lower = new ArrayList<>();
            List<Double> prediction = new ArrayList<>();
            List<Double> averaged = new ArrayList<>();
            for (TrialResult trial : result.trials()) {
                if (trial.sweepValues().get("model.p").equals(entry.getKey())) {
                    d.add(((Integer) trial.sweepValues().get("problem.d")).doubleValue());
                    lower.add(trial.finalMetric("lipschitz-lower-bound"));
                    prediction.add(trial.finalMetric("lipschitz-prediction"));
                    averaged.add(trial.finalMetric("lipschitz-averaged-bound"));
                }
            }
            assertThat(LogLogFit.fit(d, prediction).slope()).isCloseTo(entry.getValue(), within(0.02));
            assertThat(LogLogFit.fit(d, lower).slope()).as("p = %s", entry.getKey())
                    .isCloseTo(entry.getValue(), within(0.12));
            for (int k = 0; k < d.size(); k++) {
                // Same order as the prediction: within a factor 4 either way.
                assertThat(lower.get(k) / prediction.get(k)).isBetween(0.25, 4.0);
                assertThat(averaged.get(k)).isGreaterThan(lower.get(k));
            }
        }
    }

    @Test
    void incompatibleComponentsFailWhenThePipelineIsBuilt() {
        assertThatThrownBy(() -> run(ExperimentSpec.single("bad", 1, 1,
                pipeline(Map.of("d", 3), Map.of(), List.of(ComponentSpec.of("lipschitz-exact-2d"))))))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("d = 2").hasMessageContaining("d = 3");
        assertThatThrownBy(() -> run(ExperimentSpec.single("bad", 1, 1, new PipelineSpec(
                ComponentSpec.of("relu-network", Map.of("d", 3)), Optional.empty(), ComponentSpec.of("lipschitz-probe"),
                ComponentSpec.of("gradient-descent", Map.of("step", 0.1)), List.of(), 1))))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("measurement");
        assertThatThrownBy(() -> run(ExperimentSpec.single("bad", 1, 1, new PipelineSpec(
                ComponentSpec.of("relu-network", Map.of("d", 3)), Optional.empty(), ComponentSpec.of("lipschitz-probe"),
                ComponentSpec.of("lipschitz-ascent"), List.of(ComponentSpec.of("relative-error")), 1))))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("function on R^3");
    }

    private static Map<String, List<Object>> sweep(String key1, List<Object> values1, String key2, List<Object> values2) {
        Map<String, List<Object>> sweep = new LinkedHashMap<>();
        sweep.put(key1, values1);
        sweep.put(key2, values2);
        return sweep;
    }
}
