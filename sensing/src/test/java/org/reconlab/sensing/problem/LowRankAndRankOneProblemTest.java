package org.reconlab.sensing.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Shape;

class LowRankAndRankOneProblemTest {

    @Test
    void lowRankHasThePlantedSingularValuesAndBalancedFactors() {
        double[] sigma = Spectrum.of(3, 10.0, Spectrum.Spacing.GEOMETRIC);
        GroundTruth truth = new LowRankProblem(9, 6, sigma).draw(new SplittableRandom(1));
        assertThat(truth.shape()).isEqualTo(Shape.matrix(9, 6));
        double[] s = Decompositions.singularValues(truth.signal());
        for (int j = 0; j < 6; j++) {
            assertThat(s[j]).isCloseTo(j < 3 ? sigma[j] : 0, within(1e-12));
        }
        DoubleMatrix2D left = truth.parts().get(LowRankProblem.LEFT);
        DoubleMatrix2D right = truth.parts().get(LowRankProblem.RIGHT);
        assertThat(MatrixOps.distance(MatrixOps.multTransB(left, right), truth.signal())).isLessThan(1e-14);
        assertThat(MatrixOps.distance(MatrixOps.multTransA(left, left), MatrixOps.multTransA(right, right)))
                .isLessThan(1e-12);
    }

    @Test
    void rankOneIsAnOuterProductOfUnitVectors() {
        GroundTruth truth = new RankOneProblem(7, 4).draw(new SplittableRandom(2));
        DoubleMatrix2D u = truth.parts().get(RankOneProblem.U);
        DoubleMatrix2D v = truth.parts().get(RankOneProblem.V);
        assertThat(MatrixOps.frobeniusNorm(u)).isCloseTo(1, within(1e-14));
        assertThat(MatrixOps.frobeniusNorm(v)).isCloseTo(1, within(1e-14));
        assertThat(MatrixOps.distance(MatrixOps.multTransB(u, v), truth.signal())).isZero();
        assertThat(truth.shape()).isEqualTo(Shape.matrix(7, 4));
        assertThat(new RankOneProblem(7, 4).draw(new SplittableRandom(2)).signal().toArray())
                .isDeepEqualTo(truth.signal().toArray());
    }
}
