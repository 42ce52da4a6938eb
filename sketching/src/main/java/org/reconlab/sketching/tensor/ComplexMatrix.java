package org.reconlab.sketching.tensor;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.sketching.reconstruction.PseudoInverse;

/**
 * A complex matrix {@code re + i im}, the frontal slice of a tensor in the Fourier domain. Colt has no complex linear
 * algebra, so factorizations go through the realification {@code [[re, -im], [im, re]]}: it maps products to
 * products and conjugate transposes to transposes, hence pseudo-inverses to pseudo-inverses, and its singular values
 * are those of the complex matrix, each twice.
 */
public record ComplexMatrix(DoubleMatrix2D re, DoubleMatrix2D im) {

    public ComplexMatrix {
        requireNonNull(re, "re is null");
        requireNonNull(im, "im is null");
        if (re.rows() != im.rows() || re.columns() != im.columns()) {
            throw new IllegalArgumentException("real part is " + re.rows() + " x " + re.columns() + ", imaginary part "
                    + im.rows() + " x " + im.columns());
        }
    }

    public static ComplexMatrix zeros(int rows, int columns) {
        return new ComplexMatrix(new DenseDoubleMatrix2D(rows, columns), new DenseDoubleMatrix2D(rows, columns));
    }

    public int rows() {
        return re.rows();
    }

    public int columns() {
        return re.columns();
    }

    /** {@code this other}. */
    public ComplexMatrix mult(ComplexMatrix other) {
        if (columns() != other.rows()) {
            throw new IllegalArgumentException("cannot multiply " + rows() + " x " + columns() + " by " + other.rows()
                    + " x " + other.columns());
        }
        DoubleMatrix2D real = MatrixOps.mult(re, other.re);
        im.zMult(other.im, real, -1, 1, false, false);
        DoubleMatrix2D imaginary = MatrixOps.mult(re, other.im);
        im.zMult(other.re, imaginary, 1, 1, false, false);
        return new ComplexMatrix(real, imaginary);
    }

    /** The entrywise complex conjugate. */
    public ComplexMatrix conjugate() {
        return new ComplexMatrix(re.copy(), im.copy().assign(cern.jet.math.Functions.neg));
    }

    /** {@code [[re, -im], [im, re]]}, 2 rows x 2 columns. */
    public DoubleMatrix2D realify() {
        int m = rows();
        int n = columns();
        DoubleMatrix2D out = new DenseDoubleMatrix2D(2 * m, 2 * n);
        out.viewPart(0, 0, m, n).assign(re);
        out.viewPart(0, n, m, n).assign(im).assign(cern.jet.math.Functions.neg);
        out.viewPart(m, 0, m, n).assign(im);
        out.viewPart(m, n, m, n).assign(re);
        return out;
    }

    /** {@code this^+ b}, the minimum-norm least-squares solution, through the realification. */
    public ComplexMatrix pseudoInverseTimes(ComplexMatrix b) {
        if (rows() != b.rows()) {
            throw new IllegalArgumentException("a^+ b needs as many rows in b as in a: " + rows() + " and " + b.rows());
        }
        // The first block column of realify(a)^+ realify(b) = realify(a^+ b) is [Re(a^+ b); Im(a^+ b)].
        DoubleMatrix2D stacked = new DenseDoubleMatrix2D(2 * b.rows(), b.columns());
        stacked.viewPart(0, 0, b.rows(), b.columns()).assign(b.re);
        stacked.viewPart(b.rows(), 0, b.rows(), b.columns()).assign(b.im);
        DoubleMatrix2D solution = PseudoInverse.solve(realify(), stacked);
        int n = columns();
        return new ComplexMatrix(solution.viewPart(0, 0, n, b.columns()).copy(),
                solution.viewPart(n, 0, n, b.columns()).copy());
    }

    /** The singular values, decreasing: every other singular value of the realification. */
    public double[] singularValues() {
        double[] doubled = Decompositions.singularValues(realify());
        double[] out = new double[Math.min(rows(), columns())];
        for (int j = 0; j < out.length; j++) {
            out[j] = doubled[2 * j];
        }
        return out;
    }
}
