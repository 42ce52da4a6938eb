package org.reconlab.core.operator;

import static java.util.Objects.requireNonNull;

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
public final class PackedSymmetricOperator extends RowMajorOperator implements RestrictableOperator {

    private final int d;

    /**
     * @param d the side of the symmetric matrices
     * @param m the number of measurements
     * @param packedRows {@code m} packed rows of {@code d (d + 1) / 2} entries each, one after the other; kept, not
     *     copied
     */
    public PackedSymmetricOperator(int d, int m, double[] packedRows) {
        super(Shape.symmetric(d), m, PackedSymmetricKernels.packedLength(d), packedRows);
        this.d = d;
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
        int[] checked = RowSubsetOperator.checkRows(subset, rangeSize());
        return new PackedSymmetricOperator(d, checked.length, rowsOf(checked));
    }

    /** Bytes the packed rows of {@code m} measurements of d x d symmetric matrices take: {@code 8 m d (d + 1) / 2}. */
    public static long bytes(int d, int m) {
        return 8L * m * ((long) d * (d + 1) / 2);
    }

    public int d() {
        return d;
    }

    /** {@code S_i[j, k]}, the symmetric part of measurement i. */
    public double entry(int i, int j, int k) {
        int lo = Math.min(j, k);
        int hi = Math.max(j, k);
        double packed = rows()[i * columns() + PackedSymmetricKernels.index(lo, hi, d)];
        return j == k ? packed : 0.5 * packed;
    }

    /**
     * A copy of the m x d^2 matrix whose row i is {@code S_i = (A_i + A_i^T) / 2} flattened row-major: the dense
     * operator with the same observations of every symmetric signal.
     */
    @Override
    public Optional<DoubleMatrix2D> asDenseMatrix() {
        int m = rangeSize();
        int n = columns();
        DoubleMatrix2D matrix = new DenseDoubleMatrix2D(m, d * d);
        double[] dense = new double[d * d];
        double[] row = new double[n];
        for (int i = 0; i < m; i++) {
            System.arraycopy(rows(), i * n, row, 0, n);
            PackedSymmetricKernels.unpackAdjoint(row, d, dense);
            for (int p = 0; p < dense.length; p++) {
                matrix.setQuick(i, p, dense[p]);
            }
        }
        return Optional.of(matrix);
    }

    /** The packed upper triangle, off-diagonal entries doubled (layout in {@link PackedSymmetricKernels}). */
    @Override
    protected double[] coordinates(DoubleMatrix2D x) {
        double[] dense = new double[d * d];
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                dense[j * d + k] = x.getQuick(j, k);
            }
        }
        double[] packed = new double[columns()];
        PackedSymmetricKernels.packSignal(dense, d, packed);
        return packed;
    }

    @Override
    protected void fromCoordinates(double[] sum, DoubleMatrix2D out) {
        double[] dense = new double[d * d];
        PackedSymmetricKernels.unpackAdjoint(sum, d, dense);
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                out.setQuick(j, k, dense[j * d + k]);
            }
        }
    }
}
