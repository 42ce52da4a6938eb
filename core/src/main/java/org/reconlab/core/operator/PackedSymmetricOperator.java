package org.reconlab.core.operator;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.Optional;
import org.reconlab.core.kernel.DenseOperatorKernels;
import org.reconlab.core.kernel.KernelThreads;
import org.reconlab.core.kernel.PackedSymmetricKernels;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Shape;

/**
 * A linear operator on d x d symmetric matrices, {@code A(X)_i = <A_i, X>}, stored as the packed upper triangles of
 * the symmetric parts {@code S_i = (A_i + A_i^T) / 2} (layout in {@link PackedSymmetricKernels}): {@code d (d + 1) / 2}
 * numbers per measurement instead of {@code d^2}. On symmetric signals it equals the dense operator of the
 * {@code A_i} (up to rounding), reading half the memory per pass. Its adjoint on the symmetric matrices is
 * {@code A*(y) = sum_i y_i S_i}, a symmetric matrix. A signal that is not symmetric is taken through its symmetric
 * part {@code (X + X^T) / 2}, the orthogonal projection onto the domain.
 *
 * <p>{@link #residualAdjoint} is the fused one-pass kernel of {@link DenseOperatorKernels#residualMultTransA}, run on
 * {@link KernelThreads#defaultThreads()} threads; results do not depend on the thread count.
 */
public final class PackedSymmetricOperator implements RestrictableOperator {

    private final int d;
    private final int m;
    private final int n;
    private final double[] rows;

    /**
     * @param d the side of the symmetric matrices
     * @param m the number of measurements
     * @param packedRows {@code m} packed rows of {@code d (d + 1) / 2} entries each, one after the other; kept, not
     *     copied
     */
    public PackedSymmetricOperator(int d, int m, double[] packedRows) {
        this.n = PackedSymmetricKernels.packedLength(d);
        this.d = d;
        this.rows = requireNonNull(packedRows, "packedRows is null");
        if (m < 0 || (long) m * n != rows.length) {
            throw new IllegalArgumentException(m + " packed " + d + " x " + d + " measurements need " + (long) m * n
                    + " entries, got " + rows.length);
        }
        this.m = m;
    }

    /** Packs dense measurement matrices: {@code dense} holds {@code A_0, A_1, ...}, each d x d row-major. */
    public static PackedSymmetricOperator fromDense(int d, int m, double[] dense) {
        requireNonNull(dense, "dense is null");
        long square = (long) d * d;
        if (m < 0 || m * square != dense.length) {
            throw new IllegalArgumentException(m + " dense " + d + " x " + d + " measurements need " + m * square
                    + " entries, got " + dense.length);
        }
        int n = PackedSymmetricKernels.packedLength(d);
        double[] packed = new double[Math.multiplyExact(m, n)];
        for (int i = 0; i < m; i++) {
            PackedSymmetricKernels.packMeasurement(dense, (int) (i * square), d, packed, i * n);
        }
        return new PackedSymmetricOperator(d, m, packed);
    }

    /** The measurements {@code rows[0], rows[1], ...}, their packed rows copied (for mini-batches). */
    @Override
    public LinearOperator restrict(int[] subset) {
        int[] checked = RowSubsetOperator.checkRows(subset, m);
        double[] kept = new double[Math.multiplyExact(checked.length, n)];
        for (int t = 0; t < checked.length; t++) {
            System.arraycopy(rows, checked[t] * n, kept, t * n, n);
        }
        return new PackedSymmetricOperator(d, checked.length, kept);
    }

    /** Bytes the packed rows of {@code m} measurements of d x d symmetric matrices take: {@code 8 m d (d + 1) / 2}. */
    public static long bytes(int d, int m) {
        return 8L * m * ((long) d * (d + 1) / 2);
    }

    public int d() {
        return d;
    }

    @Override
    public Shape domain() {
        return Shape.symmetric(d);
    }

    @Override
    public int rangeSize() {
        return m;
    }

    /** {@code S_i[j, k]}, the symmetric part of measurement i. */
    public double entry(int i, int j, int k) {
        int lo = Math.min(j, k);
        int hi = Math.max(j, k);
        double packed = rows[i * n + PackedSymmetricKernels.index(lo, hi, d)];
        return j == k ? packed : 0.5 * packed;
    }

    /**
     * A copy of the m x d^2 matrix whose row i is {@code S_i = (A_i + A_i^T) / 2} flattened row-major: the dense
     * operator with the same observations of every symmetric signal.
     */
    @Override
    public Optional<DoubleMatrix2D> asDenseMatrix() {
        DoubleMatrix2D matrix = new DenseDoubleMatrix2D(m, d * d);
        double[] dense = new double[d * d];
        double[] row = new double[n];
        for (int i = 0; i < m; i++) {
            System.arraycopy(rows, i * n, row, 0, n);
            PackedSymmetricKernels.unpackAdjoint(row, d, dense);
            for (int p = 0; p < dense.length; p++) {
                matrix.setQuick(i, p, dense[p]);
            }
        }
        return Optional.of(matrix);
    }

    @Override
    public void apply(DoubleMatrix2D x, DoubleMatrix1D out) {
        checkSignal(x, "x");
        checkRange(out, "out");
        double[] values = new double[m];
        DenseOperatorKernels.mult(rows, m, n, packSignal(x), values);
        for (int i = 0; i < values.length; i++) {
            out.setQuick(i, values[i]);
        }
    }

    @Override
    public void adjoint(DoubleMatrix1D y, DoubleMatrix2D out) {
        checkRange(y, "y");
        checkSignal(out, "out");
        double[] sum = new double[n];
        DenseOperatorKernels.multTransA(rows, m, n, y.toArray(), sum);
        unpack(sum, out);
    }

    @Override
    public double residualAdjoint(DoubleMatrix2D x, DoubleMatrix1D y, DoubleMatrix2D out) {
        checkSignal(x, "x");
        checkRange(y, "y");
        checkSignal(out, "out");
        double[] sum = new double[n];
        double squared = DenseOperatorKernels.residualMultTransA(rows, m, n, packSignal(x), y.toArray(), sum);
        unpack(sum, out);
        return squared;
    }

    private double[] packSignal(DoubleMatrix2D x) {
        double[] dense = new double[d * d];
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                dense[j * d + k] = x.getQuick(j, k);
            }
        }
        double[] packed = new double[n];
        PackedSymmetricKernels.packSignal(dense, d, packed);
        return packed;
    }

    private void unpack(double[] sum, DoubleMatrix2D out) {
        double[] dense = new double[d * d];
        PackedSymmetricKernels.unpackAdjoint(sum, d, dense);
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                out.setQuick(j, k, dense[j * d + k]);
            }
        }
    }

    private void checkSignal(DoubleMatrix2D x, String name) {
        if (x.rows() != d || x.columns() != d) {
            throw new IllegalArgumentException(name + " is " + x.rows() + " x " + x.columns() + ", the operator takes "
                    + domain());
        }
    }

    private void checkRange(DoubleMatrix1D y, String name) {
        if (y.size() != m) {
            throw new IllegalArgumentException(name + " has length " + y.size() + ", the operator has " + m
                    + " observations");
        }
    }
}
