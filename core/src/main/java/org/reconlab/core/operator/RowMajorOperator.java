package org.reconlab.core.operator;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import org.reconlab.core.kernel.DenseOperatorKernels;
import org.reconlab.core.kernel.KernelThreads;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Shape;

/**
 * A linear operator held as an m x n row-major matrix {@code M} that acts on coordinates of the signal:
 * {@code A(X) = M c(X)} and {@code A*(y) = c*(M^T y)}, where {@code c} maps a signal to its n coordinates (the
 * flattened matrix, or the packed upper triangle of a symmetric one) and {@code c*} is its adjoint. Subclasses say
 * what {@code c} and {@code c*} are; the passes over {@code M}, including the fused one-pass
 * {@link #residualAdjoint} of {@link DenseOperatorKernels#residualMultTransA} on
 * {@link KernelThreads#defaultThreads()} threads, live here once.
 */
public abstract class RowMajorOperator implements LinearOperator {

    private final Shape domain;
    private final int m;
    private final int n;
    private final double[] rows;

    /**
     * @param rows {@code m} rows of {@code n} entries each, one after the other; kept, not copied
     */
    protected RowMajorOperator(Shape domain, int m, int n, double[] rows) {
        this.domain = requireNonNull(domain, "domain is null");
        this.rows = requireNonNull(rows, "rows is null");
        if (m < 0 || n < 0 || (long) m * n != rows.length) {
            throw new IllegalArgumentException(m + " measurements of " + n + " coordinates need " + (long) m * n
                    + " entries, got " + rows.length);
        }
        this.m = m;
        this.n = n;
    }

    /** The n coordinates {@code c(x)} the rows act on. */
    protected abstract double[] coordinates(DoubleMatrix2D x);

    /** Writes {@code c*(coordinates)}, the signal whose inner product with any X is {@code <coordinates, c(X)>}. */
    protected abstract void fromCoordinates(double[] coordinates, DoubleMatrix2D out);

    /** The stored rows (row i at offset {@code i * columns()}), for subclasses' structured products. */
    protected final double[] rows() {
        return rows;
    }

    /** n, the number of coordinates per row. */
    protected final int columns() {
        return n;
    }

    @Override
    public final Shape domain() {
        return domain;
    }

    @Override
    public final int rangeSize() {
        return m;
    }

    @Override
    public final void apply(DoubleMatrix2D x, DoubleMatrix1D out) {
        checkSignal(x, "x");
        checkRange(out, "out");
        double[] values = new double[m];
        DenseOperatorKernels.mult(rows, m, n, coordinates(x), values);
        for (int i = 0; i < m; i++) {
            out.setQuick(i, values[i]);
        }
    }

    @Override
    public final void adjoint(DoubleMatrix1D y, DoubleMatrix2D out) {
        checkRange(y, "y");
        checkSignal(out, "out");
        double[] sum = new double[n];
        DenseOperatorKernels.multTransA(rows, m, n, y.toArray(), sum);
        fromCoordinates(sum, out);
    }

    @Override
    public final double residualAdjoint(DoubleMatrix2D x, DoubleMatrix1D y, DoubleMatrix2D out) {
        checkSignal(x, "x");
        checkRange(y, "y");
        checkSignal(out, "out");
        double[] sum = new double[n];
        double squared = DenseOperatorKernels.residualMultTransA(rows, m, n, coordinates(x), y.toArray(), sum);
        fromCoordinates(sum, out);
        return squared;
    }

    /** Rows {@code subset} of the stored matrix, copied (for mini-batches). */
    protected final double[] rowsOf(int[] subset) {
        int[] checked = RowSubsetOperator.checkRows(subset, m);
        double[] kept = new double[Math.multiplyExact(checked.length, n)];
        for (int t = 0; t < checked.length; t++) {
            System.arraycopy(rows, checked[t] * n, kept, t * n, n);
        }
        return kept;
    }

    private void checkSignal(DoubleMatrix2D x, String name) {
        if (x.rows() != domain.rows() || x.columns() != domain.columns() * domain.depth()) {
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
