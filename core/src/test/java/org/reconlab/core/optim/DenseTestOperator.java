package org.reconlab.core.optim;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import java.util.random.RandomGenerator;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Shape;

/**
 * A linear operator on d1 x d2 matrices given by an explicit m x (d1 d2) matrix acting on the row-major
 * vectorization, for solver tests that need an operator without a measurement module.
 */
final class DenseTestOperator implements LinearOperator {

    private final Shape domain;
    private final DoubleMatrix2D matrix;

    DenseTestOperator(Shape domain, DoubleMatrix2D matrix) {
        if (matrix.columns() != domain.rows() * domain.columns()) {
            throw new IllegalArgumentException("matrix has " + matrix.columns() + " columns for " + domain);
        }
        this.domain = domain;
        this.matrix = matrix;
    }

    /** Gaussian sensing, entries N(0, 1/m), so that E||A(X)||^2 = ||X||_F^2. */
    static DenseTestOperator gaussian(int d1, int d2, int m, RandomGenerator random) {
        return new DenseTestOperator(Shape.matrix(d1, d2), RandomMatrices.gaussian(m, d1 * d2, 1 / Math.sqrt(m), random));
    }

    /** Full observation of every entry: A(X) = vec(X). */
    static DenseTestOperator identity(int d1, int d2) {
        DoubleMatrix2D matrix = new cern.colt.matrix.impl.DenseDoubleMatrix2D(d1 * d2, d1 * d2);
        for (int i = 0; i < d1 * d2; i++) {
            matrix.setQuick(i, i, 1);
        }
        return new DenseTestOperator(Shape.matrix(d1, d2), matrix);
    }

    @Override
    public Shape domain() {
        return domain;
    }

    @Override
    public int rangeSize() {
        return matrix.rows();
    }

    @Override
    public void apply(DoubleMatrix2D x, DoubleMatrix1D out) {
        if (x.rows() != domain.rows() || x.columns() != domain.columns()) {
            throw new IllegalArgumentException("signal is " + x.rows() + " x " + x.columns() + ", expected " + domain);
        }
        int columns = domain.columns();
        for (int i = 0; i < matrix.rows(); i++) {
            double sum = 0;
            for (int p = 0; p < matrix.columns(); p++) {
                sum += matrix.getQuick(i, p) * x.getQuick(p / columns, p % columns);
            }
            out.setQuick(i, sum);
        }
    }

    @Override
    public void adjoint(DoubleMatrix1D y, DoubleMatrix2D out) {
        if (y.size() != matrix.rows()) {
            throw new IllegalArgumentException("y has " + y.size() + " entries, expected " + matrix.rows());
        }
        int columns = domain.columns();
        for (int p = 0; p < matrix.columns(); p++) {
            double sum = 0;
            for (int i = 0; i < matrix.rows(); i++) {
                sum += matrix.getQuick(i, p) * y.getQuick(i);
            }
            out.setQuick(p / columns, p % columns, sum);
        }
    }
}
