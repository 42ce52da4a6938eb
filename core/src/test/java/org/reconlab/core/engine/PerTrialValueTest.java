package org.reconlab.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Model;
import org.reconlab.core.spi.ModelFactory;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.OptimizerFactory;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Plugin;
import org.reconlab.core.spi.Problem;
import org.reconlab.core.spi.ProblemFactory;
import org.reconlab.core.spi.Shape;
import org.reconlab.core.toy.ToyFactories;

/** {@link org.reconlab.core.spi.MetricContext#perTrial}: computed once per trial and key, reused across iterates. */
class PerTrialValueTest {

    private final AtomicInteger computations = new AtomicInteger();

    @Test
    void perTrialValuesAreComputedOncePerTrialAndKey() {
        ComponentRegistry registry = ComponentRegistry.fromPlugins(List.of(new TinyPlugin()));
        PipelineSpec pipeline = new PipelineSpec(ComponentSpec.of("tiny-problem"), Optional.empty(),
                ComponentSpec.of("tiny-model"), ComponentSpec.of("tiny-optimizer"),
                List.of(ComponentSpec.of("tiny-metric")), 1);
        ExperimentResult result = new ExperimentRunner(registry).run(ExperimentSpec.single("memo", 1, 3, pipeline), 2);
        // 3 trials x 11 recorded iterates, two keys per trial.
        assertThat(computations.get()).isEqualTo(6);
        for (TrialResult trial : result.trials()) {
            assertThat(trial.series("tiny-metric")).hasSize(11);
            // The per-trial value is the trial's truth entry; the metric adds the iteration.
            double truth = trial.series("tiny-metric").get(0).value();
            for (SeriesPoint point : trial.series("tiny-metric")) {
                assertThat(point.value()).isEqualTo(truth + point.iteration());
            }
        }
    }

    private final class TinyPlugin implements Plugin {
        @Override
        public String name() {
            return "tiny";
        }

        @Override
        public List<ProblemFactory> problems() {
            return List.of(ToyFactories.problem("tiny-problem", "a random number",
                    Parameters.of(), (config, context) -> {
                return new Problem() {
                    @Override
                    public Shape signalShape() {
                        return Shape.vector(1);
                    }

                    @Override
                    public GroundTruth draw(SplittableRandom random) {
                        DoubleMatrix2D x = new DenseDoubleMatrix2D(1, 1);
                        x.setQuick(0, 0, random.nextInt(1000));
                        return GroundTruth.of(Shape.vector(1), x);
                    }
                };
            }));
        }

        @Override
        public List<ModelFactory> models() {
            return List.of(ToyFactories.model("tiny-model", "a point", Parameters.of(), (config, context) -> {
                return new Model() {
                    @Override
                    public Shape signalShape() {
                        return Shape.vector(1);
                    }

                    @Override
                    public Blocks initialize(Optional<Observations> observations, SplittableRandom random) {
                        return Blocks.of("x", new DenseDoubleMatrix2D(1, 1));
                    }

                    @Override
                    public DoubleMatrix2D signal(Blocks parameters) {
                        return parameters.get("x");
                    }

                    @Override
                    public Blocks pullback(Blocks parameters, DoubleMatrix2D signalGradient) {
                        return Blocks.of("x", signalGradient);
                    }
                };
            }));
        }

        @Override
        public List<OptimizerFactory> optimizers() {
            return List.of(ToyFactories.optimizer("tiny-optimizer", "ten empty iterations",
                    Parameters.of(), (config, context) -> {
                return (task, observer) -> {
                    for (int i = 0; i <= 10 && observer.observe(i, task.parameters()); i++) {
                        // nothing moves
                    }
                };
            }));
        }

        @Override
        public List<MetricFactory> metrics() {
            return List.of(ToyFactories.metric("tiny-metric", "a per-trial value plus the iteration",
                    Parameters.of(), (config, context) -> {
                return metricContext -> {
                    double truth = metricContext.perTrial("truth", () -> {
                        computations.incrementAndGet();
                        return metricContext.truth().signal().getQuick(0, 0);
                    });
                    double zero = metricContext.perTrial("zero", () -> {
                        computations.incrementAndGet();
                        return 0.0;
                    });
                    return new double[] {truth + zero + metricContext.iteration()};
                };
            }));
        }
    }
}
