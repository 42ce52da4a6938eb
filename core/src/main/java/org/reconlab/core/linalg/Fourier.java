package org.reconlab.core.linalg;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The discrete Fourier transform of one length {@code n}, computed by JTransforms in {@code O(n log n)} for every
 * {@code n} (mixed radix, Bluestein for large prime factors). Conventions:
 * <pre>
 *   forward:  X_k = sum_j x_j exp(-2 pi i j k / n)
 *   inverse:  x_j = (1/n) sum_k X_k exp(+2 pi i j k / n)
 * </pre>
 * A complex sequence is held as two arrays of length {@code n}, real and imaginary parts. An instance keeps the
 * precomputed plan; use it from one thread at a time (creating one costs {@code O(n)}).
 */
public final class Fourier {

    private final int n;
    private final DoubleFFT_1D fft;

    private Fourier(int n) {
        this.n = n;
        this.fft = new DoubleFFT_1D(n);
    }

    /** The transform of length {@code n >= 1}. */
    public static Fourier ofLength(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("transform length must be >= 1, got " + n);
        }
        return new Fourier(n);
    }

    public int length() {
        return n;
    }

    /** The forward transform of {@code (re, im)}, in place. */
    public void forward(double[] re, double[] im) {
        double[] work = interleave(re, im);
        fft.complexForward(work);
        split(work, re, im);
    }

    /** The inverse transform of {@code (re, im)}, including the factor {@code 1/n}, in place. */
    public void inverse(double[] re, double[] im) {
        double[] work = interleave(re, im);
        fft.complexInverse(work, true);
        split(work, re, im);
    }

    /**
     * The spectrum of a real sequence, written into {@code re} and {@code im}. It is Hermitian:
     * {@code X_{n-k} = conj(X_k)}.
     */
    public void forwardReal(double[] x, double[] re, double[] im) {
        checkLength(x, "x");
        System.arraycopy(x, 0, re, 0, n);
        java.util.Arrays.fill(checkLength(im, "im"), 0);
        forward(re, im);
    }

    /**
     * The circular convolution {@code (a * b)_j = sum_s a_s b_{(j - s) mod n}} of two real sequences of equal length,
     * by the convolution theorem: {@code F(a * b) = F(a) F(b)} entrywise.
     */
    public static double[] circularConvolution(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " and " + b.length);
        }
        Fourier fourier = ofLength(a.length);
        int n = a.length;
        double[] aRe = new double[n];
        double[] aIm = new double[n];
        double[] bRe = new double[n];
        double[] bIm = new double[n];
        fourier.forwardReal(a, aRe, aIm);
        fourier.forwardReal(b, bRe, bIm);
        for (int k = 0; k < n; k++) {
            double re = aRe[k] * bRe[k] - aIm[k] * bIm[k];
            aIm[k] = aRe[k] * bIm[k] + aIm[k] * bRe[k];
            aRe[k] = re;
        }
        fourier.inverse(aRe, aIm);
        return aRe;
    }

    private double[] interleave(double[] re, double[] im) {
        checkLength(re, "re");
        checkLength(im, "im");
        double[] work = new double[2 * n];
        for (int k = 0; k < n; k++) {
            work[2 * k] = re[k];
            work[2 * k + 1] = im[k];
        }
        return work;
    }

    private static void split(double[] work, double[] re, double[] im) {
        for (int k = 0; k < re.length; k++) {
            re[k] = work[2 * k];
            im[k] = work[2 * k + 1];
        }
    }

    private double[] checkLength(double[] array, String name) {
        if (array.length != n) {
            throw new IllegalArgumentException(name + " has length " + array.length + ", transform length is " + n);
        }
        return array;
    }
}
