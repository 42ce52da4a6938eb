package org.reconlab.networks.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.contract.FiniteDifferences;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.Objective;
import org.reconlab.core.spi.Observations;

class GanGeneratorModelTest {

    private final SplittableRandom random = new SplittableRandom(3);
    private final Observations observed = new SampleMeanMeasurement(4, 12).observe(
            new GeneratorSamplesProblem(4, 12, 3, 6).draw(random), random);

    /** The game restricted to the trainable blocks W, V, d, with the latent codes held fixed. */
    private static Objective trainable(Objective game, DoubleMatrix2D z) {
        return new Objective() {
            private Blocks full(Blocks parameters) {
                return Blocks.builder().add("W", parameters.get("W")).add("V", parameters.get("V"))
                        .add("d", parameters.get("d")).add("Z", z).build();
            }

            @Override
            public double value(Blocks parameters) {
                return game.value(full(parameters));
            }

            @Override
            public Evaluation evaluate(Blocks parameters) {
                Blocks gradient = game.evaluate(full(parameters)).gradient();
                return new Evaluation(value(parameters), Blocks.builder().add("W", gradient.get("W"))
                        .add("V", gradient.get("V")).add("d", gradient.get("d")).build());
            }
        };
    }

    @Test
    void gradientOfTheGameMatchesFiniteDifferences() {
        GanGeneratorModel model = new GanGeneratorModel(4, 12, 7, 3, 0.5, true, 1.0);
        Blocks at = model.initialize(Optional.of(observed), random);
        for (int i = 0; i < 4; i++) {
            at.get("d").setQuick(i, 0, random.nextGaussian());
        }
        Blocks trainable = Blocks.builder().add("W", at.get("W")).add("V", at.get("V")).add("d", at.get("d")).build();
        assertThat(FiniteDifferences.relativeGradientError(trainable(model.objective(observed), at.get("Z")), trainable, 1e-6))
                .isLessThan(1e-6);
    }

    @Test
    void latentCodesAndAFixedOutputLayerDoNotMove() {
        GanGeneratorModel model = new GanGeneratorModel(4, 12, 7, 3, 1.0, false, 1.0);
        Blocks at = model.initialize(Optional.of(observed), random);
        at.get("d").assign(0.3);
        Blocks gradient = model.objective(observed).evaluate(at).gradient();
        assertThat(MatrixOps.frobeniusNorm(gradient.get("Z"))).isZero();
        assertThat(MatrixOps.frobeniusNorm(gradient.get("V"))).isZero();
        assertThat(MatrixOps.frobeniusNorm(gradient.get("W"))).isPositive();
        assertThat(model.ascentBlocks()).containsExactly("d");
    }

    @Test
    void theDiscriminatorStartsAtItsBestResponse() {
        GanGeneratorModel model = new GanGeneratorModel(4, 12, 7, 3, 2.0, false, 1.0);
        Blocks start = model.initialize(Optional.of(observed), random);
        Objective.Evaluation evaluation = model.objective(observed).evaluate(start);
        assertThat(evaluation.gradient().get("d").viewColumn(0).toArray()).containsOnly(0.0);
        // h at the best response is ||y - A(G)||^2 / (2 lambda).
        double gap = MatrixOps.frobeniusNorm(start.get("d")) * 2.0;
        assertThat(evaluation.value()).isCloseTo(gap * gap / 4, within(1e-12));
    }
}
