package org.reconlab.sensing.measurement;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import org.reconlab.core.spi.LinearOperator;

/**
 * The design matrices of the two linear least-squares problems hidden in {@code A(U V^T) = y}: with {@code V} fixed
 * the map {@code U -> A(U V^T)} is linear, and its m x (d1 k) matrix has row i equal to {@code vec(A_i V)}
 * (row-major d1 x k); likewise for {@code V} with {@code vec(A_i^T U)}. ALS solves these problems. Operators that
 * hold their {@code A_i} implement this directly; {@link #leftDesign(LinearOperator, DoubleMatrix2D)} falls back to
 * applying any operator to the basis matrices {@code e_j v_l^T}.
 */
public interface DesignOperator extends LinearOperator {

    /** The m x (d1 k) matrix with rows {@code vec(A_i V)}, so that {@code A(U V^T)_i = <row_i, vec(U)>}. */
    DoubleMatrix2D leftDesign(DoubleMatrix2D v);

    /** The m x (d2 k) matrix with rows {@code vec(A_i^T U)}, so that {@code A(U V^T)_i = <row_i, vec(V)>}. */
    DoubleMatrix2D rightDesign(DoubleMatrix2D u);

    /** {@code operator.leftDesign(v)} if it is a {@link DesignOperator}, else built column by column. */
    static DoubleMatrix2D leftDesign(LinearOperator operator, DoubleMatrix2D v) {
        if (operator instanceof DesignOperator design) {
            return design.leftDesign(v);
        }
        return byBasis(operator, v, false);
    }

    /** {@code operator.rightDesign(u)} if it is a {@link DesignOperator}, else built column by column. */
    static DoubleMatrix2D rightDesign(LinearOperator operator, DoubleMatrix2D u) {
        if (operator instanceof DesignOperator design) {
            return design.rightDesign(u);
        }
        return byBasis(operator, u, true);
    }

    /** Column (j, l) is {@code A(e_j f_l^T)} (left) or {@code A(f_l e_j^T)} (right), f the fixed factor. */
    private static DoubleMatrix2D byBasis(LinearOperator operator, DoubleMatrix2D fixed, boolean right) {
        int rows = operator.domain().rows();
        int columns = operator.domain().columns();
        int free = right ? columns : rows;
        int other = right ? rows : columns;
        if (fixed.rows() != other) {
            throw new IllegalArgumentException("fixed factor has " + fixed.rows() + " rows, expected " + other);
        }
        int k = fixed.columns();
        DoubleMatrix2D design = new DenseDoubleMatrix2D(operator.rangeSize(), free * k);
        DoubleMatrix2D basis = new DenseDoubleMatrix2D(rows, columns);
        for (int j = 0; j < free; j++) {
            for (int l = 0; l < k; l++) {
                for (int t = 0; t < other; t++) {
                    if (right) {
                        basis.setQuick(t, j, fixed.getQuick(t, l));
                    } else {
                        basis.setQuick(j, t, fixed.getQuick(t, l));
                    }
                }
                design.viewColumn(j * k + l).assign(operator.apply(basis));
                basis.assign(0);
            }
        }
        return design;
    }
}
