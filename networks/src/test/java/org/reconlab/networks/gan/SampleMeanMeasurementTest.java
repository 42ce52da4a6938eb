package org.reconlab.networks.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.contract.AbstractMeasurementContractTest;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.Observations;

class SampleMeanMeasurementTest extends AbstractMeasurementContractTest {

    @Override
    protected Measurement measurement() {
        return new SampleMeanMeasurement(4, 9);
    }

    @Override
    protected GroundTruth truth(SplittableRandom random) {
        return new GeneratorSamplesProblem(4, 9, 3, 5).draw(random);
    }

    @Test
    void observesTheMeanOfTheColumns() {
        GroundTruth truth = truth(new SplittableRandom(1));
        Observations observed = measurement().observe(truth, new SplittableRandom(2));
        for (int i = 0; i < 4; i++) {
            double sum = 0;
            for (int j = 0; j < 9; j++) {
                sum += truth.signal().getQuick(i, j);
            }
            assertThat(observed.values().getQuick(i)).isCloseTo(sum / 9, within(1e-15));
        }
    }
}
