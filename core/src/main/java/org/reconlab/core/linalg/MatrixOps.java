package org.reconlab.core.linalg;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import cern.colt.matrix.linalg.QRDecomposition;
import org.reconlab.core.kernel.KernelThreads;
import org.reconlab.core.kernel.MatrixKernels;

/** Basic dense operations on Colt matrices that Colt itself does not name. */
public final class MatrixOps {

    private MatrixOps() {
    }

    /** The Frobenius inner product {@code <a, b> = sum_ij a_ij b_ij}. */
    public static double inner(DoubleMatrix2D a, DoubleMatrix2D b) {
        checkSameShape(a, b);
        double sum = 0;
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.columns(); j++) {
                sum += a.getQuick(i, j) * b.getQuick(i, j);
            }
        }
        return sum;
    }

    /** {@code <a, b> = sum_i a_i b_i}. */
    public static double inner(DoubleMatrix1D a, DoubleMatrix1D b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("lengths differ: " + a.size() + " and " + b.size());
        }
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            sum += a.getQuick(i) * b.getQuick(i);
        }
        return sum;
    }

    /** {@code ||a||_F}. */
    public static double frobeniusNorm(DoubleMatrix2D a) {
        return Math.sqrt(inner(a, a));
    }

    /** {@code ||a||_2}. */
    public static double norm(DoubleMatrix1D a) {
        return Math.sqrt(inner(a, a));
    }

    /** {@code ||a - b||_F}. */
    public static double distance(DoubleMatrix2D a, DoubleMatrix2D b) {
        checkSameShape(a, b);
        double sum = 0;
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.columns(); j++) {
                double d = a.getQuick(i, j) - b.getQuick(i, j);
                sum += d * d;
            }
        }
        return Math.sqrt(sum);
    }

    /** {@code ||a - b||_F / ||b||_F}, the relative error of {@code a} as an estimate of {@code b}. */
    public static double relativeError(DoubleMatrix2D estimate, DoubleMatrix2D truth) {
        return distance(estimate, truth) / frobeniusNorm(truth);
    }

    /**
     * Products of at least this many multiply-adds run on {@link MatrixKernels} (vectorized, multi-threaded, several
     * times faster than Colt's {@code zMult}); smaller ones on Colt.
     */
    public static final long KERNEL_MIN_PRODUCTS = 1L << 18;

    /** {@code a b}. */
    public static DoubleMatrix2D mult(DoubleMatrix2D a, DoubleMatrix2D b) {
        if (useKernel(a.rows(), a.columns(), b.rows(), b.columns())) {
            double[][] c = new double[a.rows()][b.columns()];
            MatrixKernels.mult(a.toArray(), b.toArray(), c, KernelThreads.defaultThreads());
            return new DenseDoubleMatrix2D(c);
        }
        return a.zMult(b, null);
    }

    /** {@code a b^T}. */
    public static DoubleMatrix2D multTransB(DoubleMatrix2D a, DoubleMatrix2D b) {
        if (useKernel(a.rows(), a.columns(), b.columns(), b.rows())) {
            double[][] c = new double[a.rows()][b.rows()];
            MatrixKernels.mult(a.toArray(), b.viewDice().toArray(), c, KernelThreads.defaultThreads());
            return new DenseDoubleMatrix2D(c);
        }
        return a.zMult(b, null, 1, 0, false, true);
    }

    /** {@code a^T b}. */
    public static DoubleMatrix2D multTransA(DoubleMatrix2D a, DoubleMatrix2D b) {
        if (useKernel(a.columns(), a.rows(), b.rows(), b.columns())) {
            double[][] c = new double[a.columns()][b.columns()];
            MatrixKernels.mult(a.viewDice().toArray(), b.toArray(), c, KernelThreads.defaultThreads());
            return new DenseDoubleMatrix2D(c);
        }
        return a.zMult(b, null, 1, 0, true, false);
    }

    /** Whether the product of an n x p and a p2 x q matrix goes to the kernels (Colt reports mismatched shapes). */
    private static boolean useKernel(int n, int p, int p2, int q) {
        return p == p2 && (long) n * p * q >= KERNEL_MIN_PRODUCTS;
    }

    /** {@code (a + a^T) / 2}, a new matrix. */
    public static DoubleMatrix2D symmetricPart(DoubleMatrix2D a) {
        if (a.rows() != a.columns()) {
            throw new IllegalArgumentException("not square: " + a.rows() + " x " + a.columns());
        }
        DoubleMatrix2D out = new DenseDoubleMatrix2D(a.rows(), a.columns());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.columns(); j++) {
                out.setQuick(i, j, 0.5 * (a.getQuick(i, j) + a.getQuick(j, i)));
            }
        }
        return out;
    }

    /** The identity scaled by {@code alpha}, {@code rows x columns} (ones on the leading diagonal). */
    public static DoubleMatrix2D scaledIdentity(int rows, int columns, double alpha) {
        DoubleMatrix2D out = new DenseDoubleMatrix2D(rows, columns);
        for (int i = 0; i < Math.min(rows, columns); i++) {
            out.setQuick(i, i, alpha);
        }
        return out;
    }

    /** An orthonormal basis of the column space of a full-column-rank {@code a} (Householder QR, signs fixed so R has a positive diagonal). */
    public static DoubleMatrix2D orthonormalize(DoubleMatrix2D a) {
        QRDecomposition qr = new QRDecomposition(a);
        DoubleMatrix2D q = qr.getQ();
        DoubleMatrix2D r = qr.getR();
        for (int j = 0; j < q.columns(); j++) {
            if (r.getQuick(j, j) < 0) {
                for (int i = 0; i < q.rows(); i++) {
                    q.setQuick(i, j, -q.getQuick(i, j));
                }
            }
        }
        return q;
    }

    private static void checkSameShape(DoubleMatrix2D a, DoubleMatrix2D b) {
        if (a.rows() != b.rows() || a.columns() != b.columns()) {
            throw new IllegalArgumentException("shapes differ: " + a.rows() + " x " + a.columns() + " and "
                    + b.rows() + " x " + b.columns());
        }
    }
}
