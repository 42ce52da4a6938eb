package org.reconlab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.model.MatrixEstimateModel;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.Model;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.OptimizationTask;
import org.reconlab.core.spi.Problem;
import org.reconlab.core.spi.Shape;

class NuclearNormMinimizationTest {

    private static final Shape SHAPE = Shape.matrix(6, 7);

    private static Observations noisyObservations(DoubleMatrix2D truth, double noiseNorm, SplittableRandom random) {
        DenseTestOperator a = DenseTestOperator.gaussian(SHAPE.rows(), SHAPE.columns(), 45, random);
        DoubleMatrix1D noise = RandomMatrices.gaussianVector(45, 1, random);
        noise.assign(cern.jet.math.Functions.mult(noiseNorm / MatrixOps.norm(noise)));
        DoubleMatrix1D y = a.apply(truth);
        y.assign(noise, cern.jet.math.Functions.plus);
        return new Observations(a, y, noise);
    }

    private static OptimizationTask task(Model model, Observations observations, GroundTruth truth) {
        return new OptimizationTask(model, model.initialize(Optional.of(observations), new SplittableRandom(1)),
                Optional.of(model.objective(observations)), Optional.of(observations), truth, new SplittableRandom(2));
    }

    @Test
    void noiseNormBoundSpendsExactlyTheAddedNoiseAndReportsEveryIterate() {
        SplittableRandom random = new SplittableRandom(3);
        DoubleMatrix2D truth = MatrixOps.multTransB(RandomMatrices.gaussian(6, 1, 1, random),
                RandomMatrices.gaussian(7, 1, 1, random));
        Observations observations = noisyObservations(truth, 0.05, random);
        MatrixEstimateModel model = new MatrixEstimateModel(SHAPE, MatrixEstimateModel.Init.ZERO, 0);
        OptimizationTask task = task(model, observations, GroundTruth.of(SHAPE, truth));
        List<Integer> iterations = new ArrayList<>();

        new NuclearNormMinimization(new NuclearNormSolver(1, 1e-9, 20_000), NuclearNormMinimization.Bound.NOISE_NORM, 0)
                .run(task, (k, blocks) -> iterations.add(k));

        DoubleMatrix2D estimate = model.signal(task.parameters());
        DoubleMatrix1D residual = observations.operator().apply(estimate);
        residual.assign(observations.values(), cern.jet.math.Functions.minus);
        assertThat(MatrixOps.norm(residual)).isCloseTo(0.05, within(1e-6));
        assertThat(iterations.get(0)).isZero();
        assertThat(iterations).hasSizeGreaterThan(10).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void rejectsAModelWhoseBlockIsNotItsSignal() {
        SplittableRandom random = new SplittableRandom(4);
        DoubleMatrix2D truth = RandomMatrices.gaussian(6, 7, 1, random);
        Observations observations = noisyObservations(truth, 0.0, random);
        Model doubling = new Model() {
            @Override
            public Shape signalShape() {
                return SHAPE;
            }

            @Override
            public Blocks initialize(Optional<Observations> o, SplittableRandom r) {
                return Blocks.of("W", new cern.colt.matrix.impl.DenseDoubleMatrix2D(6, 7));
            }

            @Override
            public DoubleMatrix2D signal(Blocks parameters) {
                DoubleMatrix2D w = parameters.get("W").copy();
                return w.assign(cern.jet.math.Functions.mult(2));
            }

            @Override
            public Blocks pullback(Blocks parameters, DoubleMatrix2D g) {
                return Blocks.of("W", g.copy().assign(cern.jet.math.Functions.mult(2)));
            }
        };
        NuclearNormMinimization optimizer = new NuclearNormMinimization(new NuclearNormSolver(1, 1e-6, 100),
                NuclearNormMinimization.Bound.EQUALITY, 0);

        assertThatThrownBy(() -> optimizer.run(task(doubling, observations, GroundTruth.of(SHAPE, truth)), (k, b) -> true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'W'").hasMessageContaining("matrix-estimate");
    }

    @Test
    void factoryDemandsEtaExactlyWhenTheConstraintUsesIt() {
        NuclearNormMinimization.Factory factory = new NuclearNormMinimization.Factory();
        BuildContext context = context(new MatrixEstimateModel(SHAPE, MatrixEstimateModel.Init.ZERO, 0));

        assertThat(factory.create(factory.parameters().validate(Map.of()), context)).isNotNull();
        assertThat(factory.create(factory.parameters().validate(Map.of("constraint", "eta", "eta", 0.1)), context))
                .isNotNull();
        assertThatThrownBy(() -> factory.create(factory.parameters().validate(Map.of("constraint", "eta")), context))
                .isInstanceOf(ConfigException.class).extracting(e -> ((ConfigException) e).key()).isEqualTo("eta");
        assertThatThrownBy(() -> factory.create(factory.parameters().validate(Map.of("eta", 0.1)), context))
                .isInstanceOf(ConfigException.class).hasMessageContaining("noise-norm");
    }

    @Test
    void factoryPinsItsDefaults() {
        Map<String, Object> defaults = new NuclearNormMinimization.Factory().parameters().validate(Map.of()).asMap();
        assertThat(defaults).containsExactly(Map.entry("constraint", "noise-norm"), Map.entry("smoothing", 3.0),
                Map.entry("tolerance", 1e-6), Map.entry("iterations", 10_000));
    }

    private static BuildContext context(Model model) {
        return new BuildContext() {
            @Override
            public Problem problem() {
                return new Problem() {
                    @Override
                    public Shape signalShape() {
                        return SHAPE;
                    }

                    @Override
                    public GroundTruth draw(SplittableRandom random) {
                        return GroundTruth.of(SHAPE, RandomMatrices.gaussian(6, 7, 1, random));
                    }
                };
            }

            @Override
            public String problemName() {
                return "test-problem";
            }

            @Override
            public Optional<Measurement> measurement() {
                return Optional.of(new Measurement() {
                    @Override
                    public Shape signalShape() {
                        return SHAPE;
                    }

                    @Override
                    public Observations observe(GroundTruth truth, SplittableRandom random) {
                        return noisyObservations(truth.signal(), 0, random);
                    }

                    @Override
                    public Measurement noiseless() {
                        return this;
                    }
                });
            }

            @Override
            public Optional<String> measurementName() {
                return Optional.of("test-measurement");
            }

            @Override
            public Optional<Model> model() {
                return Optional.of(model);
            }

            @Override
            public Optional<String> modelName() {
                return Optional.of("matrix-estimate");
            }
        };
    }
}
