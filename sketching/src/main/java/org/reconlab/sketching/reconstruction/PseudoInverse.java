package org.reconlab.sketching.reconstruction;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.linalg.MatrixOps;

/**
 * The Moore-Penrose pseudo-inverse through the thin SVD {@code a = U diag(s) V^T}:
 * {@code a^+ = V diag(1/s) U^T} over the singular values above {@code max(rows, columns) * ulp(s_max)}, the cutoff of
 * MATLAB's and NumPy's {@code pinv}. Below it a singular value is indistinguishable from rounding, and inverting it
 * would amplify rounding errors; the exact-recovery property of the double sketch with a rank-deficient sketch
 * depends on this cutoff.
 */
public final class PseudoInverse {

    private PseudoInverse() {
    }

    /** {@code a^+ b}, without forming {@code a^+}. A non-finite {@code a} gives an all-NaN result. */
    public static DoubleMatrix2D solve(DoubleMatrix2D a, DoubleMatrix2D b) {
        if (a.rows() != b.rows()) {
            throw new IllegalArgumentException("a^+ b needs as many rows in b as in a: a is " + a.rows() + " x "
                    + a.columns() + ", b is " + b.rows() + " x " + b.columns());
        }
        if (!isFinite(a)) {
            // Colt's SVD iterates forever on NaN; a non-finite input is a numerical outcome, not an error.
            DoubleMatrix2D out = new DenseDoubleMatrix2D(a.columns(), b.columns());
            out.assign(Double.NaN);
            return out;
        }
        if (a.rows() == 0 || a.columns() == 0) {
            return new DenseDoubleMatrix2D(a.columns(), b.columns());
        }
        Decompositions.Svd svd = Decompositions.svd(a);
        DoubleMatrix1D s = svd.singularValues();
        double cutoff = Math.max(a.rows(), a.columns()) * Math.ulp(s.getQuick(0));
        int rank = svd.rank(cutoff);
        DoubleMatrix2D u = svd.u().viewPart(0, 0, a.rows(), rank);
        DoubleMatrix2D v = svd.v().viewPart(0, 0, a.columns(), rank);
        DoubleMatrix2D coefficients = MatrixOps.multTransA(u, b);
        for (int t = 0; t < rank; t++) {
            double inverse = 1 / s.getQuick(t);
            for (int c = 0; c < coefficients.columns(); c++) {
                coefficients.setQuick(t, c, coefficients.getQuick(t, c) * inverse);
            }
        }
        return MatrixOps.mult(v, coefficients);
    }

    /** {@code a^+}. */
    public static DoubleMatrix2D of(DoubleMatrix2D a) {
        return solve(a, MatrixOps.scaledIdentity(a.rows(), a.rows(), 1));
    }

    private static boolean isFinite(DoubleMatrix2D a) {
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.columns(); j++) {
                if (!Double.isFinite(a.getQuick(i, j))) {
                    return false;
                }
            }
        }
        return true;
    }
}
