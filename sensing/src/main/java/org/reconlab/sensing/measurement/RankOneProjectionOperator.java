package org.reconlab.sensing.measurement;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import org.reconlab.core.kernel.RankOneKernels;
import org.reconlab.core.operator.RestrictableOperator;
import org.reconlab.core.operator.RowSubsetOperator;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Shape;

/**
 * Rank-one projections {@code A(X)_i = c a_i^T X a_i}, i.e. {@code A_i = c a_i a_i^T}, stored as the m x d matrix of
 * the vectors {@code a_i} (m d numbers, never d x d per measurement) and the scale {@code c}. On a full matrix the
 * kernels cost O(m d^2); on factors they cost O(m d k): {@code <A_i, U V^T> = c (U^T a_i) . (V^T a_i)} and
 * {@code A*(y) V = c sum_i y_i a_i (V^T a_i)^T}.
 */
public final class RankOneProjectionOperator implements FactorOperator, DesignOperator, RestrictableOperator {

    private final int d;
    private final int m;
    private final double[] vectors;
    private final double scale;

    /**
     * @param vectors {@code m * d} entries, row i holding {@code a_i}; kept, not copied
     * @param scale the factor {@code c} in {@code A_i = c a_i a_i^T}
     */
    public RankOneProjectionOperator(int d, int m, double[] vectors, double scale) {
        requireNonNull(vectors, "vectors is null");
        if (d < 1 || m < 0 || (long) m * d != vectors.length) {
            throw new IllegalArgumentException("expected " + m + " x " + d + " entries, got " + vectors.length);
        }
        this.d = d;
        this.m = m;
        this.vectors = vectors;
        this.scale = scale;
    }

    @Override
    public Shape domain() {
        return Shape.symmetric(d);
    }

    @Override
    public int rangeSize() {
        return m;
    }

    /** Entry j of {@code a_i}. */
    public double vector(int i, int j) {
        return vectors[i * d + j];
    }

    public double scale() {
        return scale;
    }

    /** The m x d matrix of the vectors {@code a_i} (row i), from which {@code A_i = scale() a_i a_i^T} is rebuilt. */
    @Override
    public Blocks denseParts() {
        double[][] rows = new double[m][];
        for (int i = 0; i < m; i++) {
            rows[i] = java.util.Arrays.copyOfRange(vectors, i * d, (i + 1) * d);
        }
        return Blocks.of("a", new DenseDoubleMatrix2D(rows));
    }

    @Override
    public void apply(DoubleMatrix2D x, DoubleMatrix1D out) {
        checkSignal(x, "x");
        checkRange(out, "out");
        double[][] matrix = x.toArray();
        for (int i = 0; i < m; i++) {
            int offset = i * d;
            double s = 0;
            for (int j = 0; j < d; j++) {
                double[] row = matrix[j];
                double t = 0;
                for (int k = 0; k < d; k++) {
                    t += row[k] * vectors[offset + k];
                }
                s += vectors[offset + j] * t;
            }
            out.setQuick(i, scale * s);
        }
    }

    @Override
    public void adjoint(DoubleMatrix1D y, DoubleMatrix2D out) {
        checkRange(y, "y");
        checkSignal(out, "out");
        double[] sum = new double[d * d];
        for (int i = 0; i < m; i++) {
            double yi = scale * y.getQuick(i);
            if (yi == 0) {
                continue;
            }
            int offset = i * d;
            for (int j = 0; j < d; j++) {
                double aj = yi * vectors[offset + j];
                for (int k = 0; k < d; k++) {
                    sum[j * d + k] += aj * vectors[offset + k];
                }
            }
        }
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                out.setQuick(j, k, sum[j * d + k]);
            }
        }
    }

    @Override
    public void applyFactored(DoubleMatrix2D u, DoubleMatrix2D v, DoubleMatrix1D out) {
        checkFactor(u, "U");
        checkFactor(v, "V");
        if (u.columns() != v.columns()) {
            throw new IllegalArgumentException("U has " + u.columns() + " columns, V has " + v.columns());
        }
        checkRange(out, "out");
        if (u == v) {
            // c ||U^T a_i||^2 on the multi-threaded kernel
            double[] values = new double[m];
            RankOneKernels.project(vectors, m, d, scale, rowMajor(u), u.columns(), values);
            for (int i = 0; i < m; i++) {
                out.setQuick(i, values[i]);
            }
            return;
        }
        double[][] left = columns(u);
        double[][] right = columns(v);
        int k = u.columns();
        double[] ua = new double[k];
        double[] va = new double[k];
        for (int i = 0; i < m; i++) {
            project(i, left, ua);
            project(i, right, va);
            double s = 0;
            for (int l = 0; l < k; l++) {
                s += ua[l] * va[l];
            }
            out.setQuick(i, scale * s);
        }
    }

    @Override
    public DoubleMatrix2D adjointTimes(DoubleMatrix1D y, DoubleMatrix2D v) {
        checkRange(y, "y");
        checkFactor(v, "V");
        double[][] factor = columns(v);
        int k = v.columns();
        double[] va = new double[k];
        // column l of the result, sum_i c y_i (a_i . v_l) a_i, accumulated as a contiguous row of length d
        double[][] sum = new double[k][d];
        for (int i = 0; i < m; i++) {
            double yi = scale * y.getQuick(i);
            if (yi == 0) {
                continue;
            }
            project(i, factor, va);
            int offset = i * d;
            for (int l = 0; l < k; l++) {
                double coefficient = yi * va[l];
                double[] target = sum[l];
                for (int j = 0; j < d; j++) {
                    target[j] += coefficient * vectors[offset + j];
                }
            }
        }
        DoubleMatrix2D out = new DenseDoubleMatrix2D(d, k);
        for (int j = 0; j < d; j++) {
            for (int l = 0; l < k; l++) {
                out.setQuick(j, l, sum[l][j]);
            }
        }
        return out;
    }

    /** The {@code A_i} are symmetric, so {@code A*(y)^T U = A*(y) U}. */
    @Override
    public DoubleMatrix2D adjointTransposeTimes(DoubleMatrix1D y, DoubleMatrix2D u) {
        return adjointTimes(y, u);
    }

    /** {@code 2 A*(y) U}, one pass: the {@code A_i} are symmetric. */
    @Override
    public DoubleMatrix2D symmetrizedAdjointTimes(DoubleMatrix1D y, DoubleMatrix2D u) {
        DoubleMatrix2D out = adjointTimes(y, u);
        out.assign(cern.jet.math.Functions.mult(2));
        return out;
    }

    /**
     * One pass over the vectors: for each i, {@code p = U^T a_i}, {@code r_i = c |p|^2 - y_i}, and
     * {@code 2 c r_i a_i p^T} is added to the result while {@code a_i} is still in cache
     * ({@link RankOneKernels#residualGradient}: eight vectors per sweep, multi-threaded, thread-count independent).
     */
    @Override
    public double residualSymmetrizedAdjointTimes(DoubleMatrix2D u, DoubleMatrix1D y, DoubleMatrix2D out) {
        checkFactor(u, "U");
        checkRange(y, "y");
        if (out.rows() != d || out.columns() != u.columns()) {
            throw new IllegalArgumentException("out is " + out.rows() + " x " + out.columns() + ", expected " + d
                    + " x " + u.columns());
        }
        int k = u.columns();
        double[] gradient = new double[d * k];
        double squared = RankOneKernels.residualGradient(vectors, m, d, scale, rowMajor(u), k, y.toArray(), gradient);
        for (int j = 0; j < d; j++) {
            for (int l = 0; l < k; l++) {
                out.setQuick(j, l, 2 * gradient[j * k + l]);
            }
        }
        return squared;
    }

    private static double[] rowMajor(DoubleMatrix2D f) {
        int k = f.columns();
        double[] out = new double[f.rows() * k];
        for (int j = 0; j < f.rows(); j++) {
            for (int l = 0; l < k; l++) {
                out[j * k + l] = f.getQuick(j, l);
            }
        }
        return out;
    }

    /** Row i is {@code vec(c a_i (a_i^T V))}. */
    @Override
    public DoubleMatrix2D leftDesign(DoubleMatrix2D v) {
        checkFactor(v, "V");
        double[][] factor = columns(v);
        int k = v.columns();
        double[] va = new double[k];
        DoubleMatrix2D design = new DenseDoubleMatrix2D(m, d * k);
        for (int i = 0; i < m; i++) {
            project(i, factor, va);
            for (int j = 0; j < d; j++) {
                double aj = scale * vectors[i * d + j];
                for (int l = 0; l < k; l++) {
                    design.setQuick(i, j * k + l, aj * va[l]);
                }
            }
        }
        return design;
    }

    @Override
    public DoubleMatrix2D rightDesign(DoubleMatrix2D u) {
        return leftDesign(u);
    }

    @Override
    public LinearOperator restrict(int[] rows) {
        int[] checked = RowSubsetOperator.checkRows(rows, m);
        double[] kept = new double[checked.length * d];
        for (int t = 0; t < checked.length; t++) {
            System.arraycopy(vectors, checked[t] * d, kept, t * d, d);
        }
        return new RankOneProjectionOperator(d, checked.length, kept, scale);
    }

    /** The columns of {@code f}, each a contiguous array of length d. */
    private static double[][] columns(DoubleMatrix2D f) {
        return f.viewDice().toArray();
    }

    /** {@code out_l = <a_i, f_l>} for the columns {@code f_l} of a factor. */
    private void project(int i, double[][] columns, double[] out) {
        int offset = i * d;
        for (int l = 0; l < out.length; l++) {
            double[] column = columns[l];
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += vectors[offset + j] * column[j];
            }
            out[l] = s;
        }
    }

    private void checkSignal(DoubleMatrix2D x, String name) {
        if (x.rows() != d || x.columns() != d) {
            throw new IllegalArgumentException(name + " is " + x.rows() + " x " + x.columns() + ", the operator takes "
                    + domain());
        }
    }

    private void checkFactor(DoubleMatrix2D f, String name) {
        if (f.rows() != d) {
            throw new IllegalArgumentException(name + " has " + f.rows() + " rows, the operator takes d = " + d);
        }
    }

    private void checkRange(DoubleMatrix1D y, String name) {
        if (y.size() != m) {
            throw new IllegalArgumentException(name + " has length " + y.size() + ", the operator has " + m
                    + " observations");
        }
    }
}
