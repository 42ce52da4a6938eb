package org.reconlab.sketching.reconstruction;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix2D;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.linalg.MatrixOps;

/**
 * A matrix held as the product {@code left right} of a thin {@code n1 x k} and a flat {@code k x n2} factor, as
 * sketch reconstructions produce it; {@code k} is small, so truncation never needs the SVD of an {@code n1 x n2}
 * matrix.
 */
public record LowRankFactors(DoubleMatrix2D left, DoubleMatrix2D right) {

    public LowRankFactors {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        if (left.columns() != right.rows()) {
            throw new IllegalArgumentException("factors do not chain: " + left.rows() + " x " + left.columns() + " times "
                    + right.rows() + " x " + right.columns());
        }
    }

    /** The inner dimension {@code k}, a bound on the rank. */
    public int innerDimension() {
        return left.columns();
    }

    /** {@code left right}, the {@code n1 x n2} matrix. */
    public DoubleMatrix2D product() {
        return MatrixOps.mult(left, right);
    }

    /**
     * The best rank-{@code rank} approximation of the product (Eckart-Young): with {@code left = Q R} (thin QR) and
     * {@code R right = U diag(s) V^T}, it is {@code (Q U_r diag(s_r)) V_r^T}. A rank at or above the inner dimension
     * returns this unchanged.
     */
    public LowRankFactors truncate(int rank) {
        if (rank < 0) {
            throw new IllegalArgumentException("rank must be >= 0, got " + rank);
        }
        int k = innerDimension();
        if (rank >= k) {
            return this;
        }
        if (left.rows() < k) {
            throw new IllegalArgumentException("truncation needs a thin left factor, got " + left.rows() + " x " + k);
        }
        cern.colt.matrix.linalg.QRDecomposition qr = new cern.colt.matrix.linalg.QRDecomposition(left);
        DoubleMatrix2D core = MatrixOps.mult(qr.getR(), right);
        Decompositions.Svd svd = Decompositions.svd(core);
        DoubleMatrix2D leftSingular = svd.u().viewPart(0, 0, k, rank).copy();
        for (int t = 0; t < rank; t++) {
            double s = svd.singularValues().getQuick(t);
            for (int i = 0; i < k; i++) {
                leftSingular.setQuick(i, t, leftSingular.getQuick(i, t) * s);
            }
        }
        DoubleMatrix2D newLeft = MatrixOps.mult(qr.getQ(), leftSingular);
        DoubleMatrix2D newRight = svd.v().viewPart(0, 0, right.columns(), rank).viewDice().copy();
        return new LowRankFactors(newLeft, newRight);
    }
}
