package org.reconlab.sketching.tensor;

import cern.colt.matrix.DoubleMatrix2D;
import org.reconlab.core.spi.Shape;

/** Singular values of a tensor under the t-product: those of its Fourier-domain frontal slices. */
public final class TubalSpectra {

    private TubalSpectra() {
    }

    /**
     * The squared error of the best tubal-rank-r approximation (the truncated t-SVD, Kilmer and Martin 2011):
     * {@code (1/n3) sum_t sum_{j > r} s_j(hat(X)_t)^2}, by Parseval ({@code ||X||_F^2 = (1/n3) sum_t
     * ||hat(X)_t||_F^2}) and Eckart-Young in every slice.
     */
    public static double tailEnergy(DoubleMatrix2D signal, Shape shape, int r) {
        ComplexMatrix[] slices = TProduct.toFourier(Tensor3.of(signal, shape));
        double sum = 0;
        for (ComplexMatrix slice : slices) {
            double[] s = slice.singularValues();
            for (int j = r; j < s.length; j++) {
                sum += s[j] * s[j];
            }
        }
        return sum / slices.length;
    }
}
