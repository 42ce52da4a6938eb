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
import org.reconlab.core.operator.PackedSymmetricOperator;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.Shape;

/**
 * The measurement contract for the Gaussian ensemble on symmetric signals, stored packed, and its equivalence with
 * the dense storage of the same draw.
 */
class PackedGaussianMeasurementContractTest extends AbstractMeasurementContractTest {

    private static final int D = 5;

    @Override
    protected Measurement measurement() {
        return new GaussianMeasurement(Shape.matrix(D, D), 23, 0.1).onSymmetricSignals();
    }

    @Override
    protected GroundTruth truth(SplittableRandom random) {
        return GroundTruth.of(Shape.symmetric(D), MatrixOps.symmetricPart(RandomMatrices.gaussian(D, D, 1.0, random)));
    }

    @Override
    protected DoubleMatrix2D randomSignal(SplittableRandom random) {
        return MatrixOps.symmetricPart(RandomMatrices.gaussian(D, D, 1.0, random));
    }

    @Test
    void storesTheSymmetricPartsOfTheSameDraw() {
        GaussianMeasurement gaussian = new GaussianMeasurement(Shape.matrix(D, D), 40, 0);
        DenseMeasurementOperator dense = gaussian.drawOperator(new SplittableRandom(3));
        PackedSymmetricOperator packed = gaussian.drawPackedOperator(new SplittableRandom(3));
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < D; j++) {
                for (int k = 0; k < D; k++) {
                    double symmetricPart = j == k ? dense.entry(i, j, j)
                            : 0.5 * (dense.entry(i, j, k) + dense.entry(i, k, j));
                    assertThat(packed.entry(i, j, k)).isEqualTo(symmetricPart);
                }
            }
        }
        DoubleMatrix2D x = randomSignal(new SplittableRandom(4));
        DoubleMatrix1D fromDense = dense.apply(x);
        DoubleMatrix1D fromPacked = packed.apply(x);
        for (int i = 0; i < 40; i++) {
            assertThat(fromPacked.getQuick(i)).isCloseTo(fromDense.getQuick(i), within(1e-12));
        }
    }

    @Test
    void symmetricSpecializationHalvesTheStorageAndSurvivesNoiseless() {
        Measurement dense = new GaussianMeasurement(Shape.matrix(D, D), 23, 0.1);
        Measurement packed = dense.onSymmetricSignals();
        assertThat(packed.signalShape()).isEqualTo(Shape.symmetric(D));
        assertThat(packed.estimatedBytes()).isEqualTo(8L * 23 * 15);
        assertThat(dense.estimatedBytes()).isEqualTo(8L * 23 * 25);
        assertThat(packed.noiseless().signalShape()).isEqualTo(Shape.symmetric(D));
        assertThat(packed.onSymmetricSignals()).isSameAs(packed);
        Measurement rectangular = new GaussianMeasurement(Shape.matrix(D, D + 1), 23, 0);
        assertThat(rectangular.onSymmetricSignals()).isSameAs(rectangular);
    }

    @Test
    void symmetricGaussianPackedEntriesAreItsDenseEntries() {
        SymmetricGaussianMeasurement goe = new SymmetricGaussianMeasurement(D, 12, 0);
        DenseMeasurementOperator dense = goe.drawOperator(new SplittableRandom(5));
        PackedSymmetricOperator packed = goe.drawPackedOperator(new SplittableRandom(5));
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < D; j++) {
                for (int k = 0; k < D; k++) {
                    assertThat(packed.entry(i, j, k)).isEqualTo(dense.entry(i, j, k));
                }
            }
        }
        assertThat(goe.estimatedBytes()).isEqualTo(8L * 12 * 15);
    }
}
