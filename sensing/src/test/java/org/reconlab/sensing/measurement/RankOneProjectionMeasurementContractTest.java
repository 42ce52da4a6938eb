package org.reconlab.sensing.measurement;

import java.util.SplittableRandom;
import org.reconlab.core.contract.AbstractMeasurementContractTest;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.Shape;

/** The contract with truncation on, so that some vectors are zero. */
class RankOneProjectionMeasurementContractTest extends AbstractMeasurementContractTest {

    @Override
    protected Measurement measurement() {
        return new RankOneProjectionMeasurement(5, 30, 0.1, 1.5);
    }

    @Override
    protected GroundTruth truth(SplittableRandom random) {
        return GroundTruth.of(Shape.symmetric(5), MatrixOps.symmetricPart(RandomMatrices.gaussian(5, 5, 1.0, random)));
    }
}
