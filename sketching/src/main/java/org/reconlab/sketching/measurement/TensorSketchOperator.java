package org.reconlab.sketching.measurement;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Shape;
import org.reconlab.sketching.tensor.ComplexMatrix;
import org.reconlab.sketching.tensor.TProduct;
import org.reconlab.sketching.tensor.Tensor3;

/**
 * The tensor double sketch as one linear operator on n1 x n2 x n3 tensors: {@code A(X) = [vec(X * Omega);
 * vec(Psi * X)]} with t-products by the test tensors {@code Omega} (n2 x k x n3) and {@code Psi} (l x n1 x n3); each
 * sketch is stored as its mode-1 unfolding, vectorized row by row. The adjoint is {@code Y1 * Omega^T + Psi^T * Y2}
 * (t-transposes), since {@code <A * B, C> = <A, C * B^T>}. The Fourier slices of the test tensors are computed once.
 */
public final class TensorSketchOperator implements LinearOperator {

    private final Shape domain;
    private final Tensor3 omega;
    private final Tensor3 psi;
    private final ComplexMatrix[] omegaHat;
    private final ComplexMatrix[] psiHat;
    private final ComplexMatrix[] omegaTransposedHat;
    private final ComplexMatrix[] psiTransposedHat;

    public TensorSketchOperator(Shape domain, Tensor3 omega, Tensor3 psi) {
        this.domain = requireNonNull(domain, "domain is null");
        this.omega = requireNonNull(omega, "omega is null");
        this.psi = requireNonNull(psi, "psi is null");
        if (domain.kind() != Shape.Kind.TENSOR || omega.n1() != domain.columns() || psi.n2() != domain.rows()
                || omega.n3() != domain.depth() || psi.n3() != domain.depth()) {
            throw new IllegalArgumentException("test tensors do not fit a " + domain + ": Omega is " + omega + ", Psi is "
                    + psi);
        }
        this.omegaHat = TProduct.toFourier(omega);
        this.psiHat = TProduct.toFourier(psi);
        this.omegaTransposedHat = TProduct.toFourier(TProduct.transpose(omega));
        this.psiTransposedHat = TProduct.toFourier(TProduct.transpose(psi));
    }

    @Override
    public Shape domain() {
        return domain;
    }

    @Override
    public int rangeSize() {
        return (domain.rows() * rangeSketchSize() + corangeSketchSize() * domain.columns()) * domain.depth();
    }

    /** {@code k}: Y is n1 x k x n3. */
    public int rangeSketchSize() {
        return omega.n2();
    }

    /** {@code l}: W is l x n2 x n3. */
    public int corangeSketchSize() {
        return psi.n1();
    }

    /** The test tensor {@code Omega} (n2 x k x n3). */
    public Tensor3 omega() {
        return omega;
    }

    /** The test tensor {@code Psi} (l x n1 x n3). */
    public Tensor3 psi() {
        return psi;
    }

    /**
     * {@code Omega} (n2 x k x n3) and {@code Psi} (l x n1 x n3) as their mode-1 unfoldings (frontal slice t in columns
     * {@code [t k, (t + 1) k)} of Omega, {@code [t n1, (t + 1) n1)} of Psi), the layout of every tensor reconlab
     * exports in 2-D: {@code Y = X * Omega}, {@code W = Psi * X} under the t-product rebuild the sketches.
     */
    @Override
    public Blocks denseParts() {
        return Blocks.of("Omega", omega.unfolding().copy(), "Psi", psi.unfolding().copy());
    }

    /** The Fourier slices of {@code Psi}, shared: do not modify. */
    public ComplexMatrix[] psiFourierSlices() {
        return psiHat;
    }

    @Override
    public void apply(DoubleMatrix2D x, DoubleMatrix1D out) {
        int columns = domain.columns() * domain.depth();
        if (x.rows() != domain.rows() || x.columns() != columns) {
            throw new IllegalArgumentException("signal is " + x.rows() + " x " + x.columns() + ", the sketch takes a "
                    + domain + " stored as " + domain.rows() + " x " + columns);
        }
        checkLength(out, "output");
        ComplexMatrix[] xHat = TProduct.toFourier(Tensor3.of(x, domain));
        Tensor3 y = TProduct.fromFourier(TProduct.sliceWise(domain.depth(), t -> xHat[t].mult(omegaHat[t])));
        Tensor3 w = TProduct.fromFourier(TProduct.sliceWise(domain.depth(), t -> psiHat[t].mult(xHat[t])));
        write(y, w, out);
    }

    @Override
    public void adjoint(DoubleMatrix1D values, DoubleMatrix2D out) {
        checkLength(values, "observation vector");
        int columns = domain.columns() * domain.depth();
        if (out.rows() != domain.rows() || out.columns() != columns) {
            throw new IllegalArgumentException("output is " + out.rows() + " x " + out.columns() + ", expected "
                    + domain.rows() + " x " + columns);
        }
        ComplexMatrix[] yHat = TProduct.toFourier(rangeSketch(values));
        ComplexMatrix[] wHat = TProduct.toFourier(corangeSketch(values));
        Tensor3 sum = TProduct.fromFourier(TProduct.sliceWise(domain.depth(), t -> {
            ComplexMatrix a = yHat[t].mult(omegaTransposedHat[t]);
            ComplexMatrix b = psiTransposedHat[t].mult(wHat[t]);
            return new ComplexMatrix(a.re().assign(b.re(), cern.jet.math.Functions.plus),
                    a.im().assign(b.im(), cern.jet.math.Functions.plus));
        }));
        out.assign(sum.unfolding());
    }

    /** The range sketch {@code Y} (n1 x k x n3) in {@code values}, a copy. */
    public Tensor3 rangeSketch(DoubleMatrix1D values) {
        checkLength(values, "observation vector");
        return unpack(values, 0, domain.rows(), rangeSketchSize());
    }

    /** The co-range sketch {@code W} (l x n2 x n3) in {@code values}, a copy. */
    public Tensor3 corangeSketch(DoubleMatrix1D values) {
        checkLength(values, "observation vector");
        return unpack(values, domain.rows() * rangeSketchSize() * domain.depth(), corangeSketchSize(), domain.columns());
    }

    /** Writes {@code [vec(unfold(y)); vec(unfold(w))]} into {@code out}, row by row. */
    public void write(Tensor3 y, Tensor3 w, DoubleMatrix1D out) {
        int offset = 0;
        for (DoubleMatrix2D part : new DoubleMatrix2D[] {y.unfolding(), w.unfolding()}) {
            for (int i = 0; i < part.rows(); i++) {
                for (int j = 0; j < part.columns(); j++) {
                    out.setQuick(offset++, part.getQuick(i, j));
                }
            }
        }
    }

    private Tensor3 unpack(DoubleMatrix1D values, int offset, int rows, int n2) {
        Tensor3 out = Tensor3.zeros(rows, n2, domain.depth());
        int columns = n2 * domain.depth();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                out.unfolding().setQuick(i, j, values.getQuick(offset + i * columns + j));
            }
        }
        return out;
    }

    private void checkLength(DoubleMatrix1D vector, String what) {
        if (vector.size() != rangeSize()) {
            throw new IllegalArgumentException(what + " has length " + vector.size() + ", the sketch gives " + rangeSize()
                    + " values");
        }
    }
}
