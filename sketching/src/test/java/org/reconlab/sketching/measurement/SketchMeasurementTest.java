package org.reconlab.sketching.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reconlab.core.contract.RetainedHeap;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.problem.LowRankProblem;
import org.reconlab.core.problem.Spectrum;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Observations;
import org.reconlab.sketching.testmatrix.TestMatrixKind;

class SketchMeasurementTest {

    private static final LowRankProblem PROBLEM = new LowRankProblem(15, 11,
            Spectrum.of(3, 10, Spectrum.Spacing.GEOMETRIC), Spectrum.tail(8, Spectrum.Tail.POLYNOMIAL, 0.2, 1));

    @Test
    void noiseHasTheRequestedFrobeniusNorms() {
        GroundTruth truth = PROBLEM.draw(new SplittableRandom(1));
        SketchMeasurement measurement = new SketchMeasurement(PROBLEM.signalShape(), 4, 9, TestMatrixKind.GAUSSIAN, 0.3,
                0.7, SketchMeasurement.Delivery.BATCH);
        Observations observed = measurement.observe(truth, new SplittableRandom(2));
        SketchOperator operator = (SketchOperator) observed.operator();
        assertThat(MatrixOps.frobeniusNorm(operator.rangeSketch(observed.noise()))).isCloseTo(0.3, within(1e-12));
        assertThat(MatrixOps.frobeniusNorm(operator.corangeSketch(observed.noise()))).isCloseTo(0.7, within(1e-12));
        // The sketches are X Omega and Psi X, plus that noise.
        DoubleMatrix2D y = operator.rangeSketch(observed.values());
        DoubleMatrix2D clean = operator.omega().applyToRows(truth.signal());
        assertThat(MatrixOps.distance(y, clean)).isCloseTo(0.3, within(1e-12));
        assertThat(y.rows()).isEqualTo(15);
        assertThat(y.columns()).isEqualTo(4);
        assertThat(operator.corangeSketch(observed.values()).rows()).isEqualTo(9);
    }

    @Test
    void noiseLevelsShareTestMatricesAndNoiseDirections() {
        GroundTruth truth = PROBLEM.draw(new SplittableRandom(3));
        Observations quiet = new SketchMeasurement(PROBLEM.signalShape(), 4, 9, TestMatrixKind.GAUSSIAN, 0.1, 0.1,
                SketchMeasurement.Delivery.BATCH).observe(truth, new SplittableRandom(4));
        Observations loud = new SketchMeasurement(PROBLEM.signalShape(), 4, 9, TestMatrixKind.GAUSSIAN, 0.5, 0.5,
                SketchMeasurement.Delivery.BATCH).observe(truth, new SplittableRandom(4));
        for (int i = 0; i < quiet.noise().size(); i++) {
            assertThat(loud.noise().getQuick(i)).isCloseTo(5 * quiet.noise().getQuick(i), within(1e-12));
        }
    }

    @ParameterizedTest
    @EnumSource(value = SketchMeasurement.Delivery.class, names = {"ENTRIES", "RANK_ONE"})
    void streamedSketchesEqualBatchSketches(SketchMeasurement.Delivery delivery) {
        GroundTruth truth = PROBLEM.draw(new SplittableRandom(5));
        for (TestMatrixKind kind : TestMatrixKind.values()) {
            Observations batch = new SketchMeasurement(PROBLEM.signalShape(), 4, 9, kind, 0.1, 0.2,
                    SketchMeasurement.Delivery.BATCH).observe(truth, new SplittableRandom(6));
            Observations streamed = new SketchMeasurement(PROBLEM.signalShape(), 4, 9, kind, 0.1, 0.2, delivery)
                    .observe(truth, new SplittableRandom(6));
            double scale = MatrixOps.norm(batch.values());
            for (int i = 0; i < batch.values().size(); i++) {
                assertThat(streamed.values().getQuick(i)).isCloseTo(batch.values().getQuick(i), within(1e-12 * scale));
            }
        }
    }

    @Tag(RetainedHeap.TAG)
    @ParameterizedTest
    @EnumSource(TestMatrixKind.class)
    void estimatedBytesAreWhatAnObservationKeeps(TestMatrixKind kind) {
        LowRankProblem problem = new LowRankProblem(600, 500, Spectrum.of(5, 10, Spectrum.Spacing.GEOMETRIC),
                Spectrum.tail(495, Spectrum.Tail.POLYNOMIAL, 0.2, 1));
        GroundTruth truth = problem.draw(new SplittableRandom(1));
        SketchMeasurement measurement = new SketchMeasurement(problem.signalShape(), 100, 200, kind, 0.1, 0.1,
                SketchMeasurement.Delivery.BATCH);
        long retained = RetainedHeap.bytes(() -> measurement.observe(truth, new SplittableRandom(2)));
        assertThat(measurement.estimatedBytes()).isBetween(retained * 9 / 10, retained * 11 / 10);
    }
}
