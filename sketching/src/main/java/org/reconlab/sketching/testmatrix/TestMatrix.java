package org.reconlab.sketching.testmatrix;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;

/**
 * A random test matrix {@code S} ({@link #rows()} x {@link #columns()}) that compresses vectors of length
 * {@code columns()} to the sketch size {@code rows()}. The co-range sketch {@code W = Psi X} uses {@code Psi = S}
 * ({@link #apply}); the range sketch {@code Y = X Omega} uses {@code Omega = S^T} ({@link #applyToRows}), so one
 * type serves both sides.
 *
 * <p>Every kind is normalized like a matrix of independent standard normal entries: {@code E[S^T S] = rows() I}.
 * The double sketch reconstruction is invariant to rescaling its test matrices; the normalization only fixes what a
 * sketch noise of a given Frobenius norm means, and standard normal test matrices are the convention of the
 * sketching literature (Halko, Martinsson and Tropp 2011; Tropp, Yurtsever, Udell and Cevher 2017).
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public interface TestMatrix {

    /** The sketch size ({@code k} or {@code l}). */
    int rows();

    /** The length of the vectors it compresses. */
    int columns();

    /** {@code S a}, for {@code a} with {@link #columns()} rows. */
    DoubleMatrix2D apply(DoubleMatrix2D a);

    /** {@code S^T b}, for {@code b} with {@link #rows()} rows. */
    DoubleMatrix2D applyTranspose(DoubleMatrix2D b);

    /** {@code S e_j}, column {@code j}: what an entry update of the sketched matrix touches. */
    DoubleMatrix1D column(int j);

    /** {@code a S^T}, for {@code a} with {@link #columns()} columns: the range sketch {@code X Omega}. */
    default DoubleMatrix2D applyToRows(DoubleMatrix2D a) {
        return apply(a.viewDice().copy()).viewDice().copy();
    }

    /** {@code b S}, for {@code b} with {@link #rows()} columns: the adjoint of {@link #applyToRows}. */
    default DoubleMatrix2D applyTransposeToRows(DoubleMatrix2D b) {
        return applyTranspose(b.viewDice().copy()).viewDice().copy();
    }

    /** Whether the entries are held as a dense matrix (so exporting them costs nothing extra); false by default. */
    default boolean storedDensely() {
        return false;
    }

    /** The entries of {@code S} as a dense matrix (for tests and small sizes). */
    default DoubleMatrix2D toDense() {
        DoubleMatrix2D dense = new cern.colt.matrix.impl.DenseDoubleMatrix2D(rows(), columns());
        for (int j = 0; j < columns(); j++) {
            dense.viewColumn(j).assign(column(j));
        }
        return dense;
    }

    /** Checks that {@code a} has {@code expected} rows, naming the operand in the message. */
    static void checkRows(DoubleMatrix2D a, int expected, String what) {
        if (a.rows() != expected) {
            throw new IllegalArgumentException(what + " has " + a.rows() + " rows, expected " + expected);
        }
    }
}
