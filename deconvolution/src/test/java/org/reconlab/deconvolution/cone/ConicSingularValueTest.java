package org.reconlab.deconvolution.cone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Shape;
import org.reconlab.deconvolution.measurement.LiftedConvolutionMeasurement;
import org.reconlab.deconvolution.measurement.LiftedConvolutionOperator;
import org.reconlab.deconvolution.measurement.SubspaceBasis;
import org.reconlab.deconvolution.noise.AdversarialNoiseSearch;
import org.reconlab.deconvolution.problem.BlindDeconvolutionProblem;

class ConicSingularValueTest {

    private static LiftedConvolutionOperator operator(int length, int k, int n, long seed) {
        return new LiftedConvolutionMeasurement(length, k, n, SubspaceBasis.IDENTITY, LiftedConvolutionMeasurement.Noise.NONE,
                0, AdversarialNoiseSearch.defaults()).drawOperator(new SplittableRandom(seed));
    }

    private static DoubleMatrix2D truth(int k, int n, long seed) {
        return new BlindDeconvolutionProblem(k, n).draw(new SplittableRandom(seed)).signal();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void withAComplementOfRankOneTheRelaxationIsExactAndTheSearchReachesIt(long seed) {
        // K = 2: P_perp(Z) is 1 x (N - 1), its nuclear and Frobenius norms agree, so both bounds are tau_min itself.
        ConicSingularValue values = new ConicSingularValue(operator(8, 2, 3, seed), truth(2, 3, seed + 10));

        double lower = values.lowerBound();
        double upper = values.search(8, 20_000, new SplittableRandom(seed)).value();

        assertThat(lower).isPositive();
        assertThat(upper).isCloseTo(lower, within(1e-6 + 1e-4 * lower));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void bracketsTheValueAndTheSearchedDirectionIsAUnitDescentDirection(long seed) {
        LiftedConvolutionOperator a = operator(16, 4, 4, seed);
        ConicSingularValue values = new ConicSingularValue(a, truth(4, 4, seed + 10));

        ConicSingularValue.Direction direction = values.search(4, 2000, new SplittableRandom(seed));
        double lower = values.lowerBound();

        assertThat(MatrixOps.frobeniusNorm(direction.z())).isCloseTo(1, within(1e-12));
        assertThat(values.cone().firstOrderGrowth(direction.z())).isLessThanOrEqualTo(1e-9);
        assertThat(MatrixOps.norm(a.apply(direction.z()))).isCloseTo(direction.value(), within(1e-10));
        assertThat(lower).isPositive().isLessThanOrEqualTo(direction.value());
        // -X* is a unit descent direction with ||A(-X*)|| near 1 (the normalization); the search does much better.
        assertThat(direction.value()).isLessThan(0.6 * MatrixOps.norm(a.apply(values.cone().sign())));
    }

    @Test
    void anIsometryHasConicSingularValueOne() {
        DoubleMatrix2D x = truth(3, 4, 5);
        ConicSingularValue values = new ConicSingularValue(new Entries(3, 4), x);

        assertThat(values.lowerBound()).isCloseTo(1, within(1e-9));
        assertThat(values.search(2, 10, new SplittableRandom(6)).value()).isCloseTo(1, within(1e-12));
    }

    @Test
    void tooFewMeasurementsLeaveAKernelDirectionInTheCone() {
        // L = 4 observations of a 4 x 4 matrix whose tangent space alone has dimension 7: tau_min = 0.
        ConicSingularValue values = new ConicSingularValue(operator(4, 4, 4, 7), truth(4, 4, 8));

        assertThat(values.lowerBound()).isZero();
        assertThat(values.search(4, 5000, new SplittableRandom(9)).value()).isLessThan(1e-6);
    }

    /** All entries of a matrix, row-major: an isometry. */
    private record Entries(int rows, int columns) implements LinearOperator {
        @Override
        public Shape domain() {
            return Shape.matrix(rows, columns);
        }

        @Override
        public int rangeSize() {
            return rows * columns;
        }

        @Override
        public void apply(DoubleMatrix2D x, DoubleMatrix1D out) {
            for (int i = 0; i < rows * columns; i++) {
                out.setQuick(i, x.getQuick(i / columns, i % columns));
            }
        }

        @Override
        public void adjoint(DoubleMatrix1D y, DoubleMatrix2D out) {
            for (int i = 0; i < rows * columns; i++) {
                out.setQuick(i / columns, i % columns, y.getQuick(i));
            }
        }
    }
}
