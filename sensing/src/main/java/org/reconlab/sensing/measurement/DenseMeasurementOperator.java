package org.reconlab.sensing.measurement;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import org.reconlab.core.kernel.DenseOperatorKernels;
import org.reconlab.core.operator.RestrictableOperator;
import org.reconlab.core.operator.RowMajorOperator;
import org.reconlab.core.operator.RowSubsetOperator;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Shape;

/**
 * A linear operator stored as its m x n matrix, {@code n = rows * columns} of the domain: row i is the measurement
 * matrix {@code A_i} flattened row-major, so {@code A(X)_i = <A_i, X> = sum_{j,k} A_i[j,k] X[j,k]} and
 * {@code A*(y) = sum_i y_i A_i}. The storage is one row-major {@code double[m * n]}; apply, adjoint and the fused
 * residual adjoint run on the multi-threaded kernels of {@link DenseOperatorKernels} (one pass, results independent
 * of the thread count).
 */
public final class DenseMeasurementOperator extends RowMajorOperator implements DesignOperator, RestrictableOperator {

    /**
     * @param rows {@code m * n} entries, row i holding {@code A_i} row-major; kept, not copied
     */
    public DenseMeasurementOperator(Shape domain, int m, double[] rows) {
        super(checkDomain(domain), m, domain.rows() * domain.columns(), rows);
    }

    private static Shape checkDomain(Shape domain) {
        requireNonNull(domain, "domain is null");
        if (domain.depth() != 1) {
            throw new IllegalArgumentException("domain must be a matrix or vector, got " + domain);
        }
        return domain;
    }

    /** Entry {@code A_i[j, k]}. */
    public double entry(int i, int j, int k) {
        return rows()[i * columns() + j * domain().columns() + k];
    }

    /** A copy of the m x n matrix whose row i is {@code A_i} flattened row-major. */
    @Override
    public java.util.Optional<DoubleMatrix2D> asDenseMatrix() {
        double[] rows = rows();
        int n = columns();
        int m = rangeSize();
        DoubleMatrix2D matrix = new cern.colt.matrix.impl.DenseDoubleMatrix2D(m, n);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < n; p++) {
                matrix.setQuick(i, p, rows[i * n + p]);
            }
        }
        return java.util.Optional.of(matrix);
    }

    /** The bytes of the stored matrix, {@code 8 m n}. */
    public static long bytes(Shape domain, int m) {
        return 8L * m * domain.rows() * domain.columns();
    }

    @Override
    public LinearOperator restrict(int[] subset) {
        int[] checked = RowSubsetOperator.checkRows(subset, rangeSize());
        return new DenseMeasurementOperator(domain(), checked.length, rowsOf(checked));
    }

    @Override
    public DoubleMatrix2D leftDesign(DoubleMatrix2D v) {
        double[] rows = rows();
        int n = columns();
        int m = rangeSize();
        int d1 = domain().rows();
        int d2 = domain().columns();
        if (v.rows() != d2) {
            throw new IllegalArgumentException("V has " + v.rows() + " rows, the operator's matrices have " + d2
                    + " columns");
        }
        int k = v.columns();
        double[][] columns = v.viewDice().toArray();
        DoubleMatrix2D design = new DenseDoubleMatrix2D(m, d1 * k);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d1; j++) {
                int offset = i * n + j * d2;
                for (int l = 0; l < k; l++) {
                    double[] column = columns[l];
                    double s = 0;
                    for (int c = 0; c < d2; c++) {
                        s += rows[offset + c] * column[c];
                    }
                    design.setQuick(i, j * k + l, s);
                }
            }
        }
        return design;
    }

    @Override
    public DoubleMatrix2D rightDesign(DoubleMatrix2D u) {
        double[] rows = rows();
        int n = columns();
        int m = rangeSize();
        int d1 = domain().rows();
        int d2 = domain().columns();
        if (u.rows() != d1) {
            throw new IllegalArgumentException("U has " + u.rows() + " rows, the operator's matrices have " + d1
                    + " rows");
        }
        int k = u.columns();
        double[][] fixed = u.toArray();
        DoubleMatrix2D design = new DenseDoubleMatrix2D(m, d2 * k);
        double[] row = new double[d2 * k];
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(row, 0);
            for (int j = 0; j < d1; j++) {
                int offset = i * n + j * d2;
                for (int c = 0; c < d2; c++) {
                    double a = rows[offset + c];
                    for (int l = 0; l < k; l++) {
                        row[c * k + l] += a * fixed[j][l];
                    }
                }
            }
            for (int p = 0; p < row.length; p++) {
                design.setQuick(i, p, row[p]);
            }
        }
        return design;
    }

    /** The matrix flattened row-major: the coordinates the rows {@code A_i} act on. */
    @Override
    protected double[] coordinates(DoubleMatrix2D x) {
        int columns = domain().columns();
        double[] flat = new double[columns()];
        for (int j = 0; j < domain().rows(); j++) {
            for (int k = 0; k < columns; k++) {
                flat[j * columns + k] = x.getQuick(j, k);
            }
        }
        return flat;
    }

    @Override
    protected void fromCoordinates(double[] flat, DoubleMatrix2D out) {
        int columns = domain().columns();
        for (int j = 0; j < domain().rows(); j++) {
            for (int k = 0; k < columns; k++) {
                out.setQuick(j, k, flat[j * columns + k]);
            }
        }
    }
}
