package org.reconlab.deconvolution.fft;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Circular convolution and correlation of real signals of a fixed length {@code L} by the FFT (JTransforms):
 * <pre>
 *   (a conv b)[t] = sum_s a[s] b[(t - s) mod L],      F(a conv b) = F(a) . F(b)
 *   (a corr b)[t] = sum_s a[s] b[(s + t) mod L],      F(a corr b) = conj(F(a)) . F(b)
 * </pre>
 * Correlation with {@code a} is the adjoint of convolution with {@code a}. Spectra are full complex spectra,
 * interleaved ({@code re_0, im_0, re_1, im_1, ...}, length {@code 2L}), as JTransforms lays them out.
 *
 * <p>One instance holds one FFT plan; use an instance from one thread at a time.
 */
public final class CircularConvolution {

    private final int length;
    private final DoubleFFT_1D fft;

    public CircularConvolution(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("length must be >= 1, got " + length);
        }
        this.length = length;
        this.fft = new DoubleFFT_1D(length);
    }

    public int length() {
        return length;
    }

    /** The full spectrum {@code F(x)} of a real signal of length L, interleaved. */
    public double[] spectrum(double[] x) {
        checkLength(x.length, "signal");
        double[] out = new double[2 * length];
        System.arraycopy(x, 0, out, 0, length);
        fft.realForwardFull(out);
        return out;
    }

    /** The real part of the inverse transform of a full interleaved spectrum (destroys {@code spectrum}). */
    public double[] inverseReal(double[] spectrum) {
        checkLength(spectrum.length / 2, "spectrum");
        fft.complexInverse(spectrum, true);
        double[] out = new double[length];
        for (int t = 0; t < length; t++) {
            out[t] = spectrum[2 * t];
        }
        return out;
    }

    /** {@code a conv b}. */
    public double[] convolve(double[] a, double[] b) {
        double[] product = spectrum(a);
        multiply(product, spectrum(b), false);
        return inverseReal(product);
    }

    /** {@code a corr b}, the adjoint of {@code b -> a conv b} applied to {@code b}. */
    public double[] correlate(double[] a, double[] b) {
        double[] product = spectrum(a);
        multiply(product, spectrum(b), true);
        return inverseReal(product);
    }

    /**
     * {@code left <- left . right} entrywise on interleaved spectra, or {@code conj(left) . right} when
     * {@code conjugateLeft}.
     */
    public static void multiply(double[] left, double[] right, boolean conjugateLeft) {
        if (left.length != right.length) {
            throw new IllegalArgumentException("spectra have lengths " + left.length + " and " + right.length);
        }
        double sign = conjugateLeft ? -1 : 1;
        for (int i = 0; i < left.length; i += 2) {
            double re = left[i];
            double im = sign * left[i + 1];
            left[i] = re * right[i] - im * right[i + 1];
            left[i + 1] = re * right[i + 1] + im * right[i];
        }
    }

    /** {@code sum += conj?(left) . right} entrywise on interleaved spectra. */
    public static void multiplyAdd(double[] left, double[] right, boolean conjugateLeft, double[] sum) {
        double sign = conjugateLeft ? -1 : 1;
        for (int i = 0; i < left.length; i += 2) {
            double re = left[i];
            double im = sign * left[i + 1];
            sum[i] += re * right[i] - im * right[i + 1];
            sum[i + 1] += re * right[i + 1] + im * right[i];
        }
    }

    private void checkLength(int got, String what) {
        if (got != length) {
            throw new IllegalArgumentException(what + " has length " + got + ", expected " + length);
        }
    }
}
