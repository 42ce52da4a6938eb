package org.reconlab.deconvolution.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.MatrixOps;

class SubspaceBasisTest {

    @ParameterizedTest
    @EnumSource(SubspaceBasis.class)
    void columnsAreOrthonormal(SubspaceBasis basis) {
        for (int length : new int[] {9, 16}) {
            DoubleMatrix2D b = basis.matrix(length, length, new SplittableRandom(1));
            DoubleMatrix2D gram = MatrixOps.multTransA(b, b);
            for (int i = 0; i < length; i++) {
                for (int j = 0; j < length; j++) {
                    assertThat(gram.getQuick(i, j)).isCloseTo(i == j ? 1 : 0, within(1e-12));
                }
            }
        }
    }

    @Test
    void identityIsTheFirstColumnsAndRandomIdentityPicksDistinctSeededColumns() {
        DoubleMatrix2D first = SubspaceBasis.IDENTITY.matrix(6, 2, new SplittableRandom(1));
        assertThat(first.toArray()).isDeepEqualTo(new double[][] {{1, 0}, {0, 1}, {0, 0}, {0, 0}, {0, 0}, {0, 0}});

        DoubleMatrix2D random = SubspaceBasis.RANDOM_IDENTITY.matrix(50, 5, new SplittableRandom(2));
        assertThat(random.toArray()).isDeepEqualTo(SubspaceBasis.RANDOM_IDENTITY.matrix(50, 5, new SplittableRandom(2)).toArray());
        assertThat(random.toArray()).isNotEqualTo(SubspaceBasis.IDENTITY.matrix(50, 5, new SplittableRandom(2)).toArray());
        assertThat(random.zSum()).isEqualTo(5);
    }

    @Test
    void bandLimitedStartsWithTheConstantAndTheFirstCosine() {
        DoubleMatrix2D b = SubspaceBasis.BAND_LIMITED.matrix(8, 3, new SplittableRandom(1));
        assertThat(b.getQuick(5, 0)).isCloseTo(1 / Math.sqrt(8), within(1e-15));
        assertThat(b.getQuick(2, 1)).isCloseTo(Math.sqrt(2.0 / 8) * Math.cos(2 * Math.PI * 2 / 8), within(1e-15));
        assertThat(b.getQuick(2, 2)).isCloseTo(Math.sqrt(2.0 / 8) * Math.sin(2 * Math.PI * 2 / 8), within(1e-15));
    }

    @Test
    void specNamesRoundTripAndSizesAreChecked() {
        for (SubspaceBasis basis : SubspaceBasis.values()) {
            assertThat(SubspaceBasis.fromSpecName(basis.specName())).isEqualTo(basis);
        }
        assertThat(SubspaceBasis.RANDOM_IDENTITY.specName()).isEqualTo("random-identity");
        assertThatThrownBy(() -> SubspaceBasis.IDENTITY.matrix(4, 5, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("K = 5");
    }
}
