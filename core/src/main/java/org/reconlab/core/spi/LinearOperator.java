package org.reconlab.core.spi;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import java.util.Optional;

/**
 * A linear map {@code A} from signals of a fixed {@link Shape} to {@code R^m}, with its adjoint
 * {@code A*}: {@code <A(X), y> = <X, A*(y)>} for the Frobenius inner product on signals.
 *
 * <p>Sizes are part of the contract: {@link #apply(DoubleMatrix2D, DoubleMatrix1D)} takes a signal of
 * {@code domain().rows()} x {@code domain().columns() * domain().depth()} and an output of length {@link #rangeSize()};
 * {@link #adjoint(DoubleMatrix1D, DoubleMatrix2D)} the reverse. Given any other size, both throw
 * {@link IllegalArgumentException} with a message naming the size received and the size expected, before writing
 * anything ({@code AbstractMeasurementContractTest} in core's test-jar checks it).
 */
public interface LinearOperator {

    /** The shape of the signals this operator takes. */
    Shape domain();

    /** {@code m}, the number of observations it produces. */
    int rangeSize();

    /**
     * Writes {@code A(x)} into {@code out} (length {@link #rangeSize()}).
     *
     * @throws IllegalArgumentException naming both sizes if {@code x} is not of the domain's size or {@code out} not of
     *     length {@link #rangeSize()}
     */
    void apply(DoubleMatrix2D x, DoubleMatrix1D out);

    /**
     * Writes {@code A*(y)} into {@code out} (the domain's rows x columns*depth).
     *
     * @throws IllegalArgumentException naming both sizes if {@code y} is not of length {@link #rangeSize()} or
     *     {@code out} not of the domain's size
     */
    void adjoint(DoubleMatrix1D y, DoubleMatrix2D out);

    default DoubleMatrix1D apply(DoubleMatrix2D x) {
        DoubleMatrix1D out = new cern.colt.matrix.impl.DenseDoubleMatrix1D(rangeSize());
        apply(x, out);
        return out;
    }

    default DoubleMatrix2D adjoint(DoubleMatrix1D y) {
        Shape domain = domain();
        DoubleMatrix2D out = new cern.colt.matrix.impl.DenseDoubleMatrix2D(domain.rows(), domain.columns() * domain.depth());
        adjoint(y, out);
        return out;
    }

    /**
     * Writes the gradient of {@code 1/2 ||A(x) - y||^2}, that is {@code A*(A(x) - y)}, into {@code out}, and returns
     * {@code ||A(x) - y||^2}. Operators with a faster fused kernel override this; the result must be the same.
     */
    default double residualAdjoint(DoubleMatrix2D x, DoubleMatrix1D y, DoubleMatrix2D out) {
        DoubleMatrix1D residual = apply(x);
        double squared = 0;
        for (int i = 0; i < residual.size(); i++) {
            double r = residual.getQuick(i) - y.getQuick(i);
            residual.setQuick(i, r);
            squared += r * r;
        }
        adjoint(residual, out);
        return squared;
    }

    /**
     * The operator as an explicit m x n matrix, {@code n = domain().size()}, if it is stored that way: row i is the
     * measurement {@code A_i} flattened row-major over the stored signal (rows x columns*depth; for a vector, the
     * vector itself), so that {@code A(X)_i = sum_c M[i, c] vec(X)[c]}. Used to export the operator (for example as
     * a NumPy array); the default is empty, and only operators that already hold such a matrix should override it
     * (returning a copy the caller may keep), since materializing an implicit operator can be huge.
     */
    default Optional<DoubleMatrix2D> asDenseMatrix() {
        return Optional.empty();
    }

    /**
     * The dense matrices an implicit operator is built from, by name (the test matrices {@code Omega} and {@code Psi}
     * of a sketch, the vectors {@code a_i} of rank-one projections), so
     * that the operator can be rebuilt outside reconlab from them and the formula in the implementing class's
     * javadoc. Exported beside {@link #asDenseMatrix()}; empty by default and for operators with nothing random or
     * nothing stored densely. The blocks are copies the caller may keep.
     */
    default Blocks denseParts() {
        return Blocks.builder().build();
    }
}
