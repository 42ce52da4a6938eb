package org.reconlab.sketching.metric;

import java.util.Arrays;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.problem.LowRankProblem;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Shape;

/** Singular values of a ground truth and the Eckart-Young tail energies derived from them. */
public final class Spectra {

    private Spectra() {
    }

    /**
     * The singular values of the signal as a matrix (a tensor as its mode-1 unfolding), in decreasing order: from the
     * {@value LowRankProblem#SINGULAR_VALUES} block of a matrix ground truth when present, else by an SVD.
     */
    public static double[] matrixSingularValues(GroundTruth truth) {
        Shape.Kind kind = truth.shape().kind();
        if (kind != Shape.Kind.TENSOR && truth.parts().names().contains(LowRankProblem.SINGULAR_VALUES)) {
            double[] values = truth.parts().get(LowRankProblem.SINGULAR_VALUES).viewColumn(0).toArray();
            Arrays.sort(values);
            reverse(values);
            return values;
        }
        return Decompositions.singularValues(truth.signal());
    }

    /** {@code tau_{r+1}^2 = sum_{j > r} s_j^2} for decreasing {@code s}: the squared best rank-r error. */
    public static double tailEnergy(double[] decreasing, int r) {
        double sum = 0;
        for (int j = r; j < decreasing.length; j++) {
            sum += decreasing[j] * decreasing[j];
        }
        return sum;
    }

    private static void reverse(double[] values) {
        for (int i = 0, j = values.length - 1; i < j; i++, j--) {
            double swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
