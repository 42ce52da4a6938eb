package org.reconlab.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.reconlab.core.CorePlugin;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.random.RandomStreams;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.toy.ToyPlugin;

class TrialArtifactsTest {

    private static final ComponentRegistry REGISTRY = ComponentRegistry.fromPlugins(List.of(new CorePlugin(), new ToyPlugin()));

    private static ExperimentSpec spec() {
        return new ExperimentSpec("toy", 11, 2, ExperimentRunnerTest.toy(0.3, 30), Map.of("problem.n", List.of(3, 4)),
                Map.of());
    }

    private static Map<Integer, TrialArrays> collect(ExperimentPlan plan, int threads) {
        Map<Integer, TrialArrays> saved = new ConcurrentHashMap<>();
        new ExperimentRunner(REGISTRY).run(plan, threads, Set.of(), TrialListener.NONE, arrays -> {
            assertThat(saved.put(arrays.index(), arrays)).isNull();
        });
        return saved;
    }

    @Test
    void handsOverTheArraysOfEveryTrialAndTheyMatchTheRecordedMetrics() {
        ExperimentPlan plan = ExperimentPlan.build(spec(), REGISTRY);
        ExperimentResult result = new ExperimentRunner(REGISTRY).run(plan, 2, Set.of(), TrialListener.NONE);
        Map<Integer, TrialArrays> saved = collect(plan, 2);
        assertThat(saved.keySet()).containsExactlyInAnyOrder(0, 1, 2, 3);
        RandomStreams streams = new RandomStreams(11);
        for (TrialResult trial : result.trials()) {
            TrialArrays arrays = saved.get(trial.index());
            // The truth is the one the problem's stream draws.
            ExperimentPlan.PlannedTrial planned = plan.trials().get(trial.index());
            DoubleMatrix2D redrawn = planned.pipeline().problem().draw(streams.stream(trial.repetition(), "problem")).signal();
            assertThat(arrays.truth().signal().toArray()).isEqualTo(redrawn.toArray());
            // The toy model starts at zero; the initial copy is untouched by the optimizer's in-place updates.
            assertThat(arrays.initial().squaredNorm()).isZero();
            assertThat(arrays.last().squaredNorm()).isPositive();
            assertThat(arrays.estimate().toArray()).isEqualTo(arrays.last().get("w").toArray());
            assertThat(MatrixOps.relativeError(arrays.estimate(), arrays.truth().signal()))
                    .isEqualTo(trial.finalMetric("relative-error"));
            // The dense operator reproduces the observations: y = A x* + noise.
            Observations observations = arrays.observations().orElseThrow();
            DoubleMatrix2D a = observations.operator().asDenseMatrix().orElseThrow();
            DoubleMatrix1D y = a.zMult(arrays.truth().signal().viewColumn(0), null);
            for (int i = 0; i < y.size(); i++) {
                assertThat(y.getQuick(i) + observations.noise().getQuick(i)).isEqualTo(observations.values().getQuick(i));
            }
        }
    }

    @Test
    void savingArraysChangesNoNumberWhateverTheThreadCount() {
        ExperimentPlan plan = ExperimentPlan.build(spec(), REGISTRY);
        ExperimentResult plain = new ExperimentRunner(REGISTRY).run(plan, 1, Set.of(), TrialListener.NONE);
        ExperimentResult saving = new ExperimentRunner(REGISTRY).run(plan, 2, Set.of(), TrialListener.NONE, arrays -> { });
        for (TrialResult trial : plain.trials()) {
            assertThat(saving.trial(trial.index()).series()).isEqualTo(trial.series());
        }
        Map<Integer, TrialArrays> one = collect(plan, 1);
        Map<Integer, TrialArrays> two = collect(plan, 2);
        for (int index : one.keySet()) {
            assertThat(two.get(index).last().get("w").toArray()).isEqualTo(one.get(index).last().get("w").toArray());
        }
    }

    @Test
    void aFailedTrialHasNoArraysAndSkippedTrialsAreNotRun() {
        ExperimentSpec failing = ExperimentSpec.single("toy", 1, 2, ExperimentRunnerTest.toy(0.3, 10)
                .with("measurement.fail", true));
        Map<Integer, TrialArrays> saved = collect(ExperimentPlan.build(failing, REGISTRY), 1);
        assertThat(saved).isEmpty();

        Map<Integer, TrialArrays> some = new ConcurrentHashMap<>();
        new ExperimentRunner(REGISTRY).run(ExperimentPlan.build(spec(), REGISTRY), 1, Set.of(0, 2), TrialListener.NONE,
                arrays -> some.put(arrays.index(), arrays));
        assertThat(some.keySet()).containsExactlyInAnyOrder(1, 3);
    }

    @Test
    void aFailureToSaveEndsTheRunAndReachesTheCallerAsThrown() {
        ExperimentPlan plan = ExperimentPlan.build(spec(), REGISTRY);
        UncheckedIOException diskFull = new UncheckedIOException(new IOException("No space left on device"));
        assertThatThrownBy(() -> new ExperimentRunner(REGISTRY).run(plan, 2, Set.of(), TrialListener.NONE, arrays -> {
            throw diskFull;
        })).isSameAs(diskFull);
    }

    @Test
    void operatorsExposeNoDenseMatrixUnlessTheyOverride() {
        Optional<DoubleMatrix2D> none = new org.reconlab.core.spi.LinearOperator() {
            @Override
            public org.reconlab.core.spi.Shape domain() {
                return org.reconlab.core.spi.Shape.vector(1);
            }

            @Override
            public int rangeSize() {
                return 1;
            }

            @Override
            public void apply(DoubleMatrix2D x, DoubleMatrix1D out) {
                out.setQuick(0, x.getQuick(0, 0));
            }

            @Override
            public void adjoint(DoubleMatrix1D y, DoubleMatrix2D out) {
                out.setQuick(0, 0, y.getQuick(0));
            }
        }.asDenseMatrix();
        assertThat(none).isEmpty();
    }
}
