package org.reconlab.deconvolution.measurement;

import java.util.SplittableRandom;
import org.reconlab.core.contract.AbstractMeasurementContractTest;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Measurement;
import org.reconlab.deconvolution.noise.AdversarialNoiseSearch;
import org.reconlab.deconvolution.problem.BlindDeconvolutionProblem;

/** The measurement contract for a short filter with random noise. */
class LiftedConvolutionMeasurementContractTest extends AbstractMeasurementContractTest {

    @Override
    protected Measurement measurement() {
        return new LiftedConvolutionMeasurement(32, 4, 5, SubspaceBasis.IDENTITY, LiftedConvolutionMeasurement.Noise.RANDOM,
                0.1, AdversarialNoiseSearch.defaults());
    }

    @Override
    protected GroundTruth truth(SplittableRandom random) {
        return new BlindDeconvolutionProblem(4, 5).draw(random);
    }
}
