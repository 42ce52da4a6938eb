package org.reconlab.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.reconlab.core.CorePlugin;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Optimizer;
import org.reconlab.core.spi.OptimizerFactory;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Plugin;
import org.reconlab.core.spi.Problem;
import org.reconlab.core.spi.ProblemFactory;
import org.reconlab.core.toy.ToyPlugin;

/**
 * What keeps one trial from holding up or corrupting a sweep: divergence is seen before any metric, decompositions
 * refuse non-finite input instead of looping, a trial that runs past its timeout ends as timed-out with its partial
 * series, and a plan that would not fit in the heap or would not end is refused before anything is drawn.
 */
@Timeout(60)
class TrialSafeguardsTest {

    private static final ComponentRegistry REGISTRY = ComponentRegistry.fromPlugins(List.of(new CorePlugin(),
            new ToyPlugin(), new SafeguardPlugin()));

    private static PipelineSpec pipeline(String optimizer, String... metrics) {
        PipelineSpec toy = ExperimentRunnerTest.toy(0.1, 10);
        return new PipelineSpec(toy.problem(), toy.measurement(), toy.model(), ComponentSpec.of(optimizer),
                java.util.Arrays.stream(metrics).map(ComponentSpec::of).toList(), 1);
    }

    private static TrialResult runOne(PipelineSpec pipeline, Duration timeout) {
        ExperimentSpec spec = new ExperimentSpec("safeguards", 1, 1, pipeline, Map.of(), Map.of(), timeout,
                ExperimentSpec.Draws.PAIRED);
        return new ExperimentRunner(REGISTRY).run(spec, 1).trial(0);
    }

    @Test
    void noMetricSeesParametersThatAreNotFinite() {
        TrialResult trial = runOne(pipeline("toy-nan-at-3", "finite-only", "train-loss"), Duration.ofMinutes(1));
        assertThat(trial.status()).isEqualTo(TrialStatus.DIVERGED);
        assertThat(trial.message()).isEqualTo("parameters are not finite at iteration 3");
        assertThat(trial.series("finite-only")).extracting(SeriesPoint::iteration).containsExactly(0, 1, 2);
        assertThat(trial.finalMetrics()).containsKey("train-loss");
    }

    @Test
    void decompositionsRefuseNonFiniteInputInsteadOfLooping() {
        DenseDoubleMatrix2D nan = new DenseDoubleMatrix2D(4, 3);
        nan.setQuick(2, 1, Double.NaN);
        assertThatThrownBy(() -> Decompositions.svd(nan)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SVD of a 4 x 3 matrix with entry NaN at (2, 1): needs finite entries");
        assertThatThrownBy(() -> Decompositions.singularValues(nan)).hasMessageContaining("NaN at (2, 1)");
        DenseDoubleMatrix2D infinite = new DenseDoubleMatrix2D(200, 200);
        infinite.setQuick(199, 0, Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> Decompositions.topEigen(infinite, 2)).hasMessageContaining("Infinity at (199, 0)");
        assertThatThrownBy(() -> Decompositions.topSvd(infinite, 2)).hasMessageContaining("Infinity at (199, 0)");
        assertThatThrownBy(() -> Decompositions.symmetricEigen(infinite)).hasMessageContaining("eigendecomposition");
    }

    @Test
    void aTrialThatKeepsReportingIsStoppedAtItsTimeoutWithItsPartialSeries() {
        long start = System.nanoTime();
        TrialResult trial = runOne(pipeline("toy-endless", "train-loss"), Duration.ofMillis(300));
        assertThat(trial.status()).isEqualTo(TrialStatus.TIMED_OUT);
        assertThat(trial.status().label()).isEqualTo("timed-out");
        assertThat(trial.message()).startsWith("timed out (trial-timeout) at iteration ");
        assertThat(trial.series("train-loss")).hasSizeGreaterThan(1);
        assertThat(trial.iterations()).isPositive();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aTrialStuckInsideAnIterationIsGivenUpAfterTheGracePeriod() {
        long start = System.nanoTime();
        TrialResult trial = runOne(pipeline("toy-stuck-after-2", "train-loss"), Duration.ofMillis(300));
        assertThat(trial.status()).isEqualTo(TrialStatus.TIMED_OUT);
        assertThat(trial.message()).contains("inside an iteration after iteration 2");
        assertThat(trial.series("train-loss")).extracting(SeriesPoint::iteration).containsExactly(0, 1, 2);
        // timeout 0.3 s, grace min(timeout, 10 s) = 0.3 s
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void theTrialsOwnThreadKeepsTheCallersKernelThreadCount() {
        Pipeline pipeline = new PipelineBuilder(REGISTRY).build(pipeline("toy-nan-at-3", "kernel-threads"));
        TrialResult trial = org.reconlab.core.kernel.KernelThreads.callWithThreads(3, () -> TrialRunner.run(pipeline,
                new org.reconlab.core.random.RandomStreams(1), 0, 0, Map.of(), TrialArtifacts.NONE, Duration.ofMinutes(1)));
        assertThat(trial.series("kernel-threads")).extracting(SeriesPoint::value).containsOnly(3.0);
    }

    @Test
    void everyComponentsEstimateCountsAgainstTheHeap() {
        PipelineSpec toy = ExperimentRunnerTest.toy(0.1, 10);
        PipelineSpec huge = new PipelineSpec(ComponentSpec.of("toy-sized-problem"), toy.measurement(), toy.model(),
                toy.optimizer(), List.of(), 1);
        ExperimentPlan plan = ExperimentPlan.build(ExperimentSpec.single("huge", 1, 2, huge), REGISTRY);
        assertThatThrownBy(() -> plan.requireFitsInHeap(2, 1L << 30)).isInstanceOf(InvalidSpecException.class)
                .matches(e -> ((InvalidSpecException) e).path().equals("problem"))
                .hasMessageContaining("problem 'toy-sized-problem' about 4.0 EiB for the truth")
                .hasMessageContaining("2 trials at once need about 8.0 EiB");
    }

    @Test
    void aPlanTooLargeToExpandIsRefusedAtOnce() {
        List<Object> thousand = java.util.stream.IntStream.range(0, 1000).<Object>mapToObj(i -> 0.1).toList();
        Map<String, List<Object>> sweep = new java.util.LinkedHashMap<>();
        sweep.put("optimizer.step", thousand);
        sweep.put("optimizer.iterations", java.util.stream.IntStream.range(0, 1000).<Object>mapToObj(i -> i).toList());
        assertThatThrownBy(() -> ExperimentPlan.build(new ExperimentSpec("big", 1, 1, ExperimentRunnerTest.toy(0.1, 1),
                sweep, Map.of()), REGISTRY)).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("the sweep has 1000000 points (1000 values of optimizer.step x 1000 values of"
                        + " optimizer.iterations), more than the limit of 100000");
        assertThatThrownBy(() -> ExperimentPlan.build(ExperimentSpec.single("many", 1, 2_000_000,
                ExperimentRunnerTest.toy(0.1, 1)), REGISTRY))
                .hasMessageContaining("1 sweep points x 2000000 trials = 2000000 trials, more than the limit of 1000000");
    }

    /** Components that misbehave on purpose. */
    private static final class SafeguardPlugin implements Plugin {
        @Override
        public String name() {
            return "safeguards";
        }

        @Override
        public List<OptimizerFactory> optimizers() {
            return List.of(
                    optimizer("toy-nan-at-3", (task, observer) -> {
                        for (int i = 0; i <= 5; i++) {
                            if (i == 3) {
                                task.parameters().list().get(0).assign(Double.NaN);
                            }
                            if (!observer.observe(i, task.parameters())) {
                                return;
                            }
                        }
                    }),
                    optimizer("toy-endless", (task, observer) -> {
                        for (int i = 0; observer.observe(i, task.parameters()); i++) {
                            Thread.onSpinWait();
                        }
                    }),
                    optimizer("toy-stuck-after-2", (task, observer) -> {
                        for (int i = 0; i <= 2; i++) {
                            observer.observe(i, task.parameters());
                        }
                        // Never reports again, like Colt's SVD on NaN; ends only when the runner gives up on it.
                        while (!Thread.currentThread().isInterrupted()) {
                            Thread.onSpinWait();
                        }
                    }));
        }

        @Override
        public List<MetricFactory> metrics() {
            return List.of(metric("kernel-threads", context -> new double[] {
                org.reconlab.core.kernel.KernelThreads.defaultThreads()}), new MetricFactory() {
                @Override
                public String name() {
                    return "finite-only";
                }

                @Override
                public String description() {
                    return "fails the test if it sees a parameter that is not finite";
                }

                @Override
                public Parameters parameters() {
                    return Parameters.of();
                }

                @Override
                public Metric create(Config config, BuildContext context) {
                    return metricContext -> {
                        if (!metricContext.parameters().isFinite()) {
                            throw new AssertionError("a metric saw non-finite parameters");
                        }
                        return new double[] {metricContext.iteration()};
                    };
                }
            });
        }

        @Override
        public List<ProblemFactory> problems() {
            return List.of(new ProblemFactory() {
                @Override
                public String name() {
                    return "toy-sized-problem";
                }

                @Override
                public String description() {
                    return "a toy vector whose truth claims 2^62 doubles";
                }

                @Override
                public Parameters parameters() {
                    return Parameters.of();
                }

                @Override
                public Problem create(Config config, BuildContext context) {
                    return new Problem() {
                        @Override
                        public org.reconlab.core.spi.Shape signalShape() {
                            return org.reconlab.core.spi.Shape.vector(5);
                        }

                        @Override
                        public org.reconlab.core.spi.GroundTruth draw(java.util.SplittableRandom random) {
                            throw new AssertionError("drawn before the heap check");
                        }

                        @Override
                        public long estimatedBytes() {
                            return 1L << 62;
                        }
                    };
                }
            });
        }

        private static MetricFactory metric(String name, Metric metric) {
            return new MetricFactory() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public String description() {
                    return "a probe of the trial's thread";
                }

                @Override
                public Parameters parameters() {
                    return Parameters.of();
                }

                @Override
                public Metric create(Config config, BuildContext context) {
                    return metric;
                }
            };
        }

        private static OptimizerFactory optimizer(String name, Optimizer optimizer) {
            return new OptimizerFactory() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public String description() {
                    return "a misbehaving optimizer";
                }

                @Override
                public Parameters parameters() {
                    return Parameters.of();
                }

                @Override
                public Optimizer create(Config config, BuildContext context) {
                    return optimizer;
                }
            };
        }
    }
}
