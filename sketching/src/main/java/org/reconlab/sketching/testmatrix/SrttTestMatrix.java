package org.reconlab.sketching.testmatrix;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.random.RandomGenerator;
import org.jtransforms.dct.DoubleDCT_1D;

/**
 * A subsampled randomized trigonometric transform {@code S = sqrt(n) R F D} ({@code k x n}): {@code D} a diagonal of
 * random signs, {@code F} the orthonormal discrete cosine transform (DCT-II) of length {@code n}, {@code R} the
 * restriction to {@code k} distinct coordinates chosen uniformly (Halko, Martinsson and Tropp 2011, section 4.6;
 * Tropp 2011, "Improved analysis of the subsampled randomized Hadamard transform"). Applying it to a vector costs
 * {@code O(n log n)} whatever {@code k} is; the DCT is computed by JTransforms. {@code E[S^T S] = k I}, as for a
 * Gaussian matrix, since {@code E[R^T R] = (k/n) I}.
 */
public final class SrttTestMatrix implements TestMatrix {

    private final int rows;
    private final int columns;
    private final double[] signs;
    private final int[] selected;
    private final double scale;

    private SrttTestMatrix(int rows, int columns, double[] signs, int[] selected) {
        this.rows = rows;
        this.columns = columns;
        this.signs = signs;
        this.selected = selected;
        this.scale = Math.sqrt(columns);
    }

    /** Draws the signs, then the selected coordinates, from {@code random}; needs {@code 1 <= rows <= columns}. */
    public static SrttTestMatrix draw(int rows, int columns, RandomGenerator random) {
        if (rows < 1 || rows > columns) {
            throw new IllegalArgumentException("an SRTT keeps rows <= columns coordinates, got " + rows + " x " + columns);
        }
        double[] signs = new double[columns];
        for (int i = 0; i < columns; i++) {
            signs[i] = random.nextBoolean() ? 1 : -1;
        }
        int[] permutation = new int[columns];
        for (int i = 0; i < columns; i++) {
            permutation[i] = i;
        }
        int[] selected = new int[rows];
        for (int t = 0; t < rows; t++) {
            int pick = t + random.nextInt(columns - t);
            int swap = permutation[t];
            permutation[t] = permutation[pick];
            permutation[pick] = swap;
            selected[t] = permutation[t];
        }
        return new SrttTestMatrix(rows, columns, signs, selected);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int columns() {
        return columns;
    }

    @Override
    public DoubleMatrix2D apply(DoubleMatrix2D a) {
        TestMatrix.checkRows(a, columns, "operand of S a");
        DoubleDCT_1D dct = new DoubleDCT_1D(columns);
        DoubleMatrix2D out = new DenseDoubleMatrix2D(rows, a.columns());
        double[] work = new double[columns];
        for (int c = 0; c < a.columns(); c++) {
            for (int i = 0; i < columns; i++) {
                work[i] = signs[i] * a.getQuick(i, c);
            }
            dct.forward(work, true);
            for (int t = 0; t < rows; t++) {
                out.setQuick(t, c, scale * work[selected[t]]);
            }
        }
        return out;
    }

    @Override
    public DoubleMatrix2D applyTranspose(DoubleMatrix2D b) {
        TestMatrix.checkRows(b, rows, "operand of S^T b");
        DoubleDCT_1D dct = new DoubleDCT_1D(columns);
        DoubleMatrix2D out = new DenseDoubleMatrix2D(columns, b.columns());
        double[] work = new double[columns];
        for (int c = 0; c < b.columns(); c++) {
            java.util.Arrays.fill(work, 0);
            for (int t = 0; t < rows; t++) {
                work[selected[t]] = b.getQuick(t, c);
            }
            // The orthonormal DCT's inverse is its transpose.
            dct.inverse(work, true);
            for (int i = 0; i < columns; i++) {
                out.setQuick(i, c, scale * signs[i] * work[i]);
            }
        }
        return out;
    }

    @Override
    public DoubleMatrix1D column(int j) {
        if (j < 0 || j >= columns) {
            throw new IndexOutOfBoundsException("column " + j + " of a " + rows + " x " + columns + " test matrix");
        }
        DoubleMatrix2D unit = new DenseDoubleMatrix2D(columns, 1);
        unit.setQuick(j, 0, 1);
        return new DenseDoubleMatrix1D(apply(unit).viewColumn(0).toArray());
    }
}
