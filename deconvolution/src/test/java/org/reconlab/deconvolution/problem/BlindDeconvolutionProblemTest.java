package org.reconlab.deconvolution.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Shape;

class BlindDeconvolutionProblemTest {

    @Test
    void drawsUnitFactorsAndTheirRankOneLift() {
        GroundTruth truth = new BlindDeconvolutionProblem(7, 4).draw(new SplittableRandom(1));

        assertThat(truth.shape()).isEqualTo(Shape.matrix(7, 4));
        assertThat(MatrixOps.frobeniusNorm(truth.parts().get("h"))).isCloseTo(1, within(1e-12));
        assertThat(MatrixOps.frobeniusNorm(truth.parts().get("m"))).isCloseTo(1, within(1e-12));
        assertThat(MatrixOps.distance(truth.signal(), MatrixOps.multTransB(truth.parts().get("h"), truth.parts().get("m"))))
                .isZero();
        double[] singular = Decompositions.singularValues(truth.signal());
        assertThat(singular[0]).isCloseTo(1, within(1e-12));
        assertThat(singular[1]).isCloseTo(0, within(1e-12));
    }

    @Test
    void sameStreamSameTruth() {
        BlindDeconvolutionProblem problem = new BlindDeconvolutionProblem(3, 5);
        assertThat(problem.draw(new SplittableRandom(2)).signal().toArray())
                .isDeepEqualTo(problem.draw(new SplittableRandom(2)).signal().toArray());
    }

    @Test
    void factoryRequiresBothDimensions() {
        BlindDeconvolutionProblem.Factory factory = new BlindDeconvolutionProblem.Factory();
        assertThat(factory.create(factory.parameters().validate(Map.of("k", 3, "n", 2)), null).signalShape())
                .isEqualTo(Shape.matrix(3, 2));
        assertThatThrownBy(() -> factory.create(factory.parameters().validate(Map.of("k", 3)), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'n'");
        assertThatThrownBy(() -> factory.parameters().validate(Map.of("k", 0, "n", 2)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("0");
    }
}
