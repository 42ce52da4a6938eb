package org.reconlab.deconvolution;

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
import org.reconlab.core.engine.InvalidSpecException;
import org.reconlab.core.engine.PipelineSpec;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;
import org.reconlab.core.spi.ComponentKind;

/** Blind deconvolution end to end through the programmatic API: convex and non-convex recovery, noise, shapes. */
class DeconvolutionPipelineTest {

    private static final ComponentRegistry REGISTRY =
            ComponentRegistry.fromPlugins(List.of(new CorePlugin(), new DeconvolutionPlugin()));

    private static final List<ComponentSpec> METRICS = List.of(ComponentSpec.of("rank-one-error"),
            ComponentSpec.of("rank-one-recovered"), ComponentSpec.of("relative-error"));

    private static PipelineSpec convex(int k, int n, Map<String, ?> measurement) {
        return new PipelineSpec(ComponentSpec.of("blind-deconvolution", Map.of("k", k, "n", n)),
                Optional.of(ComponentSpec.of("lifted-convolution", measurement)), ComponentSpec.of("matrix-estimate"),
                ComponentSpec.of("nuclear-norm", Map.of("tolerance", 1e-8)), METRICS, 1000);
    }

    private static List<TrialResult> run(PipelineSpec pipeline, int trials) {
        ExperimentResult result = new ExperimentRunner(REGISTRY).run(ExperimentSpec.single("test", 13, trials, pipeline), 2);
        result.trials().forEach(t -> assertThat(t.status()).as(t.message()).isEqualTo(TrialStatus.DONE));
        return result.trials();
    }

    @Test
    void nuclearNormRecoversTheLiftedMatrixExactlyFromEnoughSamples() {
        for (TrialResult trial : run(convex(4, 4, Map.of("length", 32)), 2)) {
            assertThat(trial.finalMetric("rank-one-error")).isLessThan(1e-5);
            assertThat(trial.finalMetric("relative-error")).isLessThan(1e-5);
            assertThat(trial.finalMetric("rank-one-recovered")).isEqualTo(1);
        }
    }

    @Test
    void nuclearNormFailsWithTooFewSamplesAndWithABandLimitedFilter() {
        // L = 6 < K + N - 1: fewer observations than the degrees of freedom of a rank-one 4 x 4 matrix.
        for (TrialResult trial : run(convex(4, 4, Map.of("length", 6)), 2)) {
            assertThat(trial.finalMetric("rank-one-recovered")).isZero();
        }
        // A band-limited filter leaves most frequencies of y empty: coherence L/K, no recovery at any L.
        for (TrialResult trial : run(convex(4, 4, Map.of("length", 32, "basis", "band-limited")), 2)) {
            assertThat(trial.finalMetric("rank-one-error")).isGreaterThan(0.2);
        }
    }

    @Test
    void randomNoiseGivesAnErrorOfTheOrderOfTheNoise() {
        for (TrialResult trial : run(convex(4, 4, Map.of("length", 32, "noise", "random", "noise-level", 0.01)), 2)) {
            assertThat(trial.finalMetric("rank-one-error")).isBetween(1e-3, 5e-2);
        }
    }

    @Test
    void theErrorStaysWithinTwiceTheNoiseOverTheCertifiedConicSingularValue() {
        // ||X_hat - X*|| <= 2 ||e|| / tau_min <= 2 ||e|| / (the certified lower bound) for the oracle eta = ||e||.
        List<ComponentSpec> metrics = List.of(ComponentSpec.of("relative-error"), ComponentSpec.of("error-per-noise"),
                ComponentSpec.of("error-per-root-noise"),
                ComponentSpec.of("conic-singular-value-upper", Map.of("starts", 2, "steps", 300)),
                ComponentSpec.of("conic-singular-value-lower"));
        for (String noise : List.of("random", "adversarial")) {
            PipelineSpec pipeline = new PipelineSpec(ComponentSpec.of("blind-deconvolution", Map.of("k", 4, "n", 4)),
                    Optional.of(ComponentSpec.of("lifted-convolution", Map.of("length", 14, "noise", noise,
                            "noise-level", 1e-3, "search-conic-steps", 200, "search-polish", 2))),
                    ComponentSpec.of("matrix-estimate"), ComponentSpec.of("nuclear-norm", Map.of("tolerance", 1e-9)),
                    metrics, 100_000);
            for (TrialResult trial : run(pipeline, 3)) {
                double lower = trial.finalMetric("conic-singular-value-lower");
                double upper = trial.finalMetric("conic-singular-value-upper");
                double perNoise = trial.finalMetric("error-per-noise");
                double error = trial.finalMetric("relative-error");
                assertThat(lower).as("%s noise", noise).isPositive().isLessThanOrEqualTo(upper);
                assertThat(perNoise).as("%s noise", noise).isPositive().isLessThanOrEqualTo(2 / lower);
                // error / ||e|| and error / sqrt(||e||) describe one error and one noise norm (||X*||_F = 1).
                double noiseNorm = error / perNoise;
                assertThat(trial.finalMetric("error-per-root-noise") * Math.sqrt(noiseNorm))
                        .isCloseTo(error, org.assertj.core.api.Assertions.within(1e-12 * error));
            }
        }
    }

    @Test
    void gradientDescentFromTheSpectralStartRecoversTheFactorsWithoutNoise() {
        PipelineSpec pipeline = new PipelineSpec(ComponentSpec.of("blind-deconvolution", Map.of("k", 4, "n", 4)),
                Optional.of(ComponentSpec.of("lifted-convolution", Map.of("length", 32))),
                ComponentSpec.of("rank-one-factors"), ComponentSpec.of("gradient-descent", Map.of("step", 0.5, "iterations", 600)),
                METRICS, 100);
        for (TrialResult trial : run(pipeline, 2)) {
            assertThat(trial.finalMetric("rank-one-error")).isLessThan(1e-6);
            assertThat(trial.series("rank-one-error").get(0).value()).isGreaterThan(1e-2);
        }
    }

    @Test
    void componentsAreDiscoveredAndIncompatibleShapesFailWhenBuilt() {
        ComponentRegistry discovered = ComponentRegistry.discover();
        assertThat(discovered.entries(ComponentKind.PROBLEM)).containsKey("blind-deconvolution");
        assertThat(discovered.entries(ComponentKind.MEASUREMENT)).containsKey("lifted-convolution");
        assertThat(discovered.entries(ComponentKind.MODEL)).containsKey("rank-one-factors");
        assertThat(discovered.entries(ComponentKind.METRIC)).containsKeys("rank-one-error", "rank-one-recovered");

        PipelineSpec tooShort = convex(8, 4, Map.of("length", 6));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new org.reconlab.core.engine.PipelineBuilder(REGISTRY).build(tooShort))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("K = 8");

        PipelineSpec levelWithoutNoise = convex(4, 4, Map.of("length", 16, "noise-level", 0.1));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new org.reconlab.core.engine.PipelineBuilder(REGISTRY).build(levelWithoutNoise))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("noise-level")
                .hasMessageContaining("'none'");
    }
}
