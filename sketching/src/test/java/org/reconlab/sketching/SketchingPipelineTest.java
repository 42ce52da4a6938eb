package org.reconlab.sketching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reconlab.core.CorePlugin;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ComponentSpec;
import org.reconlab.core.engine.ExperimentResult;
import org.reconlab.core.engine.ExperimentRunner;
import org.reconlab.core.engine.ExperimentSpec;
import org.reconlab.core.engine.InvalidSpecException;
import org.reconlab.core.engine.Pipeline;
import org.reconlab.core.engine.PipelineBuilder;
import org.reconlab.core.engine.PipelineSpec;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;
import org.reconlab.core.problem.LowRankProblem;
import org.reconlab.core.spi.ComponentKind;
import org.reconlab.sketching.measurement.SketchMeasurement;
import org.reconlab.sketching.testmatrix.TestMatrixKind;

/** The plugin end to end: discovery, building pipelines from specs, running trials, and spec errors. */
class SketchingPipelineTest {

    private static final ComponentRegistry REGISTRY = ComponentRegistry.fromPlugins(List.of(new CorePlugin(),
            new SketchingPlugin()));

    @Test
    void pluginIsDiscoveredWithEveryFactory() {
        ComponentRegistry discovered = ComponentRegistry.discover();
        Map<String, ComponentKind> expected = new LinkedHashMap<>();
        expected.put("low-tubal-rank", ComponentKind.PROBLEM);
        expected.put("sketch", ComponentKind.MEASUREMENT);
        expected.put("tensor-sketch", ComponentKind.MEASUREMENT);
        expected.put("double-sketch", ComponentKind.OPTIMIZER);
        expected.put("orthonormal-double-sketch", ComponentKind.OPTIMIZER);
        expected.put("randomized-svd", ComponentKind.OPTIMIZER);
        expected.put("tensor-double-sketch", ComponentKind.OPTIMIZER);
        expected.put("best-rank-error", ComponentKind.METRIC);
        expected.put("best-rank-ratio", ComponentKind.METRIC);
        expected.put("sketch-error-bound", ComponentKind.METRIC);
        expected.forEach((name, kind) -> {
            ComponentRegistry.Entry entry = discovered.find(name).orElseThrow(() -> new AssertionError(name + " not found"));
            assertThat(entry.kind()).as(name).isEqualTo(kind);
            assertThat(entry.module()).as(name).isEqualTo("sketching");
            assertThat(entry.factory().description()).as(name).isNotBlank();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"double-sketch", "orthonormal-double-sketch", "randomized-svd"})
    void noiselessSketchesRecoverALowRankMatrixInOneIteration(String optimizer) {
        ExperimentSpec spec = ExperimentSpec.single("exact", 11, 2, matrixPipeline(
                Map.of("rows", 40, "columns", 30, "rank", 4), Map.of("k", 6), ComponentSpec.of(optimizer),
                List.of(ComponentSpec.of("relative-error"), ComponentSpec.of("train-loss"))));
        ExperimentResult result = new ExperimentRunner(REGISTRY).run(spec, 2);
        assertThat(result.trials()).hasSize(2);
        for (TrialResult trial : result.trials()) {
            assertThat(trial.status()).isEqualTo(TrialStatus.DONE);
            assertThat(trial.iterations()).isEqualTo(1);
            assertThat(trial.finalMetric("relative-error")).isLessThan(1e-10);
            assertThat(trial.series("relative-error").get(0).value()).isEqualTo(1.0);
        }
    }

    @Test
    void metricsCompareWithTheBestRankErrorAndTheBound() {
        ExperimentSpec spec = ExperimentSpec.single("noisy", 12, 6, matrixPipeline(
                Map.of("rows", 50, "columns", 40, "rank", 3, "tail", "flat", "tail-norm", 0.1),
                Map.of("k", 8, "l", 20, "range-noise", 0.05, "corange-noise", 0.05),
                ComponentSpec.of("orthonormal-double-sketch"),
                List.of(ComponentSpec.of("relative-error"), ComponentSpec.of("best-rank-error"),
                        ComponentSpec.of("best-rank-ratio"), ComponentSpec.of("sketch-error-bound"))));
        ExperimentResult result = new ExperimentRunner(REGISTRY).run(spec, 2);
        double meanSquaredRelative = 0;
        double boundSquared = Double.NaN;
        for (TrialResult trial : result.trials()) {
            assertThat(trial.status()).isEqualTo(TrialStatus.DONE);
            // ||X||_F^2 = 3 + 0.01, and the tail is the best rank-3 error.
            double bestRank = trial.finalMetric("best-rank-error");
            assertThat(bestRank).isCloseTo(0.1 / Math.sqrt(3.01), within(1e-12));
            assertThat(trial.finalMetric("best-rank-ratio"))
                    .isCloseTo(trial.finalMetric("relative-error") / bestRank, within(1e-9))
                    .isGreaterThan(1);
            double bound = trial.finalMetric("sketch-error-bound");
            boundSquared = bound * bound;
            meanSquaredRelative += Math.pow(trial.finalMetric("relative-error"), 2) / result.trials().size();
        }
        // The bound holds for the mean square; six trials are a rough but sufficient check at this margin.
        assertThat(meanSquaredRelative).isLessThan(boundSquared);
    }

    @Test
    void rankTruncationGivesARankRApproximation() {
        ExperimentSpec spec = ExperimentSpec.single("truncated", 13, 1, matrixPipeline(
                Map.of("rows", 30, "columns", 30, "rank", 3, "tail", "polynomial", "tail-norm", 0.05),
                Map.of("k", 12, "l", 25), ComponentSpec.of("randomized-svd", Map.of("rank", 3)),
                List.of(ComponentSpec.of("best-rank-ratio"))));
        TrialResult trial = new ExperimentRunner(REGISTRY).run(spec, 1).trials().get(0);
        // Any rank-3 estimate has ratio >= 1 (Eckart-Young); a 12-column sketch of a spectrum with a clear gap is near 1.
        assertThat(trial.finalMetric("best-rank-ratio")).isBetween(1.0, 1.1);
    }

    @Test
    void tensorPipelineRecoversALowTubalRankTensor() {
        PipelineSpec pipeline = new PipelineSpec(
                ComponentSpec.of("low-tubal-rank", Map.of("n1", 12, "n2", 10, "n3", 6, "rank", 2)),
                Optional.of(ComponentSpec.of("tensor-sketch", Map.of("k", 3))), ComponentSpec.of("matrix-estimate"),
                ComponentSpec.of("tensor-double-sketch"), List.of(ComponentSpec.of("relative-error")), 1);
        TrialResult trial = new ExperimentRunner(REGISTRY).run(ExperimentSpec.single("tensor", 14, 1, pipeline), 1)
                .trials().get(0);
        assertThat(trial.status()).isEqualTo(TrialStatus.DONE);
        assertThat(trial.finalMetric("relative-error")).isLessThan(1e-10);
    }

    @Test
    void tensorTailMakesTheBestTubalRankErrorItsNorm() {
        PipelineSpec pipeline = new PipelineSpec(
                ComponentSpec.of("low-tubal-rank", Map.of("n1", 8, "n2", 8, "n3", 4, "rank", 2, "tail-norm", 0.01)),
                Optional.of(ComponentSpec.of("tensor-sketch", Map.of("k", 4))), ComponentSpec.of("matrix-estimate"),
                ComponentSpec.of("tensor-double-sketch"), List.of(ComponentSpec.of("best-rank-error")), 1);
        TrialResult trial = new ExperimentRunner(REGISTRY).run(ExperimentSpec.single("tensor", 15, 1, pipeline), 1)
                .trials().get(0);
        // A dense tail of norm 0.01 mostly lies outside the rank-2 slices; the best error is a bit below 0.01.
        assertThat(trial.finalMetric("best-rank-error")).isBetween(0.005, 0.01);
    }

    @Test
    void defaultsArePinned() {
        Pipeline pipeline = new PipelineBuilder(REGISTRY).build(matrixPipeline(Map.of("rows", 20, "rank", 2),
                Map.of("k", 4), ComponentSpec.of("double-sketch"), List.of()));
        SketchMeasurement sketch = (SketchMeasurement) pipeline.measurement().orElseThrow();
        assertThat(sketch.signalShape().columns()).isEqualTo(20);
        assertThat(sketch.corangeSketchSize()).isEqualTo(9);
        assertThat(sketch.testMatrix()).isEqualTo(TestMatrixKind.GAUSSIAN);
        assertThat(sketch.rangeNoise()).isZero();
        assertThat(sketch.corangeNoise()).isZero();
        assertThat(pipeline.configs().get("measurement").asMap()).containsEntry("delivery", "batch");
        LowRankProblem problem = (LowRankProblem) pipeline.problem();
        assertThat(problem.singularValues()).containsExactly(1, 1);
        // l is capped at n1.
        Pipeline capped = new PipelineBuilder(REGISTRY).build(matrixPipeline(Map.of("rows", 20, "rank", 2),
                Map.of("k", 15), ComponentSpec.of("double-sketch"), List.of()));
        assertThat(((SketchMeasurement) capped.measurement().orElseThrow()).corangeSketchSize()).isEqualTo(20);
    }

    @Test
    void incompatibleSpecsFailAtBuildTimeNamingThePlace() {
        PipelineBuilder builder = new PipelineBuilder(REGISTRY);
        Map<String, Object> problem = Map.of("rows", 20, "columns", 15, "rank", 2);
        assertInvalid(() -> builder.build(matrixPipeline(problem, Map.of("k", 16), ComponentSpec.of("double-sketch"),
                List.of())), "measurement.k", "16");
        assertInvalid(() -> builder.build(matrixPipeline(problem, Map.of("k", 6, "l", 5), ComponentSpec.of("double-sketch"),
                List.of())), "measurement.l", "l = 5");
        assertInvalid(() -> builder.build(matrixPipeline(problem, Map.of("k", 4),
                ComponentSpec.of("double-sketch", Map.of("rank", 5)), List.of())), "optimizer.rank", "k = 4");
        assertInvalid(() -> builder.build(matrixPipeline(problem, Map.of("k", 4, "test-matrix", "srtt"),
                ComponentSpec.of("double-sketch"), List.of(ComponentSpec.of("sketch-error-bound")))), "metrics[0]", "Gaussian");
        assertInvalid(() -> builder.build(matrixPipeline(Map.of("rows", 5, "rank", 6), Map.of("k", 2),
                ComponentSpec.of("double-sketch"), List.of())), "problem.rank", "6");
        PipelineSpec tensorWithMatrixOptimizer = new PipelineSpec(
                ComponentSpec.of("low-tubal-rank", Map.of("n1", 6, "n3", 2, "rank", 1)),
                Optional.of(ComponentSpec.of("tensor-sketch", Map.of("k", 2))), ComponentSpec.of("matrix-estimate"),
                ComponentSpec.of("double-sketch"), List.of(), 1);
        assertInvalid(() -> builder.build(tensorWithMatrixOptimizer), "optimizer", "tensor-sketch");
        PipelineSpec matrixWithTensorSketch = new PipelineSpec(ComponentSpec.of("low-rank", problem),
                Optional.of(ComponentSpec.of("tensor-sketch", Map.of("k", 2))), ComponentSpec.of("matrix-estimate"),
                ComponentSpec.of("tensor-double-sketch"), List.of(), 1);
        assertInvalid(() -> builder.build(matrixWithTensorSketch), "measurement", "20 x 15 matrix");
        PipelineSpec withoutMeasurement = new PipelineSpec(ComponentSpec.of("low-rank", problem), Optional.empty(),
                ComponentSpec.of("matrix-estimate"), ComponentSpec.of("randomized-svd"), List.of(), 1);
        assertInvalid(() -> builder.build(withoutMeasurement), "optimizer", "no measurement");
    }

    @Test
    void streamedDeliveryRunsThroughTheEngine() {
        List<Double> errors = new ArrayList<>();
        for (String delivery : List.of("batch", "entries", "rank-one")) {
            ExperimentSpec spec = ExperimentSpec.single(delivery, 16, 1, matrixPipeline(
                    Map.of("rows", 25, "columns", 20, "rank", 3, "tail", "flat", "tail-norm", 0.1),
                    Map.of("k", 5, "delivery", delivery, "test-matrix", "sparse-sign", "range-noise", 0.01),
                    ComponentSpec.of("orthonormal-double-sketch"), List.of(ComponentSpec.of("relative-error"))));
            errors.add(new ExperimentRunner(REGISTRY).run(spec, 1).trials().get(0).finalMetric("relative-error"));
        }
        assertThat(errors.get(1)).isCloseTo(errors.get(0), within(1e-10));
        assertThat(errors.get(2)).isCloseTo(errors.get(0), within(1e-10));
    }

    @Test
    void theHeapCheckCountsTheDenseTruthTheEstimateItsCopyAndTheReconstructedProduct() {
        // four 3000 x 2000 matrices of 45.8 MiB: 183.1 MiB, beside sketches, factors and their QR of 1.3 MiB
        PipelineSpec pipeline = matrixPipeline(Map.of("rows", 3000, "columns", 2000, "rank", 2), Map.of("k", 6),
                ComponentSpec.of("double-sketch"), List.of(ComponentSpec.of("relative-error")));
        assertThat(new PipelineBuilder(REGISTRY).build(pipeline).optimizer().estimatedBytes())
                .isEqualTo(8L * 3000 * 2000);
        org.reconlab.core.engine.ExperimentPlan plan = org.reconlab.core.engine.ExperimentPlan.build(
                ExperimentSpec.single("dense", 1, 1, pipeline), REGISTRY);
        long mib = 1L << 20;
        plan.requireFitsInHeap(1, 210 * mib);
        assertThatThrownBy(() -> plan.requireFitsInHeap(1, 200 * mib)).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("problem 'low-rank' about 46.0 MiB for the truth")
                .hasMessageContaining("model 'matrix-estimate' about 91.6 MiB")
                .hasMessageContaining("optimizer 'double-sketch' about 45.8 MiB");
    }

    @Test
    void aMatrixBeyondWhatADenseMatrixHoldsIsRefusedNamingTheKey() {
        assertInvalid(() -> new PipelineBuilder(REGISTRY).build(matrixPipeline(
                Map.of("rows", 50000, "columns", 50000, "rank", 10), Map.of("k", 20),
                ComponentSpec.of("double-sketch"), List.of())), "problem.columns", "2500000000 entries");
    }

    private static PipelineSpec matrixPipeline(Map<String, ?> problem, Map<String, ?> measurement, ComponentSpec optimizer,
            List<ComponentSpec> metrics) {
        return new PipelineSpec(ComponentSpec.of("low-rank", problem),
                Optional.of(ComponentSpec.of("sketch", measurement)), ComponentSpec.of("matrix-estimate"), optimizer,
                metrics, 1);
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable build, String path,
            String messagePart) {
        assertThatThrownBy(build).isInstanceOfSatisfying(InvalidSpecException.class, e -> {
            assertThat(e.path()).isEqualTo(path);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
