package org.reconlab.core.operator;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Shape;

/**
 * Observations {@code rows[0], rows[1], ...} of any linear operator: {@code (S A)(X) = A(X)[rows]} and
 * {@code (S A)*(z) = A*(S^T z)}, where {@code S^T} scatters z back into a zero vector of the full length. It applies
 * the whole operator, so operators that can do better implement {@link RestrictableOperator}.
 */
public final class RowSubsetOperator implements LinearOperator {

    private final LinearOperator operator;
    private final int[] rows;

    public RowSubsetOperator(LinearOperator operator, int[] rows) {
        this.operator = requireNonNull(operator, "operator is null");
        this.rows = checkRows(rows, operator.rangeSize());
    }

    /** The observations {@code rows} of {@code operator}, by its own kernel when it has one. */
    public static LinearOperator restrict(LinearOperator operator, int[] rows) {
        if (operator instanceof RestrictableOperator restrictable) {
            return restrictable.restrict(rows);
        }
        return new RowSubsetOperator(operator, rows);
    }

    /** Checks that every index is in {@code [0, m)} and returns a copy. */
    public static int[] checkRows(int[] rows, int m) {
        requireNonNull(rows, "rows is null");
        for (int row : rows) {
            if (row < 0 || row >= m) {
                throw new IllegalArgumentException("row " + row + " is outside [0, " + m + ")");
            }
        }
        return rows.clone();
    }

    @Override
    public Shape domain() {
        return operator.domain();
    }

    @Override
    public int rangeSize() {
        return rows.length;
    }

    @Override
    public void apply(DoubleMatrix2D x, DoubleMatrix1D out) {
        if (out.size() != rows.length) {
            throw new IllegalArgumentException("out has length " + out.size() + ", the operator has " + rows.length
                    + " observations");
        }
        DoubleMatrix1D full = operator.apply(x);
        for (int t = 0; t < rows.length; t++) {
            out.setQuick(t, full.getQuick(rows[t]));
        }
    }

    @Override
    public void adjoint(DoubleMatrix1D y, DoubleMatrix2D out) {
        if (y.size() != rows.length) {
            throw new IllegalArgumentException("y has length " + y.size() + ", the operator has " + rows.length
                    + " observations");
        }
        DoubleMatrix1D full = new DenseDoubleMatrix1D(operator.rangeSize());
        for (int t = 0; t < rows.length; t++) {
            full.setQuick(rows[t], full.getQuick(rows[t]) + y.getQuick(t));
        }
        operator.adjoint(full, out);
    }
}
