package org.reconlab.sensing.measurement;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import org.reconlab.core.kernel.DenseOperatorKernels;
import org.reconlab.core.operator.RestrictableOperator;
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
public final class DenseMeasurementOperator implements DesignOperator, RestrictableOperator {

    private final Shape domain;
    private final int m;
    private final int n;
    private final double[] rows;

    /**
     * @param rows {@code m * n} entries, row i holding {@code A_i} row-major; kept, not copied
     */
    public DenseMeasurementOperator(Shape domain, int m, double[] rows) {
        this.domain = requireNonNull(domain, "domain is null");
        requireNonNull(rows, "rows is null");
        if (domain.depth() != 1) {
            throw new IllegalArgumentException("domain must be a matrix or vector, got " + domain);
        }
        long n = (long) domain.rows() * domain.columns();
        if (m < 0 || (long) m * n != rows.length) {
            throw new IllegalArgumentException("expected " + m + " x " + n + " = " + (long) m * n + " entries, got "
                    + rows.length);
        }
        this.m = m;
        this.n = (int) n;
        this.rows = rows;
    }

    @Override
    public Shape domain() {
        return domain;
    }

    @Override
    public int rangeSize() {
        return m;
    }

    /** Entry {@code A_i[j, k]}. */
    public double entry(int i, int j, int k) {
        return rows[i * n + j * domain.columns() + k];
    }

    /** A copy of the m x n matrix whose row i is {@code A_i} flattened row-major. */
    @Override
    public java.util.Optional<DoubleMatrix2D> asDenseMatrix() {
        DoubleMatrix2D matrix = new cern.colt.matrix.impl.DenseDoubleMatrix2D(m, n);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < n; p++) {
                matrix.setQuick(i, p, rows[i * n + p]);
            }
        }
        return java.util.Optional.of(matrix);
    }

    @Override
    public void apply(DoubleMatrix2D x, DoubleMatrix1D out) {
        checkSignal(x, "x");
        checkRange(out, "out");
        double[] values = new double[m];
        DenseOperatorKernels.mult(rows, m, n, flatten(x), values);
        for (int i = 0; i < m; i++) {
            out.setQuick(i, values[i]);
        }
    }

    @Override
    public void adjoint(DoubleMatrix1D y, DoubleMatrix2D out) {
        checkRange(y, "y");
        checkSignal(out, "out");
        double[] sum = new double[n];
        DenseOperatorKernels.multTransA(rows, m, n, y.toArray(), sum);
        unflatten(sum, out);
    }

    /** One pass over the rows, multi-threaded: {@link DenseOperatorKernels#residualMultTransA}. */
    @Override
    public double residualAdjoint(DoubleMatrix2D x, DoubleMatrix1D y, DoubleMatrix2D out) {
        checkSignal(x, "x");
        checkRange(y, "y");
        checkSignal(out, "out");
        double[] sum = new double[n];
        double squared = DenseOperatorKernels.residualMultTransA(rows, m, n, flatten(x), y.toArray(), sum);
        unflatten(sum, out);
        return squared;
    }

    /** The bytes of the stored matrix, {@code 8 m n}. */
    public static long bytes(Shape domain, int m) {
        return 8L * m * domain.rows() * domain.columns();
    }

    @Override
    public LinearOperator restrict(int[] subset) {
        int[] checked = RowSubsetOperator.checkRows(subset, m);
        double[] kept = new double[checked.length * n];
        for (int t = 0; t < checked.length; t++) {
            System.arraycopy(rows, checked[t] * n, kept, t * n, n);
        }
        return new DenseMeasurementOperator(domain, checked.length, kept);
    }

    @Override
    public DoubleMatrix2D leftDesign(DoubleMatrix2D v) {
        int d1 = domain.rows();
        int d2 = domain.columns();
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
        int d1 = domain.rows();
        int d2 = domain.columns();
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

    private double[] flatten(DoubleMatrix2D x) {
        int columns = domain.columns();
        double[] flat = new double[n];
        for (int j = 0; j < domain.rows(); j++) {
            for (int k = 0; k < columns; k++) {
                flat[j * columns + k] = x.getQuick(j, k);
            }
        }
        return flat;
    }

    private void unflatten(double[] flat, DoubleMatrix2D out) {
        int columns = domain.columns();
        for (int j = 0; j < domain.rows(); j++) {
            for (int k = 0; k < columns; k++) {
                out.setQuick(j, k, flat[j * columns + k]);
            }
        }
    }

    private void checkSignal(DoubleMatrix2D x, String name) {
        if (x.rows() != domain.rows() || x.columns() != domain.columns()) {
            throw new IllegalArgumentException(name + " is " + x.rows() + " x " + x.columns() + ", the operator takes "
                    + domain);
        }
    }

    private void checkRange(DoubleMatrix1D y, String name) {
        if (y.size() != m) {
            throw new IllegalArgumentException(name + " has length " + y.size() + ", the operator has " + m
                    + " observations");
        }
    }
}
