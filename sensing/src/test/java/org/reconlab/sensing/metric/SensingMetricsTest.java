package org.reconlab.sensing.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.reconlab.core.CorePlugin;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ComponentSpec;
import org.reconlab.core.engine.InvalidSpecException;
import org.reconlab.core.engine.PipelineBuilder;
import org.reconlab.core.engine.PipelineSpec;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.model.MatrixEstimateModel;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.Model;
import org.reconlab.core.spi.Objective;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Shape;
import org.reconlab.sensing.SensingPlugin;
import org.reconlab.sensing.model.FactorizedAsymmetricModel;
import org.reconlab.sensing.model.FactorizedSymmetricModel;
import org.reconlab.sensing.model.Initialization;

class SensingMetricsTest {

    /** A context with a fixed model, parameters and truth. */
    private record Context(Model model, Blocks parameters, GroundTruth truth) implements MetricContext {
        @Override
        public int iteration() {
            return 0;
        }

        @Override
        public DoubleMatrix2D estimate() {
            return model.signal(parameters);
        }

        @Override
        public Optional<Observations> observations() {
            return Optional.empty();
        }

        @Override
        public Optional<Objective> objective() {
            return Optional.empty();
        }

        @Override
        public OptionalDouble loss() {
            return OptionalDouble.empty();
        }

        @Override
        public Optional<Observations> testObservations() {
            return Optional.empty();
        }
    }

    private static DoubleMatrix2D matrix(double[][] values) {
        return new DenseDoubleMatrix2D(values);
    }

    private static GroundTruth truth(DoubleMatrix2D x, Shape shape) {
        return GroundTruth.of(shape, x);
    }

    @Test
    void subspaceAngleIsTheSineOfAPlantedAngle() {
        double theta = 0.3;
        // truth: span(e1) in R^3; iterate U = (cos theta, sin theta, 0)^T, so sin of the angle is sin theta.
        GroundTruth truth = truth(matrix(new double[][] {{1, 0, 0}, {0, 0, 0}, {0, 0, 0}}), Shape.symmetric(3));
        FactorizedSymmetricModel model = new FactorizedSymmetricModel(3, 1, Initialization.IDENTITY, 1);
        Blocks u = Blocks.of("U", matrix(new double[][] {{Math.cos(theta)}, {Math.sin(theta)}, {0}}));
        assertThat(new SubspaceAngleMetric(null).evaluate(new Context(model, u, truth))[0])
                .isCloseTo(Math.sin(theta), within(1e-12));
        // The same through the full estimate, and with a scaled iterate (the angle ignores scale).
        MatrixEstimateModel full = new MatrixEstimateModel(Shape.symmetric(3), MatrixEstimateModel.Init.ZERO, 0);
        Blocks x = Blocks.of("X", MatrixOps.multTransB(u.get("U"), u.get("U")).assign(cern.jet.math.Functions.mult(1e-6)));
        assertThat(new SubspaceAngleMetric(null).evaluate(new Context(full, x, truth))[0])
                .isCloseTo(Math.sin(theta), within(1e-9));
        // A rank-2 truth against a rank-1 factor: some direction is missed entirely.
        GroundTruth two = truth(matrix(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 0}}), Shape.symmetric(3));
        assertThat(new SubspaceAngleMetric(null).evaluate(new Context(model, u, two))[0]).isEqualTo(1.0);
    }

    @Test
    void singularValuesOfTheFactorAreZeroPadded() {
        FactorizedSymmetricModel model = new FactorizedSymmetricModel(3, 2, Initialization.IDENTITY, 1);
        Blocks u = Blocks.of("U", matrix(new double[][] {{3, 0}, {0, 0}, {0, -2}}));
        GroundTruth truth = truth(new DenseDoubleMatrix2D(3, 3), Shape.symmetric(3));
        assertThat(new SingularValuesMetric(4).evaluate(new Context(model, u, truth)))
                .containsExactly(new double[] {3, 2, 0, 0}, within(1e-12));
    }

    @Test
    void imbalanceIsTheGramDifference() {
        FactorizedAsymmetricModel model = new FactorizedAsymmetricModel(2, 2, 1, Initialization.IDENTITY, 1);
        Blocks uv = Blocks.of("U", matrix(new double[][] {{3}, {4}}), "V", matrix(new double[][] {{1}, {0}}));
        GroundTruth truth = truth(new DenseDoubleMatrix2D(2, 2), Shape.matrix(2, 2));
        assertThat(new ImbalanceMetric().evaluate(new Context(model, uv, truth))[0]).isCloseTo(24, within(1e-12));
    }

    @Test
    void effectiveRanksOfKnownSpectra() {
        assertThat(EffectiveRankMetric.entropyRank(new double[] {2, 2, 2, 0})).isCloseTo(3, within(1e-12));
        assertThat(EffectiveRankMetric.entropyRank(new double[] {1, 0})).isCloseTo(1, within(1e-12));
        assertThat(EffectiveRankMetric.entropyRank(new double[] {0, 0})).isZero();
        assertThat(EffectiveRankMetric.stableRank(new double[] {2, 1, 1})).isCloseTo(1.5, within(1e-12));
        MatrixEstimateModel full = new MatrixEstimateModel(Shape.matrix(3, 2), MatrixEstimateModel.Init.ZERO, 0);
        Blocks x = Blocks.of("X", matrix(new double[][] {{5, 0}, {0, 5}, {0, 0}}));
        GroundTruth truth = truth(new DenseDoubleMatrix2D(3, 2), Shape.matrix(3, 2));
        assertThat(new EffectiveRankMetric(true).evaluate(new Context(full, x, truth))[0]).isCloseTo(2, within(1e-12));
        assertThat(new EffectiveRankMetric(false).evaluate(new Context(full, x, truth))[0]).isCloseTo(2, within(1e-12));
    }

    @Test
    void successComparesTheRelativeErrorWithTheThreshold() {
        MatrixEstimateModel full = new MatrixEstimateModel(Shape.matrix(1, 2), MatrixEstimateModel.Init.ZERO, 0);
        GroundTruth truth = truth(matrix(new double[][] {{1, 0}}), Shape.matrix(1, 2));
        Blocks close = Blocks.of("X", matrix(new double[][] {{1, 1e-7}}));
        Blocks far = Blocks.of("X", matrix(new double[][] {{1, 1e-5}}));
        assertThat(new SuccessMetric(1e-6).evaluate(new Context(full, close, truth))).containsExactly(1.0);
        assertThat(new SuccessMetric(1e-6).evaluate(new Context(full, far, truth))).containsExactly(0.0);
    }

    @Test
    void imbalanceNeedsTheAsymmetricModel() {
        ComponentRegistry registry = ComponentRegistry.fromPlugins(List.of(new CorePlugin(), new SensingPlugin()));
        PipelineSpec spec = new PipelineSpec(ComponentSpec.of("psd-low-rank", Map.of("d", 4, "rank", 1)),
                Optional.of(ComponentSpec.of("gaussian", Map.of("m", 10))), ComponentSpec.of("factorized-symmetric"),
                ComponentSpec.of("gradient-descent", Map.of("step", 0.1)), List.of(ComponentSpec.of("imbalance")), 1);
        assertThatThrownBy(() -> new PipelineBuilder(registry).build(spec)).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("'factorized-asymmetric', but the model is 'factorized-symmetric'");
    }
}
