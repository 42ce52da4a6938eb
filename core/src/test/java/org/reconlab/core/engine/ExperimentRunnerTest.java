package org.reconlab.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.reconlab.core.CorePlugin;
import org.reconlab.core.spi.OptimizerFactory;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Plugin;
import org.reconlab.core.toy.ToyFactories;
import org.reconlab.core.toy.ToyPlugin;

class ExperimentRunnerTest {

    private static final ComponentRegistry REGISTRY = ComponentRegistry.fromPlugins(List.of(new CorePlugin(), new ToyPlugin()));

    static PipelineSpec toy(double step, int iterations) {
        return new PipelineSpec(
                ComponentSpec.of("toy-vector", Map.of("n", 5)),
                Optional.of(ComponentSpec.of("toy-gaussian", Map.of("m", 40))),
                ComponentSpec.of("toy-linear"),
                ComponentSpec.of("gradient-descent", Map.of("step", step, "iterations", iterations)),
                List.of(ComponentSpec.of("relative-error"), ComponentSpec.of("train-loss"), ComponentSpec.of("test-error")),
                10);
    }

    @Test
    void gradientDescentSolvesAnOverdeterminedLeastSquaresProblem() {
        ExperimentResult result = new ExperimentRunner(REGISTRY).run(ExperimentSpec.single("toy", 1, 2, toy(0.5, 400)), 1);
        assertThat(result.trials()).hasSize(2);
        for (TrialResult trial : result.trials()) {
            assertThat(trial.status()).isEqualTo(TrialStatus.DONE);
            assertThat(trial.iterations()).isEqualTo(400);
            assertThat(trial.finalMetric("relative-error")).isLessThan(1e-10);
            assertThat(trial.finalMetric("test-error")).isLessThan(1e-10);
            // Recorded at 0, 10, ..., 400.
            assertThat(trial.series("train-loss")).hasSize(41);
            assertThat(trial.series("train-loss").get(0).value()).isGreaterThan(0.1);
        }
        assertThat(result.trials().get(0).seed()).isNotEqualTo(result.trials().get(1).seed());
    }

    @Test
    void recordsTheLastIterationWhenItIsOffTheSchedule() {
        TrialResult trial = new ExperimentRunner(REGISTRY).run(ExperimentSpec.single("toy", 1, 1, toy(0.5, 25)), 1).trial(0);
        assertThat(trial.series("relative-error")).extracting(SeriesPoint::iteration).containsExactly(0, 10, 20, 25);
    }

    @Test
    void sameSeedGivesIdenticalSeriesWithOneAndTwoThreads() {
        ExperimentSpec spec = new ExperimentSpec("toy", 7, 3, toy(0.3, 50),
                Map.of("problem.n", List.of(3, 5)), Map.of());
        ExperimentResult one = new ExperimentRunner(REGISTRY).run(spec, 1);
        ExperimentResult two = new ExperimentRunner(REGISTRY).run(spec, 2);
        assertThat(two.trials()).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(two.trial(i).series()).isEqualTo(one.trial(i).series());
            assertThat(two.trial(i).seed()).isEqualTo(one.trial(i).seed());
        }
    }

    /**
     * Paired draws: repetition n of every sweep point starts from the same streams, so a step-size sweep sees the same
     * truth and operator (same initial loss). Independent draws: each point its own streams, variants of a point
     * still paired; the point is named by its values, so a sweep written with 0.3 and one written with 0.30 agree.
     */
    @Test
    void independentDrawsGiveEverySweepPointItsOwnStreamsAndKeepVariantsPaired() {
        Map<String, List<Object>> sweep = Map.of("optimizer.step", List.of(0.2, 0.3));
        Map<String, Map<String, Object>> variants = new LinkedHashMap<>();
        variants.put("a", Map.of());
        variants.put("b", Map.of("optimizer.iterations", 20));
        ExperimentResult paired = new ExperimentRunner(REGISTRY).run(
                new ExperimentSpec("toy", 7, 2, toy(0.3, 10), sweep, variants, TrialRunner.DEFAULT_TIMEOUT, ExperimentSpec.Draws.PAIRED), 1);
        ExperimentResult independent = new ExperimentRunner(REGISTRY).run(
                new ExperimentSpec("toy", 7, 2, toy(0.3, 10), sweep, variants, TrialRunner.DEFAULT_TIMEOUT, ExperimentSpec.Draws.INDEPENDENT), 1);
        assertThat(independent.trials()).hasSize(8);
        for (int repetition = 0; repetition < 2; repetition++) {
            List<TrialResult> pairedTrials = ofRepetition(paired, repetition);
            List<TrialResult> independentTrials = ofRepetition(independent, repetition);
            assertThat(pairedTrials).extracting(TrialResult::seed).containsOnly(pairedTrials.get(0).seed());
            assertThat(pairedTrials).extracting(t -> t.series("train-loss").get(0).value())
                    .containsOnly(pairedTrials.get(0).series("train-loss").get(0).value());
            Map<Object, Long> seedByStep = new LinkedHashMap<>();
            for (TrialResult trial : independentTrials) {
                Long previous = seedByStep.putIfAbsent(trial.sweepValues().get("optimizer.step"), trial.seed());
                if (previous != null) {
                    assertThat(trial.seed()).as("variants of one point share draws").isEqualTo(previous);
                }
            }
            assertThat(seedByStep).hasSize(2);
            assertThat(seedByStep.get(0.2)).isNotEqualTo(seedByStep.get(0.3));
            assertThat(independentTrials.stream().filter(t -> t.sweepValues().get("optimizer.step").equals(0.2))
                    .findFirst().orElseThrow().series("train-loss").get(0).value())
                    .isNotEqualTo(independentTrials.stream().filter(t -> t.sweepValues().get("optimizer.step").equals(0.3))
                            .findFirst().orElseThrow().series("train-loss").get(0).value());
        }
        assertThat(ExperimentRunner.pointName(Map.of("optimizer.step", 0.3, "variant", "a")))
                .isEqualTo(ExperimentRunner.pointName(Map.of("optimizer.step", new java.math.BigDecimal("0.30"))));
    }

    private static List<TrialResult> ofRepetition(ExperimentResult result, int repetition) {
        return result.trials().stream().filter(t -> t.repetition() == repetition).toList();
    }

    @Test
    void aTrialReplayedAloneGivesTheSameNumbers() {
        ExperimentSpec spec = ExperimentSpec.single("toy", 7, 4, toy(0.3, 30));
        ExperimentPlan plan = ExperimentPlan.build(spec, REGISTRY);
        ExperimentResult all = new ExperimentRunner(REGISTRY).run(plan, 2, java.util.Set.of(), TrialListener.NONE);
        ExperimentResult third = new ExperimentRunner(REGISTRY).run(plan, 1, java.util.Set.of(0, 1, 3), TrialListener.NONE);
        assertThat(third.trials()).hasSize(1);
        assertThat(third.trial(2).series()).isEqualTo(all.trial(2).series());
    }

    @Test
    void aDivergingTrialEndsAsDivergedAndKeepsItsPartialSeries() {
        TrialResult trial = new ExperimentRunner(REGISTRY).run(ExperimentSpec.single("toy", 1, 1, toy(50, 10_000)), 1).trial(0);
        assertThat(trial.status()).isEqualTo(TrialStatus.DIVERGED);
        assertThat(trial.message()).contains("loss");
        assertThat(trial.iterations()).isLessThan(10_000);
        assertThat(trial.series("train-loss")).hasSizeGreaterThan(1);
    }

    /** An optimizer that jumps from its start to the all-ones vector in one iteration. */
    private static final Plugin KICK = new Plugin() {
        @Override
        public String name() {
            return "kick";
        }

        @Override
        public List<OptimizerFactory> optimizers() {
            return List.of(ToyFactories.optimizer("toy-kick", "moves every parameter to 1 in one step",
                    Parameters.of(), (config, context) -> {
                return (task, observer) -> {
                    observer.observe(0, task.parameters());
                    task.parameters().list().forEach(block -> block.assign(1.0));
                    observer.observe(1, task.parameters());
                };
            }));
        }
    };

    @Test
    void aRunStartingAtZeroLossIsNotCalledDivergedByItsFirstPositiveLoss() {
        ComponentRegistry registry = ComponentRegistry.fromPlugins(List.of(new CorePlugin(), new ToyPlugin(), KICK));
        PipelineSpec fromZero = toy(0.1, 1).with("problem.scale", 0.0).with("optimizer.plugin", "toy-kick");
        TrialResult trial = new ExperimentRunner(registry).run(ExperimentSpec.single("kick", 1, 1,
                new PipelineSpec(fromZero.problem(), fromZero.measurement(), fromZero.model(), fromZero.optimizer(),
                        fromZero.metrics(), 1)), 1).trial(0);
        assertThat(trial.series("train-loss").get(0).value()).isZero();
        assertThat(trial.finalMetric("train-loss")).isGreaterThan(0.1);
        assertThat(trial.status()).isEqualTo(TrialStatus.DONE);
    }

    @Test
    void oneFailingTrialDoesNotLoseTheOthers() {
        Map<String, Map<String, Object>> variants = new LinkedHashMap<>();
        variants.put("fine", Map.of());
        variants.put("broken", Map.of("measurement.fail", true));
        ExperimentSpec spec = new ExperimentSpec("toy", 3, 2, toy(0.5, 20), Map.of(), variants);
        ExperimentResult result = new ExperimentRunner(REGISTRY).run(spec, 2);
        assertThat(result.trials()).extracting(TrialResult::status)
                .containsExactly(TrialStatus.DONE, TrialStatus.DONE, TrialStatus.FAILED, TrialStatus.FAILED);
        assertThat(result.trial(2).message()).contains("toy measurement asked to fail");
        assertThat(result.trial(2).sweepValues()).containsEntry("variant", "broken");
    }

    @Test
    void sweepIsTheCrossProductWithTheLastKeyFastest() {
        Map<String, List<Object>> sweep = new LinkedHashMap<>();
        sweep.put("problem.n", List.of(3, 4));
        sweep.put("optimizer.step", List.of(0.1, 0.2, 0.3));
        ExperimentPlan plan = ExperimentPlan.build(new ExperimentSpec("toy", 1, 2, toy(0.5, 5), sweep, Map.of()), REGISTRY);
        assertThat(plan.trials()).hasSize(12);
        assertThat(plan.trials().get(0).sweepValues()).containsExactly(Map.entry("problem.n", 3), Map.entry("optimizer.step", 0.1));
        assertThat(plan.trials().get(1).repetition()).isEqualTo(1);
        assertThat(plan.trials().get(2).sweepValues()).containsEntry("optimizer.step", 0.2);
        assertThat(plan.trials().get(6).sweepValues()).containsEntry("problem.n", 4);
    }

    @Test
    void sweepPointsOfOneRepetitionShareTheirDraws() {
        ExperimentSpec spec = new ExperimentSpec("toy", 5, 1, toy(0.5, 0),
                Map.of("optimizer.step", List.of(0.1, 0.2)), Map.of());
        ExperimentResult result = new ExperimentRunner(REGISTRY).run(spec, 1);
        // Same truth and operator, same zero start: the initial loss is the same number.
        assertThat(result.trial(0).series("train-loss").get(0).value())
                .isEqualTo(result.trial(1).series("train-loss").get(0).value());
    }

    @Test
    void badValuesAreReportedWithTheirPlaceInTheSpec() {
        assertThatThrownBy(() -> ExperimentPlan.build(ExperimentSpec.single("toy", 1, 1,
                toy(0.5, 5).with("measurement.m", -3)), REGISTRY))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("bad value -3; allowed: an integer in [1, 100000]")
                .extracting(e -> ((InvalidSpecException) e).path()).isEqualTo("measurement.m");
        assertThatThrownBy(() -> ExperimentPlan.build(ExperimentSpec.single("toy", 1, 1,
                toy(0.5, 5).with("model.width", 3)), REGISTRY))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("unknown key 'width'")
                .extracting(e -> ((InvalidSpecException) e).path()).isEqualTo("model.width");
        assertThatThrownBy(() -> ExperimentPlan.build(ExperimentSpec.single("toy", 1, 1,
                toy(0.5, 5).with("optimizer.plugin", "toy-linear")), REGISTRY))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("unknown optimizer plugin 'toy-linear' ('toy-linear' is a model)")
                .hasMessageContaining("; allowed: ").hasMessageContaining("gradient-descent");
    }

    @Test
    void aSweepOverAnUnknownComponentIsRejected() {
        assertThatThrownBy(() -> ExperimentPlan.build(new ExperimentSpec("toy", 1, 1, toy(0.5, 5),
                Map.of("modle.scale", List.of(1)), Map.of()), REGISTRY))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("unknown component 'modle'");
    }
}
