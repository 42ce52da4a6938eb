package org.reconlab.deconvolution.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;

class RankOneErrorMetricTest {

    @Test
    void isBlindToTheScalingAmbiguityAndToALowerRankTail() {
        SplittableRandom random = new SplittableRandom(1);
        DoubleMatrix2D h = RandomMatrices.gaussian(5, 1, 1, random);
        DoubleMatrix2D m = RandomMatrices.gaussian(4, 1, 1, random);
        DoubleMatrix2D truth = MatrixOps.multTransB(h, m);
        DoubleMatrix2D rescaled = MatrixOps.multTransB(h.copy().assign(cern.jet.math.Functions.mult(3)),
                m.copy().assign(cern.jet.math.Functions.div(3)));
        assertThat(RankOneErrorMetric.error(rescaled, truth)).isCloseTo(0, within(1e-14));

        // A tail orthogonal to both factors, smaller than the top singular value, is dropped by the top pair.
        DoubleMatrix2D tail = MatrixOps.multTransB(orthogonalTo(h), orthogonalTo(m));
        tail.assign(cern.jet.math.Functions.mult(0.1 * MatrixOps.frobeniusNorm(truth) / MatrixOps.frobeniusNorm(tail)));
        DoubleMatrix2D withTail = truth.copy().assign(tail, cern.jet.math.Functions.plus);
        assertThat(RankOneErrorMetric.error(withTail, truth)).isCloseTo(0, within(1e-12));
        assertThat(MatrixOps.relativeError(withTail, truth)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void knownValueForAScaledEstimate() {
        DoubleMatrix2D truth = new DenseDoubleMatrix2D(new double[][] {{1, 0}, {0, 0}});
        DoubleMatrix2D estimate = new DenseDoubleMatrix2D(new double[][] {{0.7, 0}, {0, 0.2}});
        assertThat(RankOneErrorMetric.error(estimate, truth)).isCloseTo(0.3, within(1e-14));
    }

    @Test
    void aDivergedEstimateGivesNaNInsteadOfHangingTheSvd() {
        DoubleMatrix2D truth = new DenseDoubleMatrix2D(new double[][] {{1, 0}, {0, 0}});
        assertThat(RankOneErrorMetric.error(new DenseDoubleMatrix2D(new double[][] {{Double.NaN, 0}, {0, 1}}), truth)).isNaN();
        assertThat(RankOneErrorMetric.error(new DenseDoubleMatrix2D(new double[][] {{1, Double.POSITIVE_INFINITY}, {0, 1}}),
                truth)).isNaN();
    }

    private static DoubleMatrix2D orthogonalTo(DoubleMatrix2D v) {
        DoubleMatrix2D w = new DenseDoubleMatrix2D(v.rows(), 1);
        w.setQuick(0, 0, v.getQuick(1, 0));
        w.setQuick(1, 0, -v.getQuick(0, 0));
        return w;
    }
}
