package org.reconlab.sketching.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reconlab.core.contract.AbstractMeasurementContractTest;
import org.reconlab.core.contract.RetainedHeap;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Measurement;
import org.reconlab.sketching.problem.LowTubalRankProblem;

/** The measurement contract for t-product sketches, with odd and even third dimensions. */
class TensorSketchMeasurementContractTest {

    abstract static class TensorCase extends AbstractMeasurementContractTest {
        private final LowTubalRankProblem problem;
        private final Measurement measurement;

        TensorCase(int n1, int n2, int n3, int k, int l, TensorSketchMeasurement.TestTensor testTensor) {
            this.problem = new LowTubalRankProblem(n1, n2, n3, 2, 0.05, true);
            this.measurement = new TensorSketchMeasurement(problem.signalShape(), k, l, 0.1, 0.2, testTensor);
        }

        @Override
        protected Measurement measurement() {
            return measurement;
        }

        @Override
        protected GroundTruth truth(SplittableRandom random) {
            return problem.draw(random);
        }
    }

    @Nested
    class OddDepth extends TensorCase {
        OddDepth() {
            super(7, 5, 5, 3, 6, TensorSketchMeasurement.TestTensor.FULL);
        }
    }

    @Nested
    class EvenDepth extends TensorCase {
        EvenDepth() {
            super(6, 8, 4, 2, 5, TensorSketchMeasurement.TestTensor.FULL);
        }
    }

    @Nested
    class SingleSlice extends TensorCase {
        SingleSlice() {
            super(5, 5, 1, 2, 3, TensorSketchMeasurement.TestTensor.FULL);
        }
    }

    @Nested
    class FirstSliceTestTensors extends TensorCase {
        FirstSliceTestTensors() {
            super(7, 6, 5, 3, 5, TensorSketchMeasurement.TestTensor.FIRST_SLICE);
        }
    }

    /**
     * The paper's test tensors: random first slice, zeros elsewhere, so every Fourier slice is the same real matrix
     * and the sketch energy stays that of one slice however deep the tensor is.
     */
    @Test
    void firstSliceTestTensorsAreZeroBeyondTheFirstSliceAndEqualInEveryFourierSlice() {
        LowTubalRankProblem problem = new LowTubalRankProblem(8, 6, 5, 2, 0, true);
        TensorSketchMeasurement measurement = new TensorSketchMeasurement(problem.signalShape(), 3, 4, 0, 0,
                TensorSketchMeasurement.TestTensor.FIRST_SLICE);
        TensorSketchOperator operator = (TensorSketchOperator) measurement
                .observe(problem.draw(new SplittableRandom(1)), new SplittableRandom(2)).operator();
        for (org.reconlab.sketching.tensor.Tensor3 test : java.util.List.of(operator.omega(), operator.psi())) {
            assertThat(org.reconlab.core.linalg.MatrixOps.frobeniusNorm(test.slice(0))).isGreaterThan(1);
            for (int t = 1; t < test.n3(); t++) {
                assertThat(org.reconlab.core.linalg.MatrixOps.frobeniusNorm(test.slice(t))).isZero();
            }
        }
        org.reconlab.sketching.tensor.ComplexMatrix[] psiHat = operator.psiFourierSlices();
        for (org.reconlab.sketching.tensor.ComplexMatrix slice : psiHat) {
            assertThat(org.reconlab.core.linalg.MatrixOps.frobeniusNorm(slice.im())).isLessThan(1e-12);
            assertThat(org.reconlab.core.linalg.MatrixOps.relativeError(slice.re(), operator.psi().slice(0)))
                    .isLessThan(1e-12);
        }
    }

    @Tag(RetainedHeap.TAG)
    @Test
    void estimatedBytesAreWhatAnObservationKeeps() {
        LowTubalRankProblem problem = new LowTubalRankProblem(60, 50, 8, 3, 0.05, true);
        TensorSketchMeasurement measurement = new TensorSketchMeasurement(problem.signalShape(), 12, 20, 0.1, 0.1,
                TensorSketchMeasurement.TestTensor.FULL);
        GroundTruth truth = problem.draw(new SplittableRandom(1));
        long retained = RetainedHeap.bytes(() -> measurement.observe(truth, new SplittableRandom(2)));
        assertThat(measurement.estimatedBytes()).isBetween(retained * 9 / 10, retained * 11 / 10);
    }
}
