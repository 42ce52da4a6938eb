package org.reconlab.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.CorePlugin;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.MeasurementFactory;
import org.reconlab.core.spi.Model;
import org.reconlab.core.spi.ModelFactory;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Plugin;
import org.reconlab.core.spi.Problem;
import org.reconlab.core.spi.ProblemFactory;
import org.reconlab.core.spi.Shape;
import org.reconlab.core.toy.ToyFactories;

/**
 * The two engine hooks of {@link Measurement}: the heap check on {@link Measurement#estimatedBytes()} and the
 * symmetric specialization {@link Measurement#onSymmetricSignals()}, with components that only report sizes (nothing
 * is ever drawn).
 */
class MeasurementSizingTest {

    private static final long MIB = 1L << 20;
    private static final ComponentRegistry REGISTRY = ComponentRegistry.fromPlugins(List.of(new CorePlugin(),
            new SizingPlugin()));

    private static ExperimentSpec spec(boolean symmetricProblem, boolean symmetricModel, int mebibytes, int trials,
            Map<String, List<Object>> sweep) {
        return spec(symmetricProblem, symmetricModel, mebibytes, trials, sweep, List.of());
    }

    /** A spec whose one metric, test-error, draws a test operator beside the training one. */
    private static ExperimentSpec tested(int mebibytes, int trials) {
        return spec(false, false, mebibytes, trials, Map.of(), List.of(ComponentSpec.of("test-error")));
    }

    private static ExperimentSpec spec(boolean symmetricProblem, boolean symmetricModel, int mebibytes, int trials,
            Map<String, List<Object>> sweep, List<ComponentSpec> metrics) {
        PipelineSpec pipeline = new PipelineSpec(
                ComponentSpec.of("square", Map.of("symmetric", symmetricProblem)),
                Optional.of(ComponentSpec.of("sized", Map.of("mebibytes", mebibytes))),
                ComponentSpec.of("square-model", Map.of("symmetric", symmetricModel)),
                ComponentSpec.of("gradient-descent", Map.of("step", 0.1)), metrics, 1);
        return new ExperimentSpec("sizing", 1, trials, pipeline, sweep, Map.of());
    }

    @Test
    void symmetricProblemAndModelGetTheMeasurementsSymmetricSpecialization() {
        Pipeline both = new PipelineBuilder(REGISTRY).build(spec(true, true, 10, 1, Map.of()).pipeline());
        assertThat(both.measurement().orElseThrow().signalShape()).isEqualTo(Shape.symmetric(3));
        assertThat(both.measurement().orElseThrow().estimatedBytes()).isEqualTo(5 * MIB);

        Pipeline generalModel = new PipelineBuilder(REGISTRY).build(spec(true, false, 10, 1, Map.of()).pipeline());
        assertThat(generalModel.measurement().orElseThrow().signalShape()).isEqualTo(Shape.matrix(3, 3));
        Pipeline generalProblem = new PipelineBuilder(REGISTRY).build(spec(false, true, 10, 1, Map.of()).pipeline());
        assertThat(generalProblem.measurement().orElseThrow().signalShape()).isEqualTo(Shape.matrix(3, 3));
    }

    @Test
    void refusesOperatorsThatDoNotFitNamingTheMeasurementAndTheEstimate() {
        // 3 trials of 90 MiB operators (training + test) on 2 threads: 2 x 180 MiB = 360 MiB > 0.9 x 390 MiB
        ExperimentPlan plan = ExperimentPlan.build(tested(90, 3), REGISTRY);
        assertThatThrownBy(() -> plan.requireFitsInHeap(2, 390 * MIB)).isInstanceOf(InvalidSpecException.class)
                .matches(e -> ((InvalidSpecException) e).path().equals("measurement"))
                .hasMessageContaining("'sized'").hasMessageContaining("90.0 MiB per operator, a training and a test one")
                .hasMessageContaining("2 trials at once").hasMessageContaining("360.0 MiB")
                .hasMessageContaining("90% of the 390.0 MiB the heap can keep in long-lived arrays");
        plan.requireFitsInHeap(1, 390 * MIB);
        // 360 MiB fits in 0.9 x 401 MiB; at exactly 400 MiB the 3 x 3 truth and model (144 bytes a trial) tip it over
        plan.requireFitsInHeap(2, 401 * MIB);
        assertThatThrownBy(() -> plan.requireFitsInHeap(2, 400 * MIB)).hasMessageContaining("problem 'square' about"
                + " 72 bytes for the truth").hasMessageContaining("model 'square-model' about 72 bytes");
        // more threads than trials: only 3 run at once
        plan.requireFitsInHeap(64, 601 * MIB);
    }

    @Test
    void theTestOperatorCountsOnlyWhenAMetricReadsTestObservations() {
        // 2 trials at once: 2 x 90 MiB without a test metric fit in 0.9 x 210 MiB, 2 x 180 MiB with one do not
        ExperimentPlan untested = ExperimentPlan.build(spec(false, false, 90, 2, Map.of()), REGISTRY);
        untested.requireFitsInHeap(2, 210 * MIB);
        assertThatThrownBy(() -> untested.requireFitsInHeap(2, 200 * MIB))
                .hasMessageContaining("90.0 MiB per operator, one per trial (no metric reads test data)")
                .hasMessageContaining("180.0 MiB");
        assertThatThrownBy(() -> ExperimentPlan.build(tested(90, 2), REGISTRY).requireFitsInHeap(2, 210 * MIB))
                .hasMessageContaining("a training and a test one per trial").hasMessageContaining("360.0 MiB");
    }

    @Test
    void theLargestSweepPointsDecideAndTheMessageNamesThem() {
        ExperimentPlan plan = ExperimentPlan.build(spec(false, false, 1, 1,
                Map.of("measurement.mebibytes", List.of(1, 1000, 2))), REGISTRY);
        assertThatThrownBy(() -> plan.requireFitsInHeap(2, 1100 * MIB))
                .hasMessageContaining("1000.0 MiB per operator").hasMessageContaining("measurement.mebibytes=1000")
                .hasMessageContaining("1002.0 MiB");
        plan.requireFitsInHeap(1, 1112 * MIB);
    }

    @Test
    void aTruthBeyondWhatADenseMatrixHoldsIsRefusedWhenThePipelineIsBuilt() {
        PipelineSpec pipeline = new PipelineSpec(ComponentSpec.of("psd-low-rank", Map.of("d", 46341, "rank", 2)),
                Optional.empty(), ComponentSpec.of("matrix-estimate"),
                ComponentSpec.of("gradient-descent", Map.of("step", 0.1)), List.of(), 1);
        assertThatThrownBy(() -> new PipelineBuilder(REGISTRY).build(pipeline)).isInstanceOf(InvalidSpecException.class)
                .matches(e -> ((InvalidSpecException) e).path().equals("problem"))
                .hasMessageContaining("problem 'psd-low-rank'").hasMessageContaining("2147488281 entries");
    }

    @Test
    void theRunnerRefusesBeforeDrawingAnything() {
        // the components here throw if anything is drawn, so reaching the check first is what this test shows
        ExperimentSpec huge = spec(false, false, Integer.MAX_VALUE, 1, Map.of());
        assertThatThrownBy(() -> new ExperimentRunner(REGISTRY).run(huge, 1))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("long-lived arrays");
    }

    /** A square-matrix problem, a measurement that only knows its size, and a model of either shape. */
    private static final class SizingPlugin implements Plugin {
        private static final int D = 3;

        @Override
        public String name() {
            return "sizing";
        }

        @Override
        public List<ProblemFactory> problems() {
            return List.of(ToyFactories.problem("square", "a 3 x 3 matrix, symmetric or not",
                    Parameters.of(Parameter.bool("symmetric", true, "draw a symmetric matrix")), (config, context) -> {
                Shape shape = config.bool("symmetric") ? Shape.symmetric(D) : Shape.matrix(D, D);
                return new Problem() {
                    @Override
                    public Shape signalShape() {
                        return shape;
                    }

                    @Override
                    public GroundTruth draw(SplittableRandom random) {
                        throw new AssertionError("nothing is drawn in this test");
                    }
                };
            }));
        }

        @Override
        public List<MeasurementFactory> measurements() {
            return List.of(ToyFactories.measurement("sized",
                    "reports its operator size, half of it on symmetric signals",
                    Parameters.of(Parameter.integer("mebibytes", 1, 0, Integer.MAX_VALUE, "operator size")),
                    (config, context) -> {
                return new Sized(Shape.matrix(D, D), config.integer("mebibytes") * MIB);
            }));
        }

        @Override
        public List<ModelFactory> models() {
            return List.of(ToyFactories.model("square-model", "a 3 x 3 matrix model, symmetric or not",
                    Parameters.of(Parameter.bool("symmetric", true, "produce symmetric matrices")),
                    (config, context) -> {
                Shape shape = config.bool("symmetric") ? Shape.symmetric(D) : Shape.matrix(D, D);
                return new Model() {
                    @Override
                    public Shape signalShape() {
                        return shape;
                    }

                    @Override
                    public Blocks initialize(Optional<Observations> observations, SplittableRandom random) {
                        throw new AssertionError("nothing is drawn in this test");
                    }

                    @Override
                    public DoubleMatrix2D signal(Blocks parameters) {
                        return new DenseDoubleMatrix2D(D, D);
                    }

                    @Override
                    public Blocks pullback(Blocks parameters, DoubleMatrix2D signalGradient) {
                        return parameters;
                    }
                };
            }));
        }
    }

    private record Sized(Shape signalShape, long estimatedBytes) implements Measurement {
        @Override
        public Observations observe(GroundTruth truth, SplittableRandom random) {
            throw new AssertionError("nothing is drawn in this test");
        }

        @Override
        public Measurement noiseless() {
            return this;
        }

        @Override
        public Measurement onSymmetricSignals() {
            return new Sized(Shape.symmetric(signalShape.rows()), estimatedBytes / 2);
        }
    }
}
