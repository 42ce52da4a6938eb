package org.reconlab.sketching.measurement;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Shape;
import org.reconlab.sketching.testmatrix.TestMatrix;

/**
 * The double sketch as one linear operator: {@code A(X) = [vec(X Omega); vec(Psi X)]}, the range sketch
 * {@code Y = X Omega} (n1 x k) followed by the co-range sketch {@code W = Psi X} (l x n2), each vectorized row by row.
 * The adjoint is {@code A*(y) = Y1 Omega^T + Psi^T Y2} for {@code y = [vec(Y1); vec(Y2)]}. A tensor signal is
 * sketched as its n1 x (n2 n3) mode-1 unfolding.
 */
public final class SketchOperator implements LinearOperator {

    private final Shape domain;
    private final int rows;
    private final int columns;
    private final TestMatrix omegaTransposed;
    private final TestMatrix psi;

    /**
     * @param omegaTransposed {@code Omega^T}, k x n2
     * @param psi {@code Psi}, l x n1
     */
    public SketchOperator(Shape domain, TestMatrix omegaTransposed, TestMatrix psi) {
        this.domain = requireNonNull(domain, "domain is null");
        this.omegaTransposed = requireNonNull(omegaTransposed, "omegaTransposed is null");
        this.psi = requireNonNull(psi, "psi is null");
        this.rows = domain.rows();
        this.columns = domain.columns() * domain.depth();
        if (omegaTransposed.columns() != columns || psi.columns() != rows) {
            throw new IllegalArgumentException("test matrices do not fit a " + domain + ": Omega^T is "
                    + omegaTransposed.rows() + " x " + omegaTransposed.columns() + ", Psi is " + psi.rows() + " x "
                    + psi.columns());
        }
    }

    @Override
    public Shape domain() {
        return domain;
    }

    @Override
    public int rangeSize() {
        return rows * rangeSketchSize() + corangeSketchSize() * columns;
    }

    /** {@code k}, the number of columns of {@code Y}. */
    public int rangeSketchSize() {
        return omegaTransposed.rows();
    }

    /** {@code l}, the number of rows of {@code W}. */
    public int corangeSketchSize() {
        return psi.rows();
    }

    /** The range test matrix as {@code Omega^T} (k x n2): {@code Y = X Omega = omega().applyToRows(X)}. */
    public TestMatrix omega() {
        return omegaTransposed;
    }

    /** The co-range test matrix {@code Psi} (l x n1): {@code W = psi().apply(X)}. */
    public TestMatrix psi() {
        return psi;
    }

    /**
     * {@code Omega} (n2 x k) and {@code Psi} (l x n1) when they are stored densely (Gaussian test matrices), so that
     * {@code Y = X @ Omega} and {@code W = Psi @ X} rebuild the sketches; structured kinds (SRTT, sparse signs) are
     * held implicitly and export nothing: their {@link TestMatrix#toDense()} rebuilds them.
     */
    @Override
    public Blocks denseParts() {
        if (!omegaTransposed.storedDensely() || !psi.storedDensely()) {
            return Blocks.builder().build();
        }
        return Blocks.of("Omega", omegaTransposed.toDense().viewDice().copy(), "Psi", psi.toDense());
    }

    @Override
    public void apply(DoubleMatrix2D x, DoubleMatrix1D out) {
        if (x.rows() != rows || x.columns() != columns) {
            throw new IllegalArgumentException("signal is " + x.rows() + " x " + x.columns() + ", the sketch takes a "
                    + domain + " stored as " + rows + " x " + columns);
        }
        checkLength(out, "output");
        write(omegaTransposed.applyToRows(x), psi.apply(x), out);
    }

    @Override
    public void adjoint(DoubleMatrix1D y, DoubleMatrix2D out) {
        checkLength(y, "observation vector");
        if (out.rows() != rows || out.columns() != columns) {
            throw new IllegalArgumentException("output is " + out.rows() + " x " + out.columns() + ", expected " + rows
                    + " x " + columns);
        }
        DoubleMatrix2D fromRange = omegaTransposed.applyTransposeToRows(rangeSketch(y));
        DoubleMatrix2D fromCorange = psi.applyTranspose(corangeSketch(y));
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                out.setQuick(i, j, fromRange.getQuick(i, j) + fromCorange.getQuick(i, j));
            }
        }
    }

    /** The range sketch {@code Y} (n1 x k) held in the first {@code n1 k} entries of {@code values}, a copy. */
    public DoubleMatrix2D rangeSketch(DoubleMatrix1D values) {
        checkLength(values, "observation vector");
        return unpack(values, 0, rows, rangeSketchSize());
    }

    /** The co-range sketch {@code W} (l x n2) held after the range sketch in {@code values}, a copy. */
    public DoubleMatrix2D corangeSketch(DoubleMatrix1D values) {
        checkLength(values, "observation vector");
        return unpack(values, rows * rangeSketchSize(), corangeSketchSize(), columns);
    }

    /** Writes {@code [vec(y); vec(w)]} into {@code out}, the layout of this operator's observations. */
    public void write(DoubleMatrix2D y, DoubleMatrix2D w, DoubleMatrix1D out) {
        int k = rangeSketchSize();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < k; j++) {
                out.setQuick(i * k + j, y.getQuick(i, j));
            }
        }
        int offset = rows * k;
        for (int i = 0; i < corangeSketchSize(); i++) {
            for (int j = 0; j < columns; j++) {
                out.setQuick(offset + i * columns + j, w.getQuick(i, j));
            }
        }
    }

    private static DoubleMatrix2D unpack(DoubleMatrix1D values, int offset, int rows, int columns) {
        DoubleMatrix2D out = new DenseDoubleMatrix2D(rows, columns);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                out.setQuick(i, j, values.getQuick(offset + i * columns + j));
            }
        }
        return out;
    }

    private void checkLength(DoubleMatrix1D vector, String what) {
        if (vector.size() != rangeSize()) {
            throw new IllegalArgumentException(what + " has length " + vector.size() + ", the sketch gives " + rangeSize()
                    + " values");
        }
    }
}
