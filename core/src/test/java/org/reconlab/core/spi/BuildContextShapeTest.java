package org.reconlab.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.model.MatrixEstimateModel;

class BuildContextShapeTest {

    private static BuildContext context(Shape problemShape, Shape modelShape) {
        Problem problem = new Problem() {
            @Override
            public Shape signalShape() {
                return problemShape;
            }

            @Override
            public GroundTruth draw(SplittableRandom random) {
                throw new UnsupportedOperationException("not drawn in this test");
            }
        };
        return new BuildContext() {
            @Override
            public Problem problem() {
                return problem;
            }

            @Override
            public String problemName() {
                return "some-problem";
            }

            @Override
            public Optional<Measurement> measurement() {
                return Optional.empty();
            }

            @Override
            public Optional<String> measurementName() {
                return Optional.empty();
            }

            @Override
            public Optional<Model> model() {
                return Optional.ofNullable(modelShape).map(shape -> new MatrixEstimateModel(shape, MatrixEstimateModel.Init.ZERO, 0));
            }

            @Override
            public Optional<String> modelName() {
                return Optional.ofNullable(modelShape).map(shape -> "some-model");
            }
        };
    }

    @Test
    void problemShapeOfAnAllowedKindIsReturned() {
        BuildContext context = context(Shape.symmetric(4), null);
        assertThat(context.requireProblemShape("model 'm' takes matrices", Shape.Kind.MATRIX,
                Shape.Kind.SYMMETRIC_MATRIX)).isEqualTo(Shape.symmetric(4));
    }

    @Test
    void problemShapeOfAnotherKindFailsNamingComponentProblemAndShape() {
        BuildContext context = context(Shape.vector(3), null);
        assertThatThrownBy(() -> context.requireProblemShape("model 'm' takes matrices", Shape.Kind.MATRIX))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("model 'm' takes matrices, but problem 'some-problem' draws a vector of length 3");
    }

    @Test
    void modelShapeOfAnotherKindFailsNamingComponentModelAndShape() {
        BuildContext context = context(Shape.vector(3), Shape.matrix(2, 5));
        assertThat(context.requireModelShape("metric 'x' reads matrices", Shape.Kind.MATRIX))
                .isEqualTo(Shape.matrix(2, 5));
        assertThatThrownBy(() -> context.requireModelShape("metric 'x' reads vectors", Shape.Kind.VECTOR))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("metric 'x' reads vectors, but model 'some-model' produces a 2 x 5 matrix");
    }
}
