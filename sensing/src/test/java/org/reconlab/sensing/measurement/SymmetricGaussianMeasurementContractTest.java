package org.reconlab.sensing.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.contract.AbstractMeasurementContractTest;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.Shape;

class SymmetricGaussianMeasurementContractTest extends AbstractMeasurementContractTest {

    @Override
    protected Measurement measurement() {
        return new SymmetricGaussianMeasurement(4, 17, 0.2);
    }

    @Override
    protected GroundTruth truth(SplittableRandom random) {
        return GroundTruth.of(Shape.symmetric(4), MatrixOps.symmetricPart(RandomMatrices.gaussian(4, 4, 1.0, random)));
    }

    @Test
    void measurementMatricesAreSymmetric() {
        DenseMeasurementOperator a = new SymmetricGaussianMeasurement(5, 6, 0).drawOperator(new SplittableRandom(1));
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 5; j++) {
                for (int k = 0; k < 5; k++) {
                    assertThat(a.entry(i, j, k)).isEqualTo(a.entry(i, k, j));
                }
            }
        }
    }

    @Test
    void preservesTheSquaredNormOfSymmetricMatricesInExpectation() {
        // chi^2_m / m with m = 40000: standard deviation 0.007.
        DoubleMatrix2D x = MatrixOps.symmetricPart(RandomMatrices.gaussian(4, 4, 1.0, new SplittableRandom(2)));
        DoubleMatrix1D ax = new SymmetricGaussianMeasurement(4, 40_000, 0).drawOperator(new SplittableRandom(3)).apply(x);
        assertThat(MatrixOps.inner(ax, ax) / MatrixOps.inner(x, x)).isCloseTo(1.0, within(0.035));
    }
}
