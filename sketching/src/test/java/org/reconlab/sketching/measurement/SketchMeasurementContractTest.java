package org.reconlab.sketching.measurement;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.reconlab.core.contract.AbstractMeasurementContractTest;
import org.reconlab.core.problem.LowRankProblem;
import org.reconlab.core.problem.Spectrum;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.Shape;
import org.reconlab.sketching.problem.LowTubalRankProblem;
import org.reconlab.sketching.testmatrix.TestMatrixKind;

/** The measurement contract for every test matrix kind, delivery, and for tensors sketched as their unfolding. */
class SketchMeasurementContractTest {

    private static final LowRankProblem PROBLEM = new LowRankProblem(12, 9, new double[] {1, 1},
            Spectrum.tail(7, Spectrum.Tail.FLAT, 0.1, 1));

    abstract static class MatrixCase extends AbstractMeasurementContractTest {
        @Override
        protected GroundTruth truth(SplittableRandom random) {
            return PROBLEM.draw(random);
        }
    }

    @Nested
    class Gaussian extends MatrixCase {
        @Override
        protected Measurement measurement() {
            return new SketchMeasurement(PROBLEM.signalShape(), 3, 7, TestMatrixKind.GAUSSIAN, 0.2, 0.3,
                    SketchMeasurement.Delivery.BATCH);
        }
    }

    @Nested
    class SparseSign extends MatrixCase {
        @Override
        protected Measurement measurement() {
            return new SketchMeasurement(PROBLEM.signalShape(), 4, 4, TestMatrixKind.SPARSE_SIGN, 0.1, 0,
                    SketchMeasurement.Delivery.BATCH);
        }
    }

    @Nested
    class Srtt extends MatrixCase {
        @Override
        protected Measurement measurement() {
            return new SketchMeasurement(PROBLEM.signalShape(), 3, 5, TestMatrixKind.SRTT, 0, 0.4,
                    SketchMeasurement.Delivery.BATCH);
        }
    }

    @Nested
    class StreamedEntries extends MatrixCase {
        @Override
        protected Measurement measurement() {
            return new SketchMeasurement(PROBLEM.signalShape(), 3, 7, TestMatrixKind.GAUSSIAN, 0.2, 0.3,
                    SketchMeasurement.Delivery.ENTRIES);
        }
    }

    @Nested
    class StreamedRankOne extends MatrixCase {
        @Override
        protected Measurement measurement() {
            return new SketchMeasurement(PROBLEM.signalShape(), 3, 7, TestMatrixKind.SPARSE_SIGN, 0.2, 0.3,
                    SketchMeasurement.Delivery.RANK_ONE);
        }
    }

    @Nested
    class TensorUnfolding extends AbstractMeasurementContractTest {
        private final LowTubalRankProblem problem = new LowTubalRankProblem(6, 4, 3, 1, 0.1, true);

        @Override
        protected Measurement measurement() {
            return new SketchMeasurement(Shape.tensor(6, 4, 3), 2, 5, TestMatrixKind.GAUSSIAN, 0.1, 0.1,
                    SketchMeasurement.Delivery.BATCH);
        }

        @Override
        protected GroundTruth truth(SplittableRandom random) {
            return problem.draw(random);
        }
    }
}
