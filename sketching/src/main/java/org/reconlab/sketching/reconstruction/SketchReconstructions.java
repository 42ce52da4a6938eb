package org.reconlab.sketching.reconstruction;

import cern.colt.matrix.DoubleMatrix2D;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.sketching.testmatrix.TestMatrix;

/**
 * Low-rank reconstructions of {@code X} (n1 x n2) from its range sketch {@code Y = X Omega + E1} (n1 x k) and
 * co-range sketch {@code W = Psi X + E2} (l x n2). With exact sketches, {@code k <= l} and {@code rank X <= k}, the
 * two double sketch formulas return {@code X} itself (for generic test matrices).
 */
public final class SketchReconstructions {

    private SketchReconstructions() {
    }

    /**
     * The double sketch {@code X_hat = Y (Psi Y)^+ W}: the generalized Nystrom form (Nakatsukasa 2020, "Fast and
     * stable randomized low-rank matrix approximation"; Clarkson and Woodruff 2009 for its streaming use). Returned
     * as the factors {@code Y} and {@code (Psi Y)^+ W}.
     */
    public static LowRankFactors doubleSketch(DoubleMatrix2D y, DoubleMatrix2D w, TestMatrix psi) {
        checkSketches(y, w, psi);
        DoubleMatrix2D psiY = psi.apply(y);
        return new LowRankFactors(y.copy(), PseudoInverse.solve(psiY, w));
    }

    /**
     * The orthonormalized double sketch {@code Q = orth(Y)}, {@code X_hat = Q (Psi Q)^+ W} (Tropp, Yurtsever, Udell
     * and Cevher 2017, "Practical sketching algorithms for low-rank matrix approximation"). It equals
     * {@link #doubleSketch} when {@code Y} has full column rank, but is better conditioned: for Gaussian {@code Psi},
     * {@code Psi Q} is again an l x k Gaussian matrix, whose condition number depends on k and l alone, while
     * {@code Psi Y} inherits the condition number of {@code Y}.
     */
    public static LowRankFactors orthonormalDoubleSketch(DoubleMatrix2D y, DoubleMatrix2D w, TestMatrix psi) {
        checkSketches(y, w, psi);
        DoubleMatrix2D q = orthonormalBasis(y);
        return new LowRankFactors(q, PseudoInverse.solve(psi.apply(q), w));
    }

    /**
     * Randomized SVD with a second pass over {@code X}: {@code Q = orth(Y)}, {@code X_hat = Q Q^T X} (Halko,
     * Martinsson and Tropp 2011, "Finding structure with randomness", Algorithms 4.1 and 5.1). It is the baseline the
     * one-pass double sketch tries to match: it reads {@code X} again instead of using a co-range sketch.
     */
    public static LowRankFactors randomizedSvd(DoubleMatrix2D y, DoubleMatrix2D x) {
        if (y.rows() != x.rows()) {
            throw new IllegalArgumentException("range sketch has " + y.rows() + " rows, the matrix " + x.rows());
        }
        DoubleMatrix2D q = orthonormalBasis(y);
        return new LowRankFactors(q, MatrixOps.multTransA(q, x));
    }

    /**
     * An orthonormal basis {@code Q} (n1 x k) whose span contains that of {@code y}: the Q factor of the Householder
     * QR, which stays orthonormal when {@code y} is rank deficient.
     */
    public static DoubleMatrix2D orthonormalBasis(DoubleMatrix2D y) {
        if (y.rows() < y.columns()) {
            throw new IllegalArgumentException("range sketch is " + y.rows() + " x " + y.columns()
                    + "; orthonormalizing needs rows >= columns");
        }
        return MatrixOps.orthonormalize(y);
    }

    private static void checkSketches(DoubleMatrix2D y, DoubleMatrix2D w, TestMatrix psi) {
        if (psi.columns() != y.rows() || psi.rows() != w.rows()) {
            throw new IllegalArgumentException("sketches do not fit: Y is " + y.rows() + " x " + y.columns() + ", W is "
                    + w.rows() + " x " + w.columns() + ", Psi is " + psi.rows() + " x " + psi.columns());
        }
    }
}
