package org.reconlab.sensing.measurement;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import org.reconlab.core.spi.LinearOperator;

/**
 * A sensing operator with kernels that work on factors {@code U} (d1 x k) and {@code V} (d2 x k) without forming the
 * d1 x d2 matrices {@code U V^T} or {@code A*(y)}. Only operators for which that is cheaper implement it (rank-one
 * projections: O(m d k) instead of O(m d^2)); factorized models then build their objective on these kernels.
 */
public interface FactorOperator extends LinearOperator {

    /** Writes {@code <A_i, U V^T>} into {@code out}, i = 1..m. */
    void applyFactored(DoubleMatrix2D u, DoubleMatrix2D v, DoubleMatrix1D out);

    /** {@code A*(y) V}, a d1 x k matrix. */
    DoubleMatrix2D adjointTimes(DoubleMatrix1D y, DoubleMatrix2D v);

    /** {@code A*(y)^T U}, a d2 x k matrix. */
    DoubleMatrix2D adjointTransposeTimes(DoubleMatrix1D y, DoubleMatrix2D u);

    /** {@code (A*(y) + A*(y)^T) U} for a square domain, the gradient kernel of {@code U U^T}. */
    default DoubleMatrix2D symmetrizedAdjointTimes(DoubleMatrix1D y, DoubleMatrix2D u) {
        DoubleMatrix2D out = adjointTimes(y, u);
        out.assign(adjointTransposeTimes(y, u), cern.jet.math.Functions.plus);
        return out;
    }

    /**
     * The gradient kernel of {@code U U^T} in one call: with {@code r = A(U U^T) - y}, writes
     * {@code (A*(r) + A*(r)^T) U} into {@code out} (d x k) and returns {@code ||r||^2}. Operators override it with a
     * single pass over their data; the result must equal the composition of the methods above.
     */
    default double residualSymmetrizedAdjointTimes(DoubleMatrix2D u, DoubleMatrix1D y, DoubleMatrix2D out) {
        DoubleMatrix1D residual = new cern.colt.matrix.impl.DenseDoubleMatrix1D(rangeSize());
        applyFactored(u, u, residual);
        double squared = 0;
        for (int i = 0; i < residual.size(); i++) {
            double r = residual.getQuick(i) - y.getQuick(i);
            residual.setQuick(i, r);
            squared += r * r;
        }
        out.assign(symmetrizedAdjointTimes(residual, u));
        return squared;
    }
}
