package org.reconlab.deconvolution.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reconlab.core.contract.RetainedHeap;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.deconvolution.noise.AdversarialNoiseSearch;
import org.reconlab.deconvolution.problem.BlindDeconvolutionProblem;

class LiftedConvolutionMeasurementTest {

    @Tag(RetainedHeap.TAG)
    @ParameterizedTest
    @EnumSource(SubspaceBasis.class)
    void estimatedBytesAreWhatAnObservationKeeps(SubspaceBasis basis) {
        int length = 1024;
        LiftedConvolutionMeasurement measurement = new LiftedConvolutionMeasurement(length, 32, 48, basis,
                LiftedConvolutionMeasurement.Noise.RANDOM, 0.1, AdversarialNoiseSearch.defaults());
        GroundTruth truth = new BlindDeconvolutionProblem(32, 48).draw(new SplittableRandom(1));
        long retained = RetainedHeap.bytes(() -> measurement.observe(truth, new SplittableRandom(2)));
        assertThat(measurement.estimatedBytes()).isBetween(retained * 9 / 10, retained * 11 / 10);
    }
}
