package org.reconlab.sensing.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.CorePlugin;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ComponentSpec;
import org.reconlab.core.engine.InvalidSpecException;
import org.reconlab.core.engine.Pipeline;
import org.reconlab.core.engine.PipelineBuilder;
import org.reconlab.core.engine.PipelineSpec;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Shape;
import org.reconlab.sensing.SensingPlugin;

class GaussianMeasurementTest {

    private static final Shape SHAPE = Shape.matrix(4, 3);

    @Test
    void isNormalizedSoThatTheSquaredNormIsPreservedInExpectation() {
        // One draw with m = 40000: ||A(X)||^2 / ||X||^2 is chi^2_m / m, standard deviation sqrt(2/m) = 0.007.
        GaussianMeasurement measurement = new GaussianMeasurement(SHAPE, 40_000, 0);
        DoubleMatrix2D x = RandomMatrices.gaussian(4, 3, 1.0, new SplittableRandom(1));
        DoubleMatrix1D ax = measurement.drawOperator(new SplittableRandom(2)).apply(x);
        double ratio = MatrixOps.inner(ax, ax) / MatrixOps.inner(x, x);
        assertThat(ratio).isCloseTo(1.0, within(0.035));
    }

    @Test
    void operatorEntriesHaveVarianceOneOverM() {
        int m = 5000;
        DenseMeasurementOperator a = new GaussianMeasurement(SHAPE, m, 0).drawOperator(new SplittableRandom(3));
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 3; k++) {
                    sum += a.entry(i, j, k);
                    squares += a.entry(i, j, k) * a.entry(i, j, k);
                }
            }
        }
        int count = m * 12;
        // mean: standard error sqrt(1/m / count) = 1.8e-4; variance times m: relative standard error sqrt(2/count)
        assertThat(sum / count).isCloseTo(0, within(1e-3));
        assertThat(squares / count * m).isCloseTo(1.0, within(0.03));
    }

    @Test
    void noiseHasTheRequestedStandardDeviationAndTheNoiselessTwinDrawsTheSameOperator() {
        GaussianMeasurement noisy = new GaussianMeasurement(SHAPE, 20_000, 0.3);
        GroundTruth truth = GroundTruth.of(SHAPE, RandomMatrices.gaussian(4, 3, 1.0, new SplittableRandom(4)));
        Observations observed = noisy.observe(truth, new SplittableRandom(5));
        Observations clean = noisy.noiseless().observe(truth, new SplittableRandom(5));
        double squares = MatrixOps.inner(observed.noise(), observed.noise());
        assertThat(Math.sqrt(squares / 20_000)).isCloseTo(0.3, within(0.01));
        for (int i = 0; i < 20_000; i++) {
            assertThat(observed.values().getQuick(i) - observed.noise().getQuick(i))
                    .isCloseTo(clean.values().getQuick(i), within(1e-12));
        }
    }

    @Test
    void acceptsSymmetricTruthsAndAdjointOfOneObservationIsItsMatrix() {
        GaussianMeasurement measurement = new GaussianMeasurement(Shape.matrix(3, 3), 7, 0);
        DenseMeasurementOperator a = measurement.drawOperator(new SplittableRandom(6));
        DoubleMatrix1D unit = new cern.colt.matrix.impl.DenseDoubleMatrix1D(7);
        unit.setQuick(4, 1.0);
        DoubleMatrix2D a4 = a.adjoint(unit);
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 3; k++) {
                assertThat(a4.getQuick(j, k)).isEqualTo(a.entry(4, j, k));
            }
        }
        assertThat(measurement.signalShape().accepts(Shape.symmetric(3))).isTrue();
    }

    @Test
    void factoryValidatesTheNoiseAndTakesTheShapeOfTheProblem() {
        ComponentRegistry registry = ComponentRegistry.fromPlugins(List.of(new CorePlugin(), new SensingPlugin()));
        PipelineSpec spec = new PipelineSpec(ComponentSpec.of("psd-low-rank", Map.of("d", 4, "rank", 1)),
                Optional.of(ComponentSpec.of("gaussian", Map.of("m", 10, "noise", -1.0))),
                ComponentSpec.of("factorized-symmetric"), ComponentSpec.of("gradient-descent", Map.of("step", 0.1)),
                List.of(), 1);
        assertThatThrownBy(() -> new PipelineBuilder(registry).build(spec)).isInstanceOf(InvalidSpecException.class)
                .matches(e -> ((InvalidSpecException) e).path().equals("measurement.noise")).hasMessageContaining("-1.0");
        Pipeline built = new PipelineBuilder(registry).build(spec.with("measurement.noise", 0.5));
        // psd truth and U U^T model: the builder switches to packed symmetric storage of the same ensemble
        assertThat(built.measurement().orElseThrow().signalShape()).isEqualTo(Shape.symmetric(4));
        assertThat(built.measurement().orElseThrow().estimatedBytes()).isEqualTo(8L * 10 * 10);
        // an asymmetric model U V^T on the same problem keeps the dense operator
        Pipeline general = new PipelineBuilder(registry).build(spec.with("measurement.noise", 0.5)
                .withComponent("model", ComponentSpec.of("factorized-asymmetric"), "model"));
        assertThat(general.measurement().orElseThrow().signalShape()).isEqualTo(Shape.matrix(4, 4));
        assertThat(general.measurement().orElseThrow().estimatedBytes()).isEqualTo(8L * 10 * 16);
    }

    @Test
    void oversamplingSetsMFromTheLargerDimensionAndExcludesM() {
        ComponentRegistry registry = ComponentRegistry.fromPlugins(List.of(new CorePlugin(), new SensingPlugin()));
        PipelineSpec spec = new PipelineSpec(ComponentSpec.of("low-rank", Map.of("rows", 7, "columns", 4, "rank", 1)),
                Optional.of(ComponentSpec.of("gaussian", Map.of("oversampling", 2.5))),
                ComponentSpec.of("factorized-asymmetric"), ComponentSpec.of("gradient-descent", Map.of("step", 0.1)),
                List.of(), 1);
        PipelineBuilder builder = new PipelineBuilder(registry);
        // m = ceil(2.5 * 7) = 18
        assertThat(((GaussianMeasurement) builder.build(spec).measurement().orElseThrow()).m()).isEqualTo(18);
        assertThatThrownBy(() -> builder.build(spec.with("measurement.m", 10))).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("exactly one of 'm'");
        assertThatThrownBy(() -> builder.build(spec.with("measurement.plugin", "gaussian")))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("exactly one of 'm'");
    }

    @Test
    void factoryRejectsAProblemThatDrawsVectorsNamingIt() {
        ComponentRegistry registry = ComponentRegistry.fromPlugins(List.of(new CorePlugin(), new SensingPlugin(),
                new VectorProblemPlugin()));
        PipelineSpec spec = new PipelineSpec(ComponentSpec.of("test-vector"),
                Optional.of(ComponentSpec.of("gaussian", Map.of("m", 10))),
                ComponentSpec.of("factorized-symmetric"), ComponentSpec.of("gradient-descent", Map.of("step", 0.1)),
                List.of(), 1);
        assertThatThrownBy(() -> new PipelineBuilder(registry).build(spec)).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("gaussian").hasMessageContaining("test-vector")
                .hasMessageContaining("vector of length 6");
    }

    /** A plugin with one problem that draws a vector, which matrix sensing must refuse. */
    private static final class VectorProblemPlugin implements org.reconlab.core.spi.Plugin {
        @Override
        public String name() {
            return "test-vectors";
        }

        @Override
        public List<org.reconlab.core.spi.ProblemFactory> problems() {
            return List.of(new org.reconlab.core.spi.ProblemFactory() {
                @Override
                public String name() {
                    return "test-vector";
                }

                @Override
                public String description() {
                    return "a fixed vector";
                }

                @Override
                public org.reconlab.core.spi.Parameters parameters() {
                    return org.reconlab.core.spi.Parameters.of();
                }

                @Override
                public org.reconlab.core.spi.Problem create(org.reconlab.core.spi.Config config,
                        org.reconlab.core.spi.BuildContext context) {
                    return new org.reconlab.core.spi.Problem() {
                        @Override
                        public Shape signalShape() {
                            return Shape.vector(6);
                        }

                        @Override
                        public GroundTruth draw(SplittableRandom random) {
                            return GroundTruth.of(Shape.vector(6), new cern.colt.matrix.impl.DenseDoubleMatrix2D(6, 1));
                        }
                    };
                }
            });
        }
    }
}
