package org.reconlab.sketching.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.sketching.metric.Spectra;

class NearLowRankProblemTest {

    @ParameterizedTest
    @EnumSource(NearLowRankProblem.Tail.class)
    void drawnMatrixHasThePlantedSingularValues(NearLowRankProblem.Tail tail) {
        NearLowRankProblem problem = new NearLowRankProblem(14, 9, 3, NearLowRankProblem.Spectrum.GEOMETRIC, 10, tail,
                0.05, 0.5);
        GroundTruth truth = problem.draw(new SplittableRandom(1));
        double[] computed = Decompositions.singularValues(truth.signal());
        double[] planted = Spectra.matrixSingularValues(truth);
        for (int j = 0; j < planted.length; j++) {
            assertThat(computed[j]).isCloseTo(planted[j], within(1e-12));
        }
        for (int j = planted.length; j < computed.length; j++) {
            assertThat(computed[j]).isLessThan(1e-12);
        }
        // Head: 1, 10^-1/2, 0.1 (geometric down to 1/condition), above every tail value; tail: Frobenius norm 0.05.
        assertThat(planted[0]).isCloseTo(1, within(1e-15));
        assertThat(planted[1]).isCloseTo(Math.sqrt(0.1), within(1e-15));
        assertThat(planted[2]).isCloseTo(0.1, within(1e-15));
        double expectedTail = tail == NearLowRankProblem.Tail.NONE ? 0 : 0.05 * 0.05;
        assertThat(Spectra.tailEnergy(planted, 3)).isCloseTo(expectedTail, within(1e-15));
        assertThat(planted.length).isEqualTo(tail == NearLowRankProblem.Tail.NONE ? 3 : 9);
    }

    @Test
    void singularVectorsAreOrthonormalAndDrawsAreSeeded() {
        NearLowRankProblem problem = new NearLowRankProblem(12, 12, 2, NearLowRankProblem.Spectrum.FLAT, 1,
                NearLowRankProblem.Tail.FLAT, 0.1, 1);
        GroundTruth first = problem.draw(new SplittableRandom(2));
        GroundTruth second = problem.draw(new SplittableRandom(2));
        assertThat(MatrixOps.distance(first.signal(), second.signal())).isZero();
        assertThat(MatrixOps.distance(MatrixOps.multTransA(first.parts().get("U"), first.parts().get("U")),
                MatrixOps.scaledIdentity(12, 12, 1))).isLessThan(1e-12);
        assertThat(MatrixOps.distance(first.signal(), problem.draw(new SplittableRandom(3)).signal())).isPositive();
    }

    @Test
    void tailProfilesDecayAsDeclared() {
        double[] polynomial = new NearLowRankProblem(10, 10, 2, NearLowRankProblem.Spectrum.FLAT, 1,
                NearLowRankProblem.Tail.POLYNOMIAL, 1, 2).singularValues();
        // (j + 1)^-2 for j = 1, 2: ratio 4/9.
        assertThat(polynomial[3] / polynomial[2]).isCloseTo(4.0 / 9, within(1e-12));
        double[] exponential = new NearLowRankProblem(10, 10, 2, NearLowRankProblem.Spectrum.FLAT, 1,
                NearLowRankProblem.Tail.EXPONENTIAL, 1, 0.5).singularValues();
        assertThat(exponential[3] / exponential[2]).isCloseTo(Math.pow(10, -0.5), within(1e-12));
        double[] flat = new NearLowRankProblem(10, 6, 2, NearLowRankProblem.Spectrum.FLAT, 1,
                NearLowRankProblem.Tail.FLAT, 0.4, 1).singularValues();
        assertThat(flat).containsExactly(new double[] {1, 1, 0.2, 0.2, 0.2, 0.2}, within(1e-15));
    }
}
