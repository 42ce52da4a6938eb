package org.reconlab.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.contract.FiniteDifferences;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Shape;

class MatrixEstimateModelTest {

    /** Observes the first row of a 2 x 3 matrix. */
    private static final LinearOperator FIRST_ROW = new LinearOperator() {
        @Override
        public Shape domain() {
            return Shape.matrix(2, 3);
        }

        @Override
        public int rangeSize() {
            return 3;
        }

        @Override
        public void apply(DoubleMatrix2D x, DoubleMatrix1D out) {
            for (int j = 0; j < 3; j++) {
                out.setQuick(j, x.getQuick(0, j));
            }
        }

        @Override
        public void adjoint(DoubleMatrix1D y, DoubleMatrix2D out) {
            out.assign(0);
            for (int j = 0; j < 3; j++) {
                out.setQuick(0, j, y.getQuick(j));
            }
        }
    };

    private static Observations observations() {
        DoubleMatrix1D y = new DenseDoubleMatrix1D(new double[] {1, 2, 3});
        return new Observations(FIRST_ROW, y, new DenseDoubleMatrix1D(3));
    }

    @Test
    void theSignalIsTheBlockAndTheGradientPassesThrough() {
        MatrixEstimateModel model = new MatrixEstimateModel(Shape.matrix(2, 3), MatrixEstimateModel.Init.ZERO, 0);
        DoubleMatrix2D x = RandomMatrices.gaussian(2, 3, 1, new SplittableRandom(1));
        Blocks blocks = Blocks.of(MatrixEstimateModel.BLOCK, x);

        assertThat(model.signal(blocks).toArray()).isDeepEqualTo(x.toArray());
        assertThat(model.signal(blocks)).isNotSameAs(x);
        assertThat(FiniteDifferences.relativeGradientError(model.objective(observations()), blocks, 1e-6)).isLessThan(1e-8);
    }

    @Test
    void startsFromZerosOrFromTheBackProjection() {
        Blocks zero = new MatrixEstimateModel(Shape.matrix(2, 3), MatrixEstimateModel.Init.ZERO, 0)
                .initialize(Optional.of(observations()), new SplittableRandom(2));
        Blocks adjoint = new MatrixEstimateModel(Shape.matrix(2, 3), MatrixEstimateModel.Init.ADJOINT, 0)
                .initialize(Optional.of(observations()), new SplittableRandom(2));

        assertThat(zero.get("X").toArray()).isDeepEqualTo(new double[][] {{0, 0, 0}, {0, 0, 0}});
        assertThat(adjoint.get("X").toArray()).isDeepEqualTo(new double[][] {{1, 2, 3}, {0, 0, 0}});
        assertThatThrownBy(() -> new MatrixEstimateModel(Shape.matrix(2, 3), MatrixEstimateModel.Init.ADJOINT, 0)
                .initialize(Optional.empty(), new SplittableRandom(2))).hasMessageContaining("adjoint");
    }

    @Test
    void smallRandomAndIdentityStartsHaveScaleAlpha() {
        Blocks random = new MatrixEstimateModel(Shape.matrix(40, 30), MatrixEstimateModel.Init.SMALL_RANDOM, 1e-2)
                .initialize(Optional.empty(), new SplittableRandom(3));
        // ||alpha G||_F^2 has mean alpha^2 * 1200; within 15% for 1200 entries.
        assertThat(MatrixOps.frobeniusNorm(random.get("X"))).isCloseTo(1e-2 * Math.sqrt(1200), within(0.15 * 1e-2
                * Math.sqrt(1200)));
        Blocks identity = new MatrixEstimateModel(Shape.matrix(2, 3), MatrixEstimateModel.Init.IDENTITY, 0.5)
                .initialize(Optional.empty(), new SplittableRandom(3));
        assertThat(identity.get("X").toArray()).isDeepEqualTo(new double[][] {{0.5, 0, 0}, {0, 0.5, 0}});
    }

    @Test
    void forASymmetricShapeTheSignalAndTheGradientAreSymmetricParts() {
        MatrixEstimateModel model = new MatrixEstimateModel(Shape.symmetric(3), MatrixEstimateModel.Init.SMALL_RANDOM,
                1);
        DoubleMatrix2D start = model.initialize(Optional.empty(), new SplittableRandom(4)).get("X");
        assertThat(MatrixOps.distance(start, start.viewDice())).isZero();
        DoubleMatrix2D x = RandomMatrices.gaussian(3, 3, 1, new SplittableRandom(5));
        Blocks blocks = Blocks.of(MatrixEstimateModel.BLOCK, x);
        assertThat(MatrixOps.distance(model.signal(blocks), MatrixOps.symmetricPart(x))).isZero();
        DoubleMatrix2D gradient = model.pullback(blocks, x).get("X");
        assertThat(MatrixOps.distance(gradient, gradient.viewDice())).isZero();
    }

    @Test
    void theEstimateCountsTheBlockAndTheCopyTheMetricsGet() {
        MatrixEstimateModel model = new MatrixEstimateModel(Shape.matrix(30, 20), MatrixEstimateModel.Init.ZERO, 0);
        Blocks parameters = model.initialize(Optional.empty(), new SplittableRandom(1));
        DoubleMatrix2D signal = model.signal(parameters);
        signal.setQuick(0, 0, 1);
        assertThat(parameters.get(MatrixEstimateModel.BLOCK).getQuick(0, 0)).isZero();
        assertThat(model.estimatedBytes()).isEqualTo(2L * Double.BYTES * 30 * 20);
    }
}
