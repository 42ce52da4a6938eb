package org.reconlab.core.toy;

import java.util.SplittableRandom;
import org.reconlab.core.contract.AbstractMeasurementContractTest;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.Shape;

class ToyMeasurementContractTest extends AbstractMeasurementContractTest {

    @Override
    protected Measurement measurement() {
        return new ToyPlugin.ToyMeasurement(6, 9, false);
    }

    @Override
    protected GroundTruth truth(SplittableRandom random) {
        return GroundTruth.of(Shape.vector(6), RandomMatrices.gaussian(6, 1, 1.0, random));
    }
}
