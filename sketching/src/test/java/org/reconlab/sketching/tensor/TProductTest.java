package org.reconlab.sketching.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reconlab.core.linalg.MatrixOps;

class TProductTest {

    private static final double EXACT = 1e-12;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7})
    void fourierProductEqualsTheDefinition(int n3) {
        SplittableRandom random = new SplittableRandom(n3);
        Tensor3 a = Tensor3.gaussian(4, 3, n3, 1, random);
        Tensor3 b = Tensor3.gaussian(3, 5, n3, 1, random);
        assertClose(TProduct.multiply(a, b), TProduct.multiplyByDefinition(a, b));
    }

    @Test
    void definitionOnAHandComputedCase() {
        // 1 x 1 x 3 tensors are sequences, and the t-product is their circular convolution:
        // (1, 2, 3) * (4, 5, 6) = (1*4 + 2*6 + 3*5, 1*5 + 2*4 + 3*6, 1*6 + 2*5 + 3*4) = (31, 31, 28).
        Tensor3 a = new Tensor3(1, 1, 3, new cern.colt.matrix.impl.DenseDoubleMatrix2D(new double[][] {{1, 2, 3}}));
        Tensor3 b = new Tensor3(1, 1, 3, new cern.colt.matrix.impl.DenseDoubleMatrix2D(new double[][] {{4, 5, 6}}));
        assertThat(TProduct.multiplyByDefinition(a, b).unfolding().viewRow(0).toArray())
                .containsExactly(31, 31, 28);
        assertThat(TProduct.multiply(a, b).unfolding().viewRow(0).toArray())
                .containsExactly(new double[] {31, 31, 28}, within(EXACT * 100));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 5})
    void isAssociative(int n3) {
        SplittableRandom random = new SplittableRandom(10 + n3);
        Tensor3 a = Tensor3.gaussian(3, 4, n3, 1, random);
        Tensor3 b = Tensor3.gaussian(4, 2, n3, 1, random);
        Tensor3 c = Tensor3.gaussian(2, 5, n3, 1, random);
        assertClose(TProduct.multiply(TProduct.multiply(a, b), c), TProduct.multiply(a, TProduct.multiply(b, c)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 6})
    void identityIsNeutralOnBothSides(int n3) {
        Tensor3 a = Tensor3.gaussian(3, 5, n3, 1, new SplittableRandom(20 + n3));
        assertClose(TProduct.multiply(TProduct.identity(3, n3), a), a);
        assertClose(TProduct.multiply(a, TProduct.identity(5, n3)), a);
        assertClose(TProduct.multiplyByDefinition(TProduct.identity(3, n3), a), a);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4})
    void transposeReversesProductsAndIsTheAdjoint(int n3) {
        SplittableRandom random = new SplittableRandom(30 + n3);
        Tensor3 a = Tensor3.gaussian(3, 4, n3, 1, random);
        Tensor3 b = Tensor3.gaussian(4, 2, n3, 1, random);
        Tensor3 c = Tensor3.gaussian(3, 2, n3, 1, random);
        assertClose(TProduct.transpose(TProduct.multiply(a, b)),
                TProduct.multiply(TProduct.transpose(b), TProduct.transpose(a)));
        assertThat(TProduct.inner(TProduct.multiply(a, b), c))
                .isCloseTo(TProduct.inner(a, TProduct.multiply(c, TProduct.transpose(b))), within(1e-10));
        assertClose(TProduct.transpose(TProduct.transpose(a)), a);
    }

    @Test
    void fourierRoundTripAndConjugateSymmetry() {
        Tensor3 a = Tensor3.gaussian(3, 2, 6, 1, new SplittableRandom(40));
        ComplexMatrix[] slices = TProduct.toFourier(a);
        for (int t = 1; t < 6; t++) {
            assertThat(MatrixOps.distance(slices[6 - t].re(), slices[t].re())).isLessThan(EXACT);
            assertThat(MatrixOps.distance(slices[6 - t].im(), slices[t].conjugate().im())).isLessThan(EXACT);
        }
        assertClose(TProduct.fromFourier(slices), a);
    }

    @Test
    void rejectsTensorsThatDoNotChain() {
        Tensor3 a = Tensor3.zeros(2, 3, 4);
        assertThatThrownBy(() -> TProduct.multiply(a, Tensor3.zeros(2, 3, 4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 x 3 x 4");
        assertThatThrownBy(() -> TProduct.multiply(a, Tensor3.zeros(3, 3, 5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tensor3(2, 3, 4, new cern.colt.matrix.impl.DenseDoubleMatrix2D(2, 11)))
                .hasMessageContaining("2 x 11");
    }

    private static void assertClose(Tensor3 actual, Tensor3 expected) {
        assertThat(actual.n1()).isEqualTo(expected.n1());
        assertThat(actual.n2()).isEqualTo(expected.n2());
        assertThat(actual.n3()).isEqualTo(expected.n3());
        assertThat(MatrixOps.distance(actual.unfolding(), expected.unfolding()))
                .isLessThanOrEqualTo(EXACT * 10 * (1 + MatrixOps.frobeniusNorm(expected.unfolding())));
    }
}
