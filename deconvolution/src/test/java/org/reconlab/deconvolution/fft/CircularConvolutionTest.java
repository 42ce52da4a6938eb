package org.reconlab.deconvolution.fft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CircularConvolutionTest {

    private static double[] gaussian(int n, SplittableRandom random) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }

    /** The defining sum, O(L^2). */
    private static double[] directConvolution(double[] a, double[] b) {
        int n = a.length;
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            for (int s = 0; s < n; s++) {
                out[t] += a[s] * b[Math.floorMod(t - s, n)];
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 16, 45, 64})
    void fftConvolutionEqualsTheDirectSum(int length) {
        SplittableRandom random = new SplittableRandom(length);
        double[] a = gaussian(length, random);
        double[] b = gaussian(length, random);
        double[] expected = directConvolution(a, b);
        double[] actual = new CircularConvolution(length).convolve(a, b);
        for (int t = 0; t < length; t++) {
            assertThat(actual[t]).isCloseTo(expected[t], within(1e-12 * length));
        }
    }

    @Test
    void correlationIsTheAdjointOfConvolution() {
        SplittableRandom random = new SplittableRandom(3);
        CircularConvolution convolution = new CircularConvolution(30);
        double[] a = gaussian(30, random);
        double[] x = gaussian(30, random);
        double[] y = gaussian(30, random);
        double left = dot(convolution.convolve(a, x), y);
        double right = dot(x, convolution.correlate(a, y));
        assertThat(left).isCloseTo(right, within(1e-12 * (1 + Math.abs(left))));
    }

    @Test
    void convolvingWithAShiftedDeltaShifts() {
        double[] delta = new double[5];
        delta[2] = 1;
        double[] x = {1, 2, 3, 4, 5};
        double[] shifted = new CircularConvolution(5).convolve(delta, x);
        assertThat(shifted).containsExactly(new double[] {4, 5, 1, 2, 3}, within(1e-12));
    }

    @Test
    void rejectsSignalsOfAnotherLength() {
        CircularConvolution convolution = new CircularConvolution(8);
        assertThatThrownBy(() -> convolution.convolve(new double[7], new double[8]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7");
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
