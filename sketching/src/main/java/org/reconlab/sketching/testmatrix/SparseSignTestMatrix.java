package org.reconlab.sketching.testmatrix;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.random.RandomGenerator;

/**
 * A sparse sign test matrix: every column has {@code zeta = min(rows, 8)} nonzero entries, at distinct rows chosen
 * uniformly, each {@code +-sqrt(rows / zeta)} with a fair sign (Tropp, Yurtsever, Udell and Cevher, "Streaming
 * low-rank matrix approximation with an application to scientific simulation", SIAM J. Sci. Comput. 2019, with their
 * recommended {@code zeta}). Applying it to an {@code n x p} matrix costs {@code O(zeta n p)} instead of
 * {@code O(rows n p)}. The scale makes {@code E[S^T S] = rows I}, as for a Gaussian matrix.
 */
public final class SparseSignTestMatrix implements TestMatrix {

    /** Nonzeros per column recommended by Tropp et al. (2019). */
    public static final int MAX_NONZEROS_PER_COLUMN = 8;

    private final int rows;
    private final int columns;
    private final int zeta;
    /** Row of the t-th nonzero of column j at {@code j * zeta + t}. */
    private final int[] rowIndex;
    /** Value of the t-th nonzero of column j at {@code j * zeta + t}. */
    private final double[] value;

    private SparseSignTestMatrix(int rows, int columns, int zeta, int[] rowIndex, double[] value) {
        this.rows = rows;
        this.columns = columns;
        this.zeta = zeta;
        this.rowIndex = rowIndex;
        this.value = value;
    }

    /** The nonzeros in each column of a sparse sign matrix of {@code rows} rows. */
    static int nonzerosPerColumn(int rows) {
        return Math.min(rows, MAX_NONZEROS_PER_COLUMN);
    }

    /** Draws a {@code rows x columns} sparse sign matrix, column by column, from {@code random}. */
    public static SparseSignTestMatrix draw(int rows, int columns, RandomGenerator random) {
        if (rows < 1 || columns < 0) {
            throw new IllegalArgumentException("bad test matrix size " + rows + " x " + columns);
        }
        int zeta = nonzerosPerColumn(rows);
        double scale = Math.sqrt((double) rows / zeta);
        int[] rowIndex = new int[columns * zeta];
        double[] value = new double[columns * zeta];
        int[] permutation = new int[rows];
        for (int i = 0; i < rows; i++) {
            permutation[i] = i;
        }
        for (int j = 0; j < columns; j++) {
            // A partial Fisher-Yates shuffle picks zeta distinct rows uniformly, whatever order the array is in.
            for (int t = 0; t < zeta; t++) {
                int pick = t + random.nextInt(rows - t);
                int swap = permutation[t];
                permutation[t] = permutation[pick];
                permutation[pick] = swap;
                rowIndex[j * zeta + t] = permutation[t];
                value[j * zeta + t] = random.nextBoolean() ? scale : -scale;
            }
        }
        return new SparseSignTestMatrix(rows, columns, zeta, rowIndex, value);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int columns() {
        return columns;
    }

    /** The number of nonzeros in every column. */
    public int nonzerosPerColumn() {
        return zeta;
    }

    @Override
    public DoubleMatrix2D apply(DoubleMatrix2D a) {
        TestMatrix.checkRows(a, columns, "operand of S a");
        int p = a.columns();
        DoubleMatrix2D out = new DenseDoubleMatrix2D(rows, p);
        for (int j = 0; j < columns; j++) {
            for (int t = 0; t < zeta; t++) {
                int row = rowIndex[j * zeta + t];
                double v = value[j * zeta + t];
                for (int c = 0; c < p; c++) {
                    out.setQuick(row, c, out.getQuick(row, c) + v * a.getQuick(j, c));
                }
            }
        }
        return out;
    }

    @Override
    public DoubleMatrix2D applyTranspose(DoubleMatrix2D b) {
        TestMatrix.checkRows(b, rows, "operand of S^T b");
        int p = b.columns();
        DoubleMatrix2D out = new DenseDoubleMatrix2D(columns, p);
        for (int j = 0; j < columns; j++) {
            for (int t = 0; t < zeta; t++) {
                int row = rowIndex[j * zeta + t];
                double v = value[j * zeta + t];
                for (int c = 0; c < p; c++) {
                    out.setQuick(j, c, out.getQuick(j, c) + v * b.getQuick(row, c));
                }
            }
        }
        return out;
    }

    @Override
    public DoubleMatrix1D column(int j) {
        if (j < 0 || j >= columns) {
            throw new IndexOutOfBoundsException("column " + j + " of a " + rows + " x " + columns + " test matrix");
        }
        DoubleMatrix1D out = new DenseDoubleMatrix1D(rows);
        for (int t = 0; t < zeta; t++) {
            out.setQuick(rowIndex[j * zeta + t], value[j * zeta + t]);
        }
        return out;
    }
}
