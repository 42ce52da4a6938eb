package org.reconlab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;

class NuclearNormSolverTest {

    /** Solver tolerance of these tests; the documented accuracy follows from it. */
    private static final double TOLERANCE = 1e-8;

    /** What the tests demand of solution and KKT residuals at that tolerance. */
    private static final double ACCURACY = 1e-6;

    private final NuclearNormSolver solver = new NuclearNormSolver(1.0, TOLERANCE, 20_000);

    private static DoubleMatrix2D lowRank(int d1, int d2, int rank, SplittableRandom random) {
        return MatrixOps.mult(RandomMatrices.gaussian(d1, rank, 1, random), RandomMatrices.gaussian(rank, d2, 1, random));
    }

    @Test
    void recoversALowRankMatrixFromGaussianMeasurementsAndCertifiesIt() {
        SplittableRandom random = new SplittableRandom(5);
        DoubleMatrix2D truth = lowRank(10, 12, 2, random);
        DenseTestOperator a = DenseTestOperator.gaussian(10, 12, 4 * 2 * 22, random);
        DoubleMatrix1D y = a.apply(truth);

        NuclearNormSolver.Solution solution = solver.solve(a, y, 0, new DenseDoubleMatrix2D(10, 12), random, (k, x) -> true);
        NuclearNormSolver.Optimality kkt = NuclearNormSolver.optimality(a, y, solution);

        assertThat(solution.converged()).isTrue();
        assertThat(MatrixOps.relativeError(solution.x(), truth)).isLessThan(ACCURACY);
        // A*(nu) = U V^T + W with W on the complement of the tangent space and ||W||_op < 1: a dual certificate,
        // which proves the returned rank-2 matrix is the unique minimizer.
        assertThat(kkt.rank()).isEqualTo(2);
        assertThat(kkt.tangentError()).isLessThan(ACCURACY);
        assertThat(kkt.complementNorm()).isLessThan(1);
        assertThat(kkt.residual()).isLessThan(ACCURACY * MatrixOps.norm(y));
    }

    @Test
    void withFullObservationTheSolutionIsTheShrinkageThatSpendsTheNoiseBudget() {
        // min ||X||_* s.t. ||X - Y||_F <= eta has the closed form SVT(Y, tau) with ||SVT(Y, tau) - Y||_F = eta.
        SplittableRandom random = new SplittableRandom(6);
        DoubleMatrix2D observed = RandomMatrices.gaussian(6, 5, 1, random);
        DenseTestOperator a = DenseTestOperator.identity(6, 5);
        DoubleMatrix1D y = a.apply(observed);
        double eta = 0.3 * MatrixOps.frobeniusNorm(observed);
        double low = 0;
        double high = Decompositions.singularValues(observed)[0];
        for (int i = 0; i < 200; i++) {
            double tau = 0.5 * (low + high);
            if (MatrixOps.distance(Decompositions.singularValueThreshold(observed, tau), observed) < eta) {
                low = tau;
            } else {
                high = tau;
            }
        }
        DoubleMatrix2D expected = Decompositions.singularValueThreshold(observed, 0.5 * (low + high));

        NuclearNormSolver.Solution solution = solver.solve(a, y, eta, new DenseDoubleMatrix2D(6, 5), random, (k, x) -> true);
        NuclearNormSolver.Optimality kkt = NuclearNormSolver.optimality(a, y, solution);

        assertThat(solution.converged()).isTrue();
        assertThat(MatrixOps.relativeError(solution.x(), expected)).isLessThan(ACCURACY);
        assertThat(kkt.residual()).isCloseTo(eta, within(ACCURACY * eta));
        assertThat(kkt.alignment()).isCloseTo(1, within(ACCURACY));
    }

    @Test
    void noisyGaussianSolutionSatisfiesTheKktSystemWithAnActiveBound() {
        SplittableRandom random = new SplittableRandom(7);
        DoubleMatrix2D truth = lowRank(8, 9, 1, random);
        DenseTestOperator a = DenseTestOperator.gaussian(8, 9, 60, random);
        DoubleMatrix1D noise = RandomMatrices.gaussianVector(60, 1, random);
        double eta = 0.05 * MatrixOps.frobeniusNorm(truth);
        noise.assign(cern.jet.math.Functions.mult(eta / MatrixOps.norm(noise)));
        DoubleMatrix1D y = a.apply(truth);
        y.assign(noise, cern.jet.math.Functions.plus);

        NuclearNormSolver.Solution solution = solver.solve(a, y, eta, new DenseDoubleMatrix2D(8, 9), random, (k, x) -> true);
        NuclearNormSolver.Optimality kkt = NuclearNormSolver.optimality(a, y, solution);

        assertThat(solution.converged()).isTrue();
        assertThat(kkt.residual()).isCloseTo(eta, within(ACCURACY * MatrixOps.norm(y)));
        assertThat(kkt.alignment()).isCloseTo(1, within(ACCURACY));
        assertThat(kkt.tangentError()).isLessThan(ACCURACY);
        assertThat(kkt.complementNorm()).isLessThanOrEqualTo(1 + ACCURACY);
        // The truth is feasible, so the solution's nuclear norm cannot exceed it; stable recovery keeps it close.
        assertThat(Decompositions.nuclearNorm(solution.x())).isLessThanOrEqualTo(Decompositions.nuclearNorm(truth));
        assertThat(MatrixOps.relativeError(solution.x(), truth)).isLessThan(0.5);
    }

    @Test
    void zeroIsTheSolutionWhenTheBoundCoversTheObservations() {
        SplittableRandom random = new SplittableRandom(8);
        DenseTestOperator a = DenseTestOperator.gaussian(4, 4, 10, random);
        DoubleMatrix1D y = RandomMatrices.gaussianVector(10, 1, random);

        NuclearNormSolver.Solution solution = solver.solve(a, y, MatrixOps.norm(y), RandomMatrices.gaussian(4, 4, 1, random),
                random, (k, x) -> true);

        assertThat(solution.converged()).isTrue();
        assertThat(MatrixOps.frobeniusNorm(solution.x())).isZero();
        assertThat(MatrixOps.norm(solution.dual())).isZero();
    }

    @Test
    void aBoundJustBelowTheObservationsNormGivesANearlyZeroSolutionQuickly() {
        // The centre and the iterate may both be zero when an inner problem converges; that must not stall the solver.
        SplittableRandom random = new SplittableRandom(12);
        DenseTestOperator a = DenseTestOperator.gaussian(4, 5, 15, random);
        DoubleMatrix1D y = a.apply(lowRank(4, 5, 1, random));
        double eta = (1 - 1e-5) * MatrixOps.norm(y);

        NuclearNormSolver.Solution solution = new NuclearNormSolver(3, 1e-6, 5_000)
                .solve(a, y, eta, new DenseDoubleMatrix2D(4, 5), random, (k, x) -> true);

        assertThat(solution.converged()).isTrue();
        assertThat(MatrixOps.frobeniusNorm(solution.x())).isLessThan(1e-3 * MatrixOps.norm(y));
        assertThat(NuclearNormSolver.optimality(a, y, solution).residual()).isCloseTo(eta, within(1e-6 * MatrixOps.norm(y)));
    }

    @Test
    void reportsEveryIterateAndStopsWhenTold() {
        SplittableRandom random = new SplittableRandom(9);
        DenseTestOperator a = DenseTestOperator.gaussian(5, 5, 30, random);
        DoubleMatrix1D y = a.apply(lowRank(5, 5, 1, random));
        int[] seen = {-1};

        NuclearNormSolver.Solution solution = solver.solve(a, y, 0, new DenseDoubleMatrix2D(5, 5), random, (k, x) -> {
            assertThat(k).isEqualTo(seen[0] + 1);
            seen[0] = k;
            return k < 7;
        });

        assertThat(seen[0]).isEqualTo(7);
        assertThat(solution.iterations()).isEqualTo(7);
        assertThat(solution.converged()).isFalse();
    }

    @Test
    void sameStreamGivesTheSameSolution() {
        SplittableRandom random = new SplittableRandom(10);
        DenseTestOperator a = DenseTestOperator.gaussian(6, 7, 40, random);
        DoubleMatrix1D y = a.apply(lowRank(6, 7, 1, random));
        DoubleMatrix2D start = new DenseDoubleMatrix2D(6, 7);

        DoubleMatrix2D first = solver.solve(a, y, 0.01, start, new SplittableRandom(1), (k, x) -> true).x();
        DoubleMatrix2D second = solver.solve(a, y, 0.01, start, new SplittableRandom(1), (k, x) -> true).x();

        assertThat(first.toArray()).isDeepEqualTo(second.toArray());
    }

    @Test
    void rejectsInconsistentInputsNamingTheSizes() {
        SplittableRandom random = new SplittableRandom(11);
        DenseTestOperator a = DenseTestOperator.gaussian(3, 4, 9, random);
        assertThatThrownBy(() -> solver.solve(a, new DenseDoubleMatrix1D(8), 0, new DenseDoubleMatrix2D(3, 4), random,
                (k, x) -> true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8");
        assertThatThrownBy(() -> solver.solve(a, new DenseDoubleMatrix1D(9), 0, new DenseDoubleMatrix2D(4, 3), random,
                (k, x) -> true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 x 3");
        assertThatThrownBy(() -> solver.solve(a, new DenseDoubleMatrix1D(9), -1, new DenseDoubleMatrix2D(3, 4), random,
                (k, x) -> true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> new NuclearNormSolver(0, 1e-6, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("smoothing");
    }
}
