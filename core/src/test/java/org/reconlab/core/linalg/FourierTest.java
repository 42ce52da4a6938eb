package org.reconlab.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FourierTest {

    private static final double TOLERANCE = 1e-12;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 12, 17, 64, 97})
    void forwardMatchesTheDefinition(int n) {
        SplittableRandom random = new SplittableRandom(n);
        double[] re = gaussian(n, random);
        double[] im = gaussian(n, random);
        double[][] expected = naiveDft(re, im, -1);
        Fourier.ofLength(n).forward(re, im);
        for (int k = 0; k < n; k++) {
            assertThat(re[k]).isCloseTo(expected[0][k], within(TOLERANCE * n));
            assertThat(im[k]).isCloseTo(expected[1][k], within(TOLERANCE * n));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 6, 31})
    void inverseUndoesForward(int n) {
        SplittableRandom random = new SplittableRandom(100 + n);
        double[] re = gaussian(n, random);
        double[] im = gaussian(n, random);
        double[] re0 = re.clone();
        double[] im0 = im.clone();
        Fourier fourier = Fourier.ofLength(n);
        fourier.forward(re, im);
        fourier.inverse(re, im);
        for (int k = 0; k < n; k++) {
            assertThat(re[k]).isCloseTo(re0[k], within(TOLERANCE));
            assertThat(im[k]).isCloseTo(im0[k], within(TOLERANCE));
        }
    }

    @Test
    void inverseHasTheOneOverNFactor() {
        // The inverse of the all-ones spectrum is the unit impulse (without 1/n it would be n times that).
        double[] re = {1, 1, 1, 1};
        double[] im = new double[4];
        Fourier.ofLength(4).inverse(re, im);
        assertThat(re).containsExactly(new double[] {1, 0, 0, 0}, within(TOLERANCE));
        assertThat(im).containsExactly(new double[] {0, 0, 0, 0}, within(TOLERANCE));
    }

    @Test
    void spectrumOfARealSequenceIsHermitian() {
        int n = 10;
        double[] x = gaussian(n, new SplittableRandom(3));
        double[] re = new double[n];
        double[] im = new double[n];
        Fourier.ofLength(n).forwardReal(x, re, im);
        double[][] expected = naiveDft(x, new double[n], -1);
        for (int k = 0; k < n; k++) {
            assertThat(re[k]).isCloseTo(expected[0][k], within(TOLERANCE * n));
            assertThat(im[k]).isCloseTo(expected[1][k], within(TOLERANCE * n));
            assertThat(re[(n - k) % n]).isCloseTo(re[k], within(TOLERANCE * n));
            assertThat(im[(n - k) % n]).isCloseTo(-im[k], within(TOLERANCE * n));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 16})
    void circularConvolutionMatchesTheDefinition(int n) {
        SplittableRandom random = new SplittableRandom(200 + n);
        double[] a = gaussian(n, random);
        double[] b = gaussian(n, random);
        double[] c = Fourier.circularConvolution(a, b);
        for (int j = 0; j < n; j++) {
            double expected = 0;
            for (int s = 0; s < n; s++) {
                expected += a[s] * b[Math.floorMod(j - s, n)];
            }
            assertThat(c[j]).isCloseTo(expected, within(TOLERANCE * n));
        }
    }

    @Test
    void rejectsArraysOfTheWrongLength() {
        Fourier fourier = Fourier.ofLength(5);
        assertThatThrownBy(() -> fourier.forward(new double[4], new double[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 4");
        assertThatThrownBy(() -> Fourier.circularConvolution(new double[3], new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 and 2");
        assertThatThrownBy(() -> Fourier.ofLength(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code sum_j x_j exp(sign 2 pi i j k / n)}, straight from the definition. */
    private static double[][] naiveDft(double[] re, double[] im, int sign) {
        int n = re.length;
        double[][] out = new double[2][n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                double angle = sign * 2 * Math.PI * ((long) j * k % n) / n;
                out[0][k] += re[j] * Math.cos(angle) - im[j] * Math.sin(angle);
                out[1][k] += re[j] * Math.sin(angle) + im[j] * Math.cos(angle);
            }
        }
        return out;
    }

    private static double[] gaussian(int n, SplittableRandom random) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }
}
