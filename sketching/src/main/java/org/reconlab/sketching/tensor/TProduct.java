package org.reconlab.sketching.tensor;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.function.IntFunction;
import org.reconlab.core.linalg.Fourier;
import org.reconlab.core.linalg.MatrixOps;

/**
 * The t-product of third-order tensors (Kilmer and Martin 2011, "Factorization strategies for third-order tensors",
 * Linear Algebra Appl. 435): for A (n1 x n2 x n3) and B (n2 x n4 x n3),
 * {@code A * B = fold(bcirc(A) unfold(B))}, that is {@code (A * B)_t = sum_s A_{(t - s) mod n3} B_s} over frontal
 * slices. The DFT along the third mode turns this circular convolution of slices into independent slice products,
 * {@code hat(A * B)_t = hat(A)_t hat(B)_t}, which is how {@link #multiply} computes it, in
 * {@code O(n1 n2 n4 n3 + (n1 n2 + n2 n4 + n1 n4) n3 log n3)}. The DFT of a real tensor is conjugate symmetric,
 * {@code hat(A)_{n3 - t} = conj(hat(A)_t)}, so only slices {@code t <= n3 / 2} are ever computed.
 */
public final class TProduct {

    private TProduct() {
    }

    /** {@code A * B}, through the Fourier domain. */
    public static Tensor3 multiply(Tensor3 a, Tensor3 b) {
        checkChain(a, b);
        ComplexMatrix[] aHat = toFourier(a);
        ComplexMatrix[] bHat = toFourier(b);
        return fromFourier(sliceWise(a.n3(), t -> aHat[t].mult(bHat[t])));
    }

    /** {@code A * B} by the definition {@code (A * B)_t = sum_s A_{(t - s) mod n3} B_s}, in {@code O(n3^2)} products. */
    public static Tensor3 multiplyByDefinition(Tensor3 a, Tensor3 b) {
        checkChain(a, b);
        int n3 = a.n3();
        Tensor3 c = Tensor3.zeros(a.n1(), b.n2(), n3);
        for (int t = 0; t < n3; t++) {
            DoubleMatrix2D slice = c.slice(t);
            for (int s = 0; s < n3; s++) {
                a.slice(Math.floorMod(t - s, n3)).zMult(b.slice(s), slice, 1, 1, false, false);
            }
        }
        return c;
    }

    /**
     * The t-transpose {@code A^T} (n2 x n1 x n3): slice 0 transposed, and slice t the transpose of slice
     * {@code n3 - t}. It satisfies {@code (A * B)^T = B^T * A^T} and {@code <A * B, C> = <A, C * B^T>}.
     */
    public static Tensor3 transpose(Tensor3 a) {
        int n3 = a.n3();
        Tensor3 out = Tensor3.zeros(a.n2(), a.n1(), n3);
        for (int t = 0; t < n3; t++) {
            out.slice(t).assign(a.slice(Math.floorMod(-t, n3)).viewDice());
        }
        return out;
    }

    /** The identity tensor n x n x n3: slice 0 the identity matrix, the other slices zero. */
    public static Tensor3 identity(int n, int n3) {
        Tensor3 out = Tensor3.zeros(n, n, n3);
        out.slice(0).assign(MatrixOps.scaledIdentity(n, n, 1));
        return out;
    }

    /** The frontal slices of the DFT along the third mode: {@code hat(A)_t = sum_s A_s exp(-2 pi i s t / n3)}. */
    public static ComplexMatrix[] toFourier(Tensor3 a) {
        int n3 = a.n3();
        Fourier fourier = Fourier.ofLength(n3);
        ComplexMatrix[] slices = new ComplexMatrix[n3];
        for (int t = 0; t < n3; t++) {
            slices[t] = ComplexMatrix.zeros(a.n1(), a.n2());
        }
        double[] tube = new double[n3];
        double[] re = new double[n3];
        double[] im = new double[n3];
        for (int i = 0; i < a.n1(); i++) {
            for (int j = 0; j < a.n2(); j++) {
                for (int t = 0; t < n3; t++) {
                    tube[t] = a.get(i, j, t);
                }
                fourier.forwardReal(tube, re, im);
                for (int t = 0; t < n3; t++) {
                    slices[t].re().setQuick(i, j, re[t]);
                    slices[t].im().setQuick(i, j, im[t]);
                }
            }
        }
        return slices;
    }

    /**
     * The real tensor whose Fourier slices are {@code slices}, which must be conjugate symmetric (as
     * {@link #sliceWise} makes them); the imaginary part of the inverse DFT, rounding only, is dropped.
     */
    public static Tensor3 fromFourier(ComplexMatrix[] slices) {
        int n3 = slices.length;
        int n1 = slices[0].rows();
        int n2 = slices[0].columns();
        Fourier fourier = Fourier.ofLength(n3);
        Tensor3 out = Tensor3.zeros(n1, n2, n3);
        double[] re = new double[n3];
        double[] im = new double[n3];
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                for (int t = 0; t < n3; t++) {
                    re[t] = slices[t].re().getQuick(i, j);
                    im[t] = slices[t].im().getQuick(i, j);
                }
                fourier.inverse(re, im);
                for (int t = 0; t < n3; t++) {
                    out.unfolding().setQuick(i, t * n2 + j, re[t]);
                }
            }
        }
        return out;
    }

    /**
     * Fourier slices of a real tensor computed slice by slice: {@code compute} is called for {@code t <= n3 / 2}
     * only, and slice {@code n3 - t} is set to the conjugate of slice t. {@code compute} must map the slices of real
     * tensors to the slices of a real tensor (products, pseudo-inverses, and their compositions do).
     */
    public static ComplexMatrix[] sliceWise(int n3, IntFunction<ComplexMatrix> compute) {
        ComplexMatrix[] out = new ComplexMatrix[n3];
        for (int t = 0; t <= n3 / 2; t++) {
            out[t] = compute.apply(t);
        }
        for (int t = n3 / 2 + 1; t < n3; t++) {
            out[t] = out[n3 - t].conjugate();
        }
        return out;
    }

    /** The Frobenius inner product of two tensors of the same dimensions. */
    public static double inner(Tensor3 a, Tensor3 b) {
        if (a.n1() != b.n1() || a.n2() != b.n2() || a.n3() != b.n3()) {
            throw new IllegalArgumentException("dimensions differ: " + a + " and " + b);
        }
        return MatrixOps.inner(a.unfolding(), b.unfolding());
    }

    private static void checkChain(Tensor3 a, Tensor3 b) {
        if (a.n2() != b.n1() || a.n3() != b.n3()) {
            throw new IllegalArgumentException("t-product needs A n1 x n2 x n3 and B n2 x n4 x n3, got " + a + " and " + b);
        }
    }

    /** A fresh dense copy of a tensor. */
    public static Tensor3 copy(Tensor3 a) {
        return new Tensor3(a.n1(), a.n2(), a.n3(), new DenseDoubleMatrix2D(a.n1(), a.n2() * a.n3()).assign(a.unfolding()));
    }
}
