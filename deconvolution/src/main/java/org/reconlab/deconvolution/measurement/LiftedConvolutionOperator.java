package org.reconlab.deconvolution.measurement;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.Optional;
import org.reconlab.core.linalg.Fourier;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Shape;

/**
 * The lifted blind deconvolution operator (Ahmed, Recht and Romberg, "Blind deconvolution using convex programming",
 * IEEE Trans. IT 2014): with {@code w = B h} (B: L x K) and {@code x = C m} (C: L x N), the circular convolution
 * {@code w conv x} is linear in {@code X = h m^T}:
 * <pre>
 *   A(X) = sum_{k,n} X_kn (b_k conv c_n) = sum_k b_k conv (C X_k:^T),          A(h m^T) = (B h) conv (C m)
 *   A*(y)_kn = &lt;b_k conv c_n, y&gt; = c_n^T (b_k corr y),                      A*(y) = R^T C, R_:k = b_k corr y
 * </pre>
 * Both are computed with the FFT ({@link Fourier}, by the convolution theorem {@code F(a conv b) = F(a) F(b)} and
 * {@code F(a corr b) = conj(F(a)) F(b)} for the correlation {@code (a corr b)_t = sum_s a_s b_{s+t}}, the adjoint of
 * convolution with a): K forward transforms and one inverse for {@code A}, one forward and K inverse for {@code A*},
 * plus an L x N x K product. Everything is real: the observations are the L real samples of the convolution.
 *
 * <p>An operator keeps an FFT plan and is meant for the one trial that drew it; use it from one thread at a time.
 *
 * <p>With B having orthonormal columns and C having i.i.d. N(0, 1/L) entries, {@code E||A(X)||^2 = ||X||_F^2} for
 * every X, the normalization shared by all reconlab measurement operators.
 */
public final class LiftedConvolutionOperator implements LinearOperator {

    private final DoubleMatrix2D b;
    private final DoubleMatrix2D c;
    private final int length;
    private final int k;
    private final int n;
    private final Fourier fourier;
    private final double[][] basisRe;
    private final double[][] basisIm;

    /**
     * @param b the L x K filter basis
     * @param c the L x N signal matrix
     */
    public LiftedConvolutionOperator(DoubleMatrix2D b, DoubleMatrix2D c) {
        this.b = requireNonNull(b, "b is null").copy();
        this.c = requireNonNull(c, "c is null").copy();
        if (b.rows() != c.rows()) {
            throw new IllegalArgumentException("B has " + b.rows() + " rows and C has " + c.rows() + "; both must have L");
        }
        this.length = b.rows();
        this.k = b.columns();
        this.n = c.columns();
        this.fourier = Fourier.ofLength(length);
        this.basisRe = new double[k][length];
        this.basisIm = new double[k][length];
        for (int j = 0; j < k; j++) {
            fourier.forwardReal(this.b.viewColumn(j).toArray(), basisRe[j], basisIm[j]);
        }
    }

    /** The L x K filter basis B (a copy). */
    public DoubleMatrix2D basis() {
        return b.copy();
    }

    /** The L x N matrix C (a copy). */
    public DoubleMatrix2D signalMatrix() {
        return c.copy();
    }

    @Override
    public Shape domain() {
        return Shape.matrix(k, n);
    }

    @Override
    public int rangeSize() {
        return length;
    }

    @Override
    public void apply(DoubleMatrix2D x, DoubleMatrix1D out) {
        if (x.rows() != k || x.columns() != n) {
            throw new IllegalArgumentException("signal is " + x.rows() + " x " + x.columns() + ", the operator takes "
                    + k + " x " + n + " (K x N)");
        }
        checkRange(out.size(), "output");
        double[] sumRe = new double[length];
        double[] sumIm = new double[length];
        double[] z = new double[length];
        double[] zRe = new double[length];
        double[] zIm = new double[length];
        for (int j = 0; j < k; j++) {
            // z = C X_j:^T, then add F(b_j) F(z).
            for (int t = 0; t < length; t++) {
                double value = 0;
                for (int p = 0; p < n; p++) {
                    value += c.getQuick(t, p) * x.getQuick(j, p);
                }
                z[t] = value;
            }
            fourier.forwardReal(z, zRe, zIm);
            double[] re = basisRe[j];
            double[] im = basisIm[j];
            for (int f = 0; f < length; f++) {
                sumRe[f] += re[f] * zRe[f] - im[f] * zIm[f];
                sumIm[f] += re[f] * zIm[f] + im[f] * zRe[f];
            }
        }
        fourier.inverse(sumRe, sumIm);
        for (int t = 0; t < length; t++) {
            out.setQuick(t, sumRe[t]);
        }
    }

    @Override
    public void adjoint(DoubleMatrix1D y, DoubleMatrix2D out) {
        checkRange(y.size(), "y");
        if (out.rows() != k || out.columns() != n) {
            throw new IllegalArgumentException("output is " + out.rows() + " x " + out.columns() + ", expected "
                    + k + " x " + n + " (K x N)");
        }
        double[] yRe = new double[length];
        double[] yIm = new double[length];
        fourier.forwardReal(y.toArray(), yRe, yIm);
        double[] r = new double[length];
        double[] rIm = new double[length];
        for (int j = 0; j < k; j++) {
            // r = b_j corr y: F(r) = conj(F(b_j)) F(y).
            double[] re = basisRe[j];
            double[] im = basisIm[j];
            for (int f = 0; f < length; f++) {
                r[f] = re[f] * yRe[f] + im[f] * yIm[f];
                rIm[f] = re[f] * yIm[f] - im[f] * yRe[f];
            }
            fourier.inverse(r, rIm);
            for (int p = 0; p < n; p++) {
                double value = 0;
                for (int t = 0; t < length; t++) {
                    value += r[t] * c.getQuick(t, p);
                }
                out.setQuick(j, p, value);
            }
        }
    }

    /**
     * The operator as its L x (K N) matrix, column {@code k N + n} the image {@code b_k conv c_n} of the unit matrix
     * {@code E_kn}, so that {@code A(X) = M vec(X)} with vec row-major. The operator keeps B and C, not this matrix,
     * but the matrix is what an outside check needs (B and C are not exported) and is small at the sizes blind
     * deconvolution is studied at (L K N entries: 4 MB at L = 128, K = N = 64); it is built from K N applications.
     */
    @Override
    public Optional<DoubleMatrix2D> asDenseMatrix() {
        DoubleMatrix2D matrix = new DenseDoubleMatrix2D(length, k * n);
        DoubleMatrix2D unit = new DenseDoubleMatrix2D(k, n);
        DoubleMatrix1D image = new DenseDoubleMatrix1D(length);
        for (int j = 0; j < k; j++) {
            for (int p = 0; p < n; p++) {
                unit.setQuick(j, p, 1);
                apply(unit, image);
                unit.setQuick(j, p, 0);
                matrix.viewColumn(j * n + p).assign(image);
            }
        }
        return Optional.of(matrix);
    }

    private void checkRange(int size, String what) {
        if (size != length) {
            throw new IllegalArgumentException(what + " has " + size + " entries, the operator gives " + length + " (L)");
        }
    }
}
