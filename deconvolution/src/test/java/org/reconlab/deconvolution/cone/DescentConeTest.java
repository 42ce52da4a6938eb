package org.reconlab.deconvolution.cone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;

class DescentConeTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void projectionLandsInTheConeIsIdempotentAndLeavesAnOrthogonalRemainder(int rank) {
        SplittableRandom random = new SplittableRandom(rank);
        DoubleMatrix2D x = MatrixOps.mult(RandomMatrices.gaussian(6, rank, 1, random), RandomMatrices.gaussian(rank, 5, 1, random));
        DescentCone cone = new DescentCone(x);
        for (int trial = 0; trial < 20; trial++) {
            DoubleMatrix2D z = RandomMatrices.gaussian(6, 5, 1, random);
            DoubleMatrix2D projected = cone.project(z);
            DoubleMatrix2D remainder = z.copy().assign(projected, cern.jet.math.Functions.minus);

            assertThat(cone.firstOrderGrowth(projected)).isLessThanOrEqualTo(1e-9);
            assertThat(MatrixOps.distance(cone.project(projected), projected)).isLessThan(1e-9);
            // Moreau: for a projection onto a closed convex cone, the remainder is orthogonal to the projection.
            assertThat(MatrixOps.inner(projected, remainder)).isCloseTo(0, within(1e-9));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, 0.5})
    void pointsAlongThePointItselfAreInsideOrProjectToZero(double direction) {
        SplittableRandom random = new SplittableRandom(3);
        DoubleMatrix2D x = MatrixOps.multTransB(RandomMatrices.gaussian(4, 1, 1, random), RandomMatrices.gaussian(4, 1, 1, random));
        DoubleMatrix2D z = x.copy().assign(cern.jet.math.Functions.mult(direction));
        DoubleMatrix2D projected = new DescentCone(x).project(z);
        // Shrinking X is a descent direction; growing it is in the polar cone, which projects to the apex.
        double expected = direction < 0 ? MatrixOps.frobeniusNorm(z) : 0;
        assertThat(MatrixOps.frobeniusNorm(projected)).isCloseTo(expected, within(1e-12));
    }
}
