package org.reconlab.core.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Shape;

class LowRankProblemTest {

    @ParameterizedTest
    @EnumSource(Spectrum.Tail.class)
    void drawnMatrixHasThePlantedSingularValues(Spectrum.Tail tail) {
        double[] head = Spectrum.of(3, 10, Spectrum.Spacing.GEOMETRIC);
        LowRankProblem problem = new LowRankProblem(14, 9, head, Spectrum.tail(6, tail, 0.05, 0.5));
        GroundTruth truth = problem.draw(new SplittableRandom(1));
        assertThat(truth.shape()).isEqualTo(Shape.matrix(14, 9));
        double[] computed = Decompositions.singularValues(truth.signal());
        double[] planted = problem.singularValues();
        assertThat(planted.length).isEqualTo(tail == Spectrum.Tail.NONE ? 3 : 9);
        double[] decreasing = Arrays.stream(planted).map(s -> -s).sorted().map(s -> -s).toArray();
        for (int j = 0; j < computed.length; j++) {
            assertThat(computed[j]).isCloseTo(j < decreasing.length ? decreasing[j] : 0, within(1e-12));
        }
        // Head: 1, 10^-1/2, 0.1 (geometric down to 1/kappa); tail: Frobenius norm 0.05.
        assertThat(Arrays.copyOf(planted, 3)).containsExactly(new double[] {1, Math.sqrt(0.1), 0.1}, within(1e-15));
        double tailEnergy = Arrays.stream(planted).skip(3).map(s -> s * s).sum();
        assertThat(tailEnergy).isCloseTo(tail == Spectrum.Tail.NONE ? 0 : 0.05 * 0.05, within(1e-15));
        assertThat(problem.rank()).isEqualTo(3);
    }

    @Test
    void partsAreTheSingularValueDecomposition() {
        LowRankProblem problem = new LowRankProblem(12, 10, new double[] {1, 0.5}, Spectrum.tail(8,
                Spectrum.Tail.FLAT, 0.1, 1));
        GroundTruth truth = problem.draw(new SplittableRandom(2));
        DoubleMatrix2D u = truth.parts().get(LowRankProblem.U);
        DoubleMatrix2D v = truth.parts().get(LowRankProblem.V);
        DoubleMatrix2D s = truth.parts().get(LowRankProblem.SINGULAR_VALUES);
        assertThat(MatrixOps.distance(MatrixOps.multTransA(u, u), MatrixOps.scaledIdentity(10, 10, 1))).isLessThan(1e-12);
        assertThat(MatrixOps.distance(MatrixOps.multTransA(v, v), MatrixOps.scaledIdentity(10, 10, 1))).isLessThan(1e-12);
        DoubleMatrix2D scaled = u.copy();
        for (int j = 0; j < 10; j++) {
            assertThat(s.getQuick(j, 0)).isEqualTo(problem.singularValues()[j]);
            for (int i = 0; i < 12; i++) {
                scaled.setQuick(i, j, u.getQuick(i, j) * s.getQuick(j, 0));
            }
        }
        assertThat(MatrixOps.distance(MatrixOps.multTransB(scaled, v), truth.signal())).isLessThan(1e-14);
    }

    @Test
    void rankOneWithUnitHeadIsAnOuterProductOfUnitVectors() {
        GroundTruth truth = new LowRankProblem(7, 4, new double[] {1}).draw(new SplittableRandom(2));
        DoubleMatrix2D u = truth.parts().get(LowRankProblem.U);
        DoubleMatrix2D v = truth.parts().get(LowRankProblem.V);
        assertThat(MatrixOps.frobeniusNorm(u)).isCloseTo(1, within(1e-14));
        assertThat(MatrixOps.frobeniusNorm(v)).isCloseTo(1, within(1e-14));
        assertThat(MatrixOps.distance(MatrixOps.multTransB(u, v), truth.signal())).isZero();
    }

    @Test
    void sameStreamSameTruthOtherStreamOtherTruth() {
        LowRankProblem problem = new LowRankProblem(9, 6, new double[] {1, 0.5});
        DoubleMatrix2D first = problem.draw(new SplittableRandom(3)).signal();
        assertThat(problem.draw(new SplittableRandom(3)).signal().toArray()).isDeepEqualTo(first.toArray());
        assertThat(MatrixOps.distance(problem.draw(new SplittableRandom(4)).signal(), first)).isGreaterThan(0.1);
    }

    @Test
    void factoryReadsTheSharedVocabularyAndRejectsRankAboveTheSmallerSide() {
        LowRankProblem.Factory factory = new LowRankProblem.Factory();
        LowRankProblem problem = (LowRankProblem) factory.create(factory.parameters().validate(Map.of("rows", 6,
                "columns", 4, "rank", 3, "condition-number", 4.0, "tail", "flat", "tail-norm", 0.2)), null);
        assertThat(problem.signalShape()).isEqualTo(Shape.matrix(6, 4));
        assertThat(problem.singularValues()).containsExactly(new double[] {1, 0.5, 0.25, 0.2}, within(1e-15));
        assertThat(factory.create(factory.parameters().validate(Map.of("rows", 6)), null).signalShape())
                .isEqualTo(Shape.matrix(6, 6));
        assertThatThrownBy(() -> factory.create(factory.parameters().validate(Map.of("rows", 6, "columns", 4,
                "rank", 5)), null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("rank 5 exceeds min(rows, columns) = 4");
    }

    @Test
    void aMatrixBeyondWhatADenseMatrixHoldsIsRefusedAtBuildTimeNamingTheKey() {
        LowRankProblem.Factory factory = new LowRankProblem.Factory();
        // 46341^2 = 2147488281 entries, just over 2^31 - 1
        assertThatThrownBy(() -> factory.create(factory.parameters().validate(Map.of("rows", 46341)), null))
                .isInstanceOf(ConfigException.class).matches(e -> ((ConfigException) e).key().equals("rows"))
                .hasMessageContaining("46341 x 46341 = 2147488281 entries");
        assertThatThrownBy(() -> factory.create(factory.parameters().validate(Map.of("rows", 2, "columns",
                1_073_741_824)), null)).matches(e -> ((ConfigException) e).key().equals("columns"));
        assertThat(factory.create(factory.parameters().validate(Map.of("rows", 46340)), null).signalShape().size())
                .isEqualTo(46340L * 46340);
    }

    @Test
    void theEstimateCountsTheFactorsAndTheirQrBesideTheSignal() {
        // without a tail p = r = 2: signal 300 x 200, factors (2 x 300 + 200) x 2, QR 3 x 300 x 2 + 2 x 2
        LowRankProblem lowRank = new LowRankProblem(300, 200, new double[] {1, 0.5});
        assertThat(lowRank.estimatedBytes()).isEqualTo(8L * (300 * 200 + 800 * 2 + 900 * 2 + 4));
        // with a tail p = 200: the factors and their QR are several times the signal
        LowRankProblem tailed = new LowRankProblem(300, 200, new double[] {1, 0.5},
                Spectrum.tail(198, Spectrum.Tail.FLAT, 0.1, 1));
        assertThat(tailed.estimatedBytes()).isEqualTo(8L * (300 * 200 + 800 * 200 + 900 * 200 + 200 * 200));
    }
}
