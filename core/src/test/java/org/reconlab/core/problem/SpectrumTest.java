package org.reconlab.core.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpectrumTest {

    @Test
    void headRunsFromOneToOneOverKappa() {
        assertThat(Spectrum.of(3, 4.0, Spectrum.Spacing.GEOMETRIC))
                .containsExactly(new double[] {1.0, 0.5, 0.25}, within(1e-15));
        assertThat(Spectrum.of(3, 4.0, Spectrum.Spacing.LINEAR))
                .containsExactly(new double[] {1.0, 0.625, 0.25}, within(1e-15));
        assertThat(Spectrum.of(1, 10.0, Spectrum.Spacing.GEOMETRIC)).containsExactly(1.0);
        assertThat(Spectrum.of(4, 1.0, Spectrum.Spacing.GEOMETRIC)).containsOnly(1.0);
    }

    @Test
    void tailProfilesDecayAsDeclaredAndHaveTheGivenNorm() {
        double[] polynomial = Spectrum.tail(8, Spectrum.Tail.POLYNOMIAL, 1, 2);
        // (j + 1)^-2 for j = 1, 2: ratio 4/9.
        assertThat(polynomial[1] / polynomial[0]).isCloseTo(4.0 / 9, within(1e-12));
        double[] exponential = Spectrum.tail(8, Spectrum.Tail.EXPONENTIAL, 1, 0.5);
        assertThat(exponential[1] / exponential[0]).isCloseTo(Math.pow(10, -0.5), within(1e-12));
        assertThat(Spectrum.tail(4, Spectrum.Tail.FLAT, 0.4, 1)).containsExactly(new double[] {0.2, 0.2, 0.2, 0.2},
                within(1e-15));
        for (double[] tail : new double[][] {polynomial, exponential}) {
            assertThat(Math.sqrt(Arrays.stream(tail).map(s -> s * s).sum())).isCloseTo(1, within(1e-14));
        }
        assertThat(Spectrum.tail(8, Spectrum.Tail.NONE, 1, 1)).isEmpty();
    }
}
