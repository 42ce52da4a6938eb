package org.reconlab.core.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.CorePlugin;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ComponentSpec;
import org.reconlab.core.engine.InvalidSpecException;
import org.reconlab.core.engine.PipelineBuilder;
import org.reconlab.core.engine.PipelineSpec;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Shape;

class PsdLowRankProblemTest {

    @Test
    void drawsASymmetricMatrixWithThePlantedEigenvalues() {
        double[] lambda = Spectrum.of(4, 100.0, Spectrum.Spacing.GEOMETRIC);
        GroundTruth truth = new PsdLowRankProblem(12, lambda).draw(new SplittableRandom(7));
        DoubleMatrix2D x = truth.signal();
        assertThat(truth.shape()).isEqualTo(Shape.symmetric(12));
        assertThat(MatrixOps.distance(x, x.viewDice())).isZero();
        Decompositions.Eigen eig = Decompositions.symmetricEigen(x);
        for (int j = 0; j < 4; j++) {
            assertThat(eig.values().getQuick(j)).isCloseTo(lambda[j], within(1e-12));
        }
        for (int j = 4; j < 12; j++) {
            assertThat(eig.values().getQuick(j)).isCloseTo(0, within(1e-12));
        }
        DoubleMatrix2D factor = truth.parts().get(PsdLowRankProblem.FACTOR);
        assertThat(factor.rows()).isEqualTo(12);
        assertThat(factor.columns()).isEqualTo(4);
        assertThat(MatrixOps.distance(MatrixOps.multTransB(factor, factor), x)).isLessThan(1e-14);
        // The factor's columns are orthogonal with squared norms lambda: F^T F = diag(lambda).
        DoubleMatrix2D gram = MatrixOps.multTransA(factor, factor);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(gram.getQuick(i, j)).isCloseTo(i == j ? lambda[i] : 0, within(1e-12));
            }
        }
    }

    @Test
    void sameStreamSameTruthOtherStreamOtherTruth() {
        PsdLowRankProblem problem = new PsdLowRankProblem(6, new double[] {1, 0.5});
        DoubleMatrix2D first = problem.draw(new SplittableRandom(3)).signal();
        assertThat(problem.draw(new SplittableRandom(3)).signal().toArray()).isDeepEqualTo(first.toArray());
        assertThat(MatrixOps.distance(problem.draw(new SplittableRandom(4)).signal(), first)).isGreaterThan(0.1);
    }

    @Test
    void factoryRejectsRankAboveDimension() {
        ComponentRegistry registry = ComponentRegistry.fromPlugins(List.of(new CorePlugin()));
        PipelineSpec spec = new PipelineSpec(ComponentSpec.of("psd-low-rank", Map.of("d", 4, "rank", 5)),
                Optional.empty(), ComponentSpec.of("matrix-estimate"),
                ComponentSpec.of("gradient-descent", Map.of("step", 0.1)), List.of(), 1);
        assertThatThrownBy(() -> new PipelineBuilder(registry).build(spec)).isInstanceOf(InvalidSpecException.class)
                .matches(e -> ((InvalidSpecException) e).path().equals("problem.rank")).hasMessageContaining("rank 5 exceeds d = 4");
    }
}
