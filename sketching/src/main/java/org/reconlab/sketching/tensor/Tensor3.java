package org.reconlab.sketching.tensor;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.random.RandomGenerator;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.Shape;

/**
 * A real third-order tensor {@code n1 x n2 x n3} held, as {@link Shape#tensor} lays signals out, in its mode-1
 * unfolding {@code n1 x (n2 n3)}: frontal slice {@code t} (an n1 x n2 matrix) occupies columns
 * {@code [t n2, (t + 1) n2)}. The unfolding is shared, not copied.
 */
public record Tensor3(int n1, int n2, int n3, DoubleMatrix2D unfolding) {

    public Tensor3 {
        requireNonNull(unfolding, "unfolding is null");
        if (n1 < 0 || n2 < 0 || n3 < 1) {
            throw new IllegalArgumentException("bad tensor dimensions " + n1 + " x " + n2 + " x " + n3);
        }
        if (unfolding.rows() != n1 || unfolding.columns() != n2 * n3) {
            throw new IllegalArgumentException("a " + n1 + " x " + n2 + " x " + n3 + " tensor needs an " + n1 + " x "
                    + n2 * n3 + " unfolding, got " + unfolding.rows() + " x " + unfolding.columns());
        }
    }

    /** The tensor a signal of shape {@code shape} (a tensor shape) holds. */
    public static Tensor3 of(DoubleMatrix2D unfolding, Shape shape) {
        if (shape.kind() != Shape.Kind.TENSOR) {
            throw new IllegalArgumentException("not a tensor shape: " + shape);
        }
        return new Tensor3(shape.rows(), shape.columns(), shape.depth(), unfolding);
    }

    public static Tensor3 zeros(int n1, int n2, int n3) {
        return new Tensor3(n1, n2, n3, new DenseDoubleMatrix2D(n1, n2 * n3));
    }

    /** Independent N(0, sigma^2) entries, drawn row by row of the unfolding. */
    public static Tensor3 gaussian(int n1, int n2, int n3, double sigma, RandomGenerator random) {
        return new Tensor3(n1, n2, n3, RandomMatrices.gaussian(n1, n2 * n3, sigma, random));
    }

    /** Frontal slice {@code t}, a view. */
    public DoubleMatrix2D slice(int t) {
        if (t < 0 || t >= n3) {
            throw new IndexOutOfBoundsException("slice " + t + " of a tensor with " + n3 + " slices");
        }
        return unfolding.viewPart(0, t * n2, n1, n2);
    }

    public double get(int i, int j, int t) {
        return unfolding.getQuick(i, t * n2 + j);
    }

    public Shape shape() {
        return Shape.tensor(n1, n2, n3);
    }

    @Override
    public String toString() {
        return "Tensor3[" + n1 + " x " + n2 + " x " + n3 + "]";
    }
}
