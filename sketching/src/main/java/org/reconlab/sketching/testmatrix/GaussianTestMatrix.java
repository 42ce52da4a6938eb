package org.reconlab.sketching.testmatrix;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import java.util.random.RandomGenerator;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;

/** A dense test matrix with independent N(0, 1) entries, the case the error bounds of the literature are proved for. */
public final class GaussianTestMatrix implements TestMatrix {

    private final DoubleMatrix2D entries;

    private GaussianTestMatrix(DoubleMatrix2D entries) {
        this.entries = entries;
    }

    /** Draws a {@code rows x columns} matrix, row by row, from {@code random}. */
    public static GaussianTestMatrix draw(int rows, int columns, RandomGenerator random) {
        return new GaussianTestMatrix(RandomMatrices.gaussian(rows, columns, 1.0, random));
    }

    /** A Gaussian test matrix drawn elsewhere (by NumPy, to compare on the same instance); kept, not copied. */
    public static GaussianTestMatrix of(DoubleMatrix2D entries) {
        return new GaussianTestMatrix(requireNonNull(entries, "entries is null"));
    }

    @Override
    public int rows() {
        return entries.rows();
    }

    @Override
    public int columns() {
        return entries.columns();
    }

    @Override
    public DoubleMatrix2D apply(DoubleMatrix2D a) {
        TestMatrix.checkRows(a, columns(), "operand of S a");
        return MatrixOps.mult(entries, a);
    }

    @Override
    public DoubleMatrix2D applyTranspose(DoubleMatrix2D b) {
        TestMatrix.checkRows(b, rows(), "operand of S^T b");
        return MatrixOps.multTransA(entries, b);
    }

    @Override
    public DoubleMatrix2D applyToRows(DoubleMatrix2D a) {
        if (a.columns() != columns()) {
            throw new IllegalArgumentException("operand of a S^T has " + a.columns() + " columns, expected " + columns());
        }
        return MatrixOps.multTransB(a, entries);
    }

    @Override
    public DoubleMatrix2D applyTransposeToRows(DoubleMatrix2D b) {
        if (b.columns() != rows()) {
            throw new IllegalArgumentException("operand of b S has " + b.columns() + " columns, expected " + rows());
        }
        return MatrixOps.mult(b, entries);
    }

    @Override
    public DoubleMatrix1D column(int j) {
        return entries.viewColumn(j).copy();
    }

    @Override
    public boolean storedDensely() {
        return true;
    }

    @Override
    public DoubleMatrix2D toDense() {
        return entries.copy();
    }
}
