package org.reconlab.networks.diagonal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.contract.AbstractMeasurementContractTest;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.Observations;

class GaussianDesignMeasurementTest extends AbstractMeasurementContractTest {

    @Override
    protected Measurement measurement() {
        return new GaussianDesignMeasurement(12, 7, 0.3);
    }

    @Override
    protected GroundTruth truth(SplittableRandom random) {
        return new SparseVectorProblem(12, 3, false).draw(random);
    }

    @Test
    void isNormalizedSoThatTheExpectedSquaredNormIsPreserved() {
        GaussianDesignMeasurement measurement = new GaussianDesignMeasurement(50, 200, 0);
        SplittableRandom random = new SplittableRandom(1);
        GroundTruth truth = new SparseVectorProblem(50, 50, true).draw(random);
        double ratio = 0;
        int draws = 50;
        for (int k = 0; k < draws; k++) {
            Observations observed = measurement.observe(truth, random);
            double squared = 0;
            for (int i = 0; i < 200; i++) {
                squared += observed.values().getQuick(i) * observed.values().getQuick(i);
            }
            ratio += squared / 50 / draws;
        }
        // ||A w||^2 / ||w||^2 has mean 1 and standard deviation sqrt(2/200) = 0.1 per draw.
        assertThat(ratio).isCloseTo(1, within(0.06));
    }

    /** The exported matrix reproduces the operator's observations and is a copy. */
    @Test
    void exportsItsDesignMatrix() {
        SplittableRandom random = new SplittableRandom(3);
        GroundTruth truth = new SparseVectorProblem(12, 3, false).draw(random);
        Observations observed = new GaussianDesignMeasurement(12, 7, 0).observe(truth, random);
        cern.colt.matrix.DoubleMatrix2D matrix = observed.operator().asDenseMatrix().orElseThrow();
        cern.colt.matrix.DoubleMatrix1D product = matrix.zMult(truth.signal().viewColumn(0), null);
        for (int i = 0; i < 7; i++) {
            assertThat(product.getQuick(i)).isCloseTo(observed.values().getQuick(i), within(1e-14));
        }
        matrix.assign(0);
        assertThat(observed.operator().asDenseMatrix().orElseThrow().zSum()).isNotZero();
    }

    @Test
    void reportsTheBytesOfItsDenseDesign() {
        assertThat(new GaussianDesignMeasurement(50, 200, 0).estimatedBytes()).isEqualTo(8L * 200 * 50);
    }

    @Test
    void noiseHasItsStandardDeviation() {
        Observations observed = new GaussianDesignMeasurement(5, 4000, 0.5).observe(
                new SparseVectorProblem(5, 1, true).draw(new SplittableRandom(2)), new SplittableRandom(3));
        double squared = 0;
        for (int i = 0; i < 4000; i++) {
            squared += observed.noise().getQuick(i) * observed.noise().getQuick(i);
        }
        assertThat(Math.sqrt(squared / 4000)).isCloseTo(0.5, within(0.02));
    }
}
