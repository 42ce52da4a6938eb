package org.reconlab.sensing.measurement;

import java.util.SplittableRandom;
import org.reconlab.core.contract.AbstractMeasurementContractTest;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.Shape;

/** The measurement contract for a noisy Gaussian ensemble on a rectangular (so asymmetric) domain. */
class GaussianMeasurementContractTest extends AbstractMeasurementContractTest {

    private static final Shape SHAPE = Shape.matrix(5, 3);

    @Override
    protected Measurement measurement() {
        return new GaussianMeasurement(SHAPE, 23, 0.1);
    }

    @Override
    protected GroundTruth truth(SplittableRandom random) {
        return GroundTruth.of(SHAPE, RandomMatrices.gaussian(5, 3, 1.0, random));
    }
}
