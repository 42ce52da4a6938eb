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

        TensorCase(int n1, int n2, int n3, int k, int l) {
            this.problem = new LowTubalRankProblem(n1, n2, n3, 2, 0.05);
            this.measurement = new TensorSketchMeasurement(problem.signalShape(), k, l, 0.1, 0.2);
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
            super(7, 5, 5, 3, 6);
        }
    }

    @Nested
    class EvenDepth extends TensorCase {
        EvenDepth() {
            super(6, 8, 4, 2, 5);
        }
    }

    @Nested
    class SingleSlice extends TensorCase {
        SingleSlice() {
            super(5, 5, 1, 2, 3);
        }
    }

    @Tag(RetainedHeap.TAG)
    @Test
    void estimatedBytesAreWhatAnObservationKeeps() {
        LowTubalRankProblem problem = new LowTubalRankProblem(60, 50, 8, 3, 0.05);
        TensorSketchMeasurement measurement = new TensorSketchMeasurement(problem.signalShape(), 12, 20, 0.1, 0.1);
        GroundTruth truth = problem.draw(new SplittableRandom(1));
        long retained = RetainedHeap.bytes(() -> measurement.observe(truth, new SplittableRandom(2)));
        assertThat(measurement.estimatedBytes()).isBetween(retained * 9 / 10, retained * 11 / 10);
    }
}
