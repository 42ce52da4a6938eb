package org.reconlab.sketching.streaming;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import org.reconlab.sketching.testmatrix.TestMatrix;

/**
 * The sketches {@code Y = X Omega} (n1 x k) and {@code W = Psi X} (l x n2) of a matrix {@code X} that is never
 * stored: it starts at zero and changes by linear updates, and since the sketches are linear in {@code X} each update
 * changes them directly (Clarkson and Woodruff 2009; Tropp, Yurtsever, Udell and Cevher 2017):
 * <ul>
 *   <li>an entry update {@code X_ij += delta} adds {@code delta Omega(j, :)} to row i of Y and
 *       {@code delta Psi(:, i)} to column j of W, in {@code O(k + l)} for Gaussian and sparse sign test matrices
 *       (an SRTT computes the column it needs by a transform, {@code O(n log n)});</li>
 *   <li>a rank-one update {@code X += theta u v^T} adds {@code theta u (Omega^T v)^T} to Y and
 *       {@code theta (Psi u) v^T} to W;</li>
 *   <li>a rescaling {@code X <- theta X} rescales both sketches.</li>
 * </ul>
 * After any stream the sketches equal those of the final {@code X}, up to rounding. Not thread-safe: one stream, one
 * owner.
 */
public final class StreamingSketch {

    private final TestMatrix omegaTransposed;
    private final TestMatrix psi;
    private final DoubleMatrix2D y;
    private final DoubleMatrix2D w;

    /**
     * An empty sketch of an n1 x n2 matrix, n2 = {@code omegaTransposed.columns()}, n1 = {@code psi.columns()}.
     *
     * @param omegaTransposed {@code Omega^T}, k x n2
     * @param psi {@code Psi}, l x n1
     */
    public StreamingSketch(TestMatrix omegaTransposed, TestMatrix psi) {
        this.omegaTransposed = requireNonNull(omegaTransposed, "omegaTransposed is null");
        this.psi = requireNonNull(psi, "psi is null");
        this.y = new DenseDoubleMatrix2D(psi.columns(), omegaTransposed.rows());
        this.w = new DenseDoubleMatrix2D(psi.rows(), omegaTransposed.columns());
    }

    /** n1, the number of rows of the sketched matrix. */
    public int rows() {
        return psi.columns();
    }

    /** n2, the number of columns of the sketched matrix. */
    public int columns() {
        return omegaTransposed.columns();
    }

    /** {@code X_ij += delta}. */
    public void addEntry(int i, int j, double delta) {
        if (i < 0 || i >= rows() || j < 0 || j >= columns()) {
            throw new IndexOutOfBoundsException("entry (" + i + ", " + j + ") of a " + rows() + " x " + columns() + " matrix");
        }
        if (delta == 0) {
            return;
        }
        DoubleMatrix1D omegaRow = omegaTransposed.column(j);
        for (int t = 0; t < omegaRow.size(); t++) {
            y.setQuick(i, t, y.getQuick(i, t) + delta * omegaRow.getQuick(t));
        }
        DoubleMatrix1D psiColumn = psi.column(i);
        for (int t = 0; t < psiColumn.size(); t++) {
            w.setQuick(t, j, w.getQuick(t, j) + delta * psiColumn.getQuick(t));
        }
    }

    /** {@code X += theta u v^T}, for columns {@code u} (n1 x 1) and {@code v} (n2 x 1). */
    public void addRankOne(double theta, DoubleMatrix2D u, DoubleMatrix2D v) {
        if (u.rows() != rows() || u.columns() != 1 || v.rows() != columns() || v.columns() != 1) {
            throw new IllegalArgumentException("rank-one update u v^T needs u " + rows() + " x 1 and v " + columns()
                    + " x 1, got " + u.rows() + " x " + u.columns() + " and " + v.rows() + " x " + v.columns());
        }
        DoubleMatrix2D omegaV = omegaTransposed.apply(v);
        DoubleMatrix2D psiU = psi.apply(u);
        for (int i = 0; i < y.rows(); i++) {
            double ui = theta * u.getQuick(i, 0);
            for (int t = 0; t < y.columns(); t++) {
                y.setQuick(i, t, y.getQuick(i, t) + ui * omegaV.getQuick(t, 0));
            }
        }
        for (int t = 0; t < w.rows(); t++) {
            double pt = theta * psiU.getQuick(t, 0);
            for (int j = 0; j < w.columns(); j++) {
                w.setQuick(t, j, w.getQuick(t, j) + pt * v.getQuick(j, 0));
            }
        }
    }

    /** {@code X <- theta X}. */
    public void scale(double theta) {
        y.assign(cern.jet.math.Functions.mult(theta));
        w.assign(cern.jet.math.Functions.mult(theta));
    }

    /** {@code X += h}, a dense update. */
    public void add(DoubleMatrix2D h) {
        if (h.rows() != rows() || h.columns() != columns()) {
            throw new IllegalArgumentException("update is " + h.rows() + " x " + h.columns() + ", the sketched matrix is "
                    + rows() + " x " + columns());
        }
        y.assign(omegaTransposed.applyToRows(h), cern.jet.math.Functions.plus);
        w.assign(psi.apply(h), cern.jet.math.Functions.plus);
    }

    /** The current range sketch {@code Y = X Omega}, a copy. */
    public DoubleMatrix2D rangeSketch() {
        return y.copy();
    }

    /** The current co-range sketch {@code W = Psi X}, a copy. */
    public DoubleMatrix2D corangeSketch() {
        return w.copy();
    }

    public TestMatrix omega() {
        return omegaTransposed;
    }

    public TestMatrix psi() {
        return psi;
    }
}
