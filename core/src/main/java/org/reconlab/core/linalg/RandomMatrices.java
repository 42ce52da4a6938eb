package org.reconlab.core.linalg;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.random.RandomGenerator;

/** Random matrices and vectors drawn from a given stream, filled row by row so results are reproducible. */
public final class RandomMatrices {

    private RandomMatrices() {
    }

    /** A {@code rows x columns} matrix with i.i.d. N(0, sigma^2) entries. */
    public static DoubleMatrix2D gaussian(int rows, int columns, double sigma, RandomGenerator random) {
        DenseDoubleMatrix2D out = new DenseDoubleMatrix2D(rows, columns);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                out.setQuick(i, j, sigma * random.nextGaussian());
            }
        }
        return out;
    }

    /** A vector with i.i.d. N(0, sigma^2) entries. */
    public static DoubleMatrix1D gaussianVector(int n, double sigma, RandomGenerator random) {
        DenseDoubleMatrix1D out = new DenseDoubleMatrix1D(n);
        for (int i = 0; i < n; i++) {
            out.setQuick(i, sigma * random.nextGaussian());
        }
        return out;
    }

    /**
     * A {@code rows x columns} matrix with orthonormal columns, Haar distributed: the Q factor of a Gaussian matrix
     * with the signs of R's diagonal folded in (Mezzadri 2007).
     */
    public static DoubleMatrix2D orthonormalColumns(int rows, int columns, RandomGenerator random) {
        if (columns > rows) {
            throw new IllegalArgumentException("cannot have " + columns + " orthonormal columns in R^" + rows);
        }
        return MatrixOps.orthonormalize(gaussian(rows, columns, 1.0, random));
    }
}
