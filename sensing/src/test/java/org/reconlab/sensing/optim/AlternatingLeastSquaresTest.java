package org.reconlab.sensing.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.CorePlugin;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ComponentSpec;
import org.reconlab.core.engine.ExperimentRunner;
import org.reconlab.core.engine.ExperimentSpec;
import org.reconlab.core.engine.InvalidSpecException;
import org.reconlab.core.engine.PipelineBuilder;
import org.reconlab.core.engine.PipelineSpec;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.operator.RowSubsetOperator;
import org.reconlab.core.problem.LowRankProblem;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.OptimizationTask;
import org.reconlab.core.spi.Shape;
import org.reconlab.sensing.SensingPlugin;
import org.reconlab.sensing.measurement.GaussianMeasurement;
import org.reconlab.sensing.model.FactorizedAsymmetricModel;
import org.reconlab.sensing.model.Initialization;

class AlternatingLeastSquaresTest {

    private static final ComponentRegistry REGISTRY = ComponentRegistry.fromPlugins(List.of(new CorePlugin(), new SensingPlugin()));

    private static PipelineSpec rankOne(int n, int m, int iterations) {
        return new PipelineSpec(ComponentSpec.of("low-rank", Map.of("rows", n, "rank", 1)),
                Optional.of(ComponentSpec.of("gaussian", Map.of("m", m))),
                ComponentSpec.of("factorized-asymmetric", Map.of("width", 1, "init", "small-random")),
                ComponentSpec.of("als", Map.of("iterations", iterations)),
                List.of(ComponentSpec.of("relative-error")), 1);
    }

    @Test
    void recoversANoiselessRankOneMatrixExactly() {
        TrialResult trial = new ExperimentRunner(REGISTRY).run(ExperimentSpec.single("als", 1, 1, rankOne(12, 120, 30)), 1)
                .trial(0);
        assertThat(trial.status()).isEqualTo(TrialStatus.DONE);
        assertThat(trial.finalMetric("relative-error")).isLessThan(1e-12);
    }

    @Test
    void recoversANoiselessRankTwoMatrixWithTheGenericDesignsToo() {
        GroundTruth truth = new LowRankProblem(8, 7, new double[] {1.0, 0.5}).draw(new SplittableRandom(1));
        Observations dense = new GaussianMeasurement(Shape.matrix(8, 7), 120, 0).observe(truth, new SplittableRandom(2));
        // Wrapped, the operator is no DesignOperator, so ALS builds the designs from basis applies.
        int[] all = java.util.stream.IntStream.range(0, 120).toArray();
        Observations wrapped = new Observations(new RowSubsetOperator(dense.operator(), all), dense.values(), dense.noise());
        for (Observations observations : List.of(dense, wrapped)) {
            FactorizedAsymmetricModel model = new FactorizedAsymmetricModel(8, 7, 2, Initialization.SMALL_RANDOM, 1.0);
            Blocks start = model.initialize(Optional.empty(), new SplittableRandom(3));
            new AlternatingLeastSquares(40, 0).run(new OptimizationTask(model, start, Optional.empty(),
                    Optional.of(observations), truth, new SplittableRandom(4)), (iteration, parameters) -> true);
            assertThat(MatrixOps.relativeError(model.signal(start), truth.signal())).isLessThan(1e-10);
            // balanced columns
            for (int l = 0; l < 2; l++) {
                double nu = start.get("U").viewColumn(l).zDotProduct(start.get("U").viewColumn(l));
                double nv = start.get("V").viewColumn(l).zDotProduct(start.get("V").viewColumn(l));
                assertThat(nu).isCloseTo(nv, org.assertj.core.api.Assertions.within(1e-10 * nu));
            }
        }
    }

    @Test
    void toleranceStopsTheRunEarly() {
        GroundTruth truth = new LowRankProblem(10, 10, new double[] {1}).draw(new SplittableRandom(5));
        Observations observations = new GaussianMeasurement(Shape.matrix(10, 10), 100, 0).observe(truth, new SplittableRandom(6));
        FactorizedAsymmetricModel model = new FactorizedAsymmetricModel(10, 10, 1, Initialization.SMALL_RANDOM, 1.0);
        int[] last = {0};
        new AlternatingLeastSquares(1000, 1e-10).run(new OptimizationTask(model,
                model.initialize(Optional.empty(), new SplittableRandom(7)), Optional.empty(), Optional.of(observations),
                truth, new SplittableRandom(8)), (iteration, parameters) -> {
                    last[0] = iteration;
                    return true;
                });
        assertThat(last[0]).isBetween(2, 100);
    }

    @Test
    void needsTheAsymmetricFactorizedModel() {
        PipelineSpec spec = rankOne(5, 50, 5).withComponent("model", ComponentSpec.of("matrix-estimate"), "model");
        assertThatThrownBy(() -> new PipelineBuilder(REGISTRY).build(spec)).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("needs model 'factorized-asymmetric', not 'matrix-estimate'");
    }

    @Test
    void tooFewMeasurementsAreRefusedWhenThePipelineIsBuilt() {
        assertThatThrownBy(() -> new PipelineBuilder(REGISTRY).build(rankOne(12, 8, 3)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("12 unknowns from the measurement's m = 8 observations: it needs m >= 12");
        assertThat(new PipelineBuilder(REGISTRY).build(rankOne(12, 12, 3))).isNotNull();
    }
}
