package org.reconlab.sketching.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.sketching.reconstruction.SketchReconstructions;
import org.reconlab.sketching.testmatrix.TestMatrix;
import org.reconlab.sketching.testmatrix.TestMatrixKind;

class StreamingSketchTest {

    @ParameterizedTest
    @EnumSource(TestMatrixKind.class)
    void aMixedStreamOfUpdatesGivesTheSketchesOfTheFinalMatrix(TestMatrixKind kind) {
        int n1 = 14;
        int n2 = 10;
        SplittableRandom random = new SplittableRandom(kind.ordinal());
        TestMatrix omega = kind.draw(3, n2, random);
        TestMatrix psi = kind.draw(6, n1, random);
        StreamingSketch sketch = new StreamingSketch(omega, psi);
        // X is kept here only to check the sketches against; the stream never sees it.
        DoubleMatrix2D x = new DenseDoubleMatrix2D(n1, n2);
        for (int step = 0; step < 400; step++) {
            switch (random.nextInt(4)) {
                case 0 -> {
                    int i = random.nextInt(n1);
                    int j = random.nextInt(n2);
                    double delta = random.nextGaussian();
                    sketch.addEntry(i, j, delta);
                    x.setQuick(i, j, x.getQuick(i, j) + delta);
                }
                case 1 -> {
                    double theta = random.nextGaussian();
                    DoubleMatrix2D u = RandomMatrices.gaussian(n1, 1, 1, random);
                    DoubleMatrix2D v = RandomMatrices.gaussian(n2, 1, 1, random);
                    sketch.addRankOne(theta, u, v);
                    x.assign(MatrixOps.multTransB(u, v), (a, b) -> a + theta * b);
                }
                case 2 -> {
                    double theta = 0.5 + random.nextDouble();
                    sketch.scale(theta);
                    x.assign(cern.jet.math.Functions.mult(theta));
                }
                default -> {
                    DoubleMatrix2D h = RandomMatrices.gaussian(n1, n2, 0.1, random);
                    sketch.add(h);
                    x.assign(h, cern.jet.math.Functions.plus);
                }
            }
        }
        double scale = MatrixOps.frobeniusNorm(x);
        assertThat(MatrixOps.distance(sketch.rangeSketch(), omega.applyToRows(x))).isLessThan(1e-11 * scale);
        assertThat(MatrixOps.distance(sketch.corangeSketch(), psi.apply(x))).isLessThan(1e-11 * scale);
    }

    @Test
    void aLowRankMatrixStreamedByEntriesIsRecoveredExactly() {
        SplittableRandom random = new SplittableRandom(9);
        DoubleMatrix2D x = MatrixOps.mult(RandomMatrices.gaussian(20, 2, 1, random), RandomMatrices.gaussian(2, 16, 1, random));
        StreamingSketch sketch = new StreamingSketch(TestMatrixKind.SPARSE_SIGN.draw(4, 16, random),
                TestMatrixKind.SPARSE_SIGN.draw(9, 20, random));
        // Each entry arrives in two pieces, the second correcting the first.
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 16; j++) {
                double first = random.nextGaussian();
                sketch.addEntry(i, j, first);
                sketch.addEntry(i, j, x.getQuick(i, j) - first);
            }
        }
        DoubleMatrix2D estimate = SketchReconstructions.orthonormalDoubleSketch(sketch.rangeSketch(), sketch.corangeSketch(),
                sketch.psi()).product();
        assertThat(MatrixOps.relativeError(estimate, x)).isLessThan(1e-10);
    }

    @Test
    void rejectsUpdatesOutsideTheMatrix() {
        StreamingSketch sketch = new StreamingSketch(TestMatrixKind.GAUSSIAN.draw(2, 5, new SplittableRandom(1)),
                TestMatrixKind.GAUSSIAN.draw(3, 4, new SplittableRandom(2)));
        assertThat(sketch.rows()).isEqualTo(4);
        assertThat(sketch.columns()).isEqualTo(5);
        assertThatThrownBy(() -> sketch.addEntry(4, 0, 1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("(4, 0)");
        assertThatThrownBy(() -> sketch.addRankOne(1, new DenseDoubleMatrix2D(5, 1), new DenseDoubleMatrix2D(5, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 x 1");
        assertThatThrownBy(() -> sketch.add(new DenseDoubleMatrix2D(4, 4))).hasMessageContaining("4 x 4");
    }
}
