package org.reconlab.core.spi;

import static java.util.Objects.requireNonNull;

/**
 * What a signal is: the contract between problems, measurements and models, checked when a pipeline is built.
 * Every array signal is held as a {@code DoubleMatrix2D}: a vector of length n as an n x 1 column, a
 * third-order tensor n1 x n2 x n3 as its n1 x (n2 n3) mode-1 unfolding (frontal slices side by side).
 * {@link Kind#FUNCTION} is a signal that is not an array (a random network).
 */
public record Shape(Kind kind, int rows, int columns, int depth) {

    public enum Kind {
        VECTOR, MATRIX, SYMMETRIC_MATRIX, TENSOR, FUNCTION
    }

    public Shape {
        requireNonNull(kind, "kind is null");
        if (rows < 0 || columns < 0 || depth < 0) {
            throw new IllegalArgumentException("negative dimension in " + rows + " x " + columns + " x " + depth);
        }
    }

    public static Shape vector(int n) {
        return new Shape(Kind.VECTOR, n, 1, 1);
    }

    public static Shape matrix(int rows, int columns) {
        return new Shape(Kind.MATRIX, rows, columns, 1);
    }

    public static Shape symmetric(int d) {
        return new Shape(Kind.SYMMETRIC_MATRIX, d, d, 1);
    }

    public static Shape tensor(int n1, int n2, int n3) {
        return new Shape(Kind.TENSOR, n1, n2, n3);
    }

    /** A signal that is a function, with input dimension {@code inputDimension}. */
    public static Shape function(int inputDimension) {
        return new Shape(Kind.FUNCTION, inputDimension, 1, 1);
    }

    /**
     * Whether a component that takes signals of this shape can take {@code other}: same kind and dimensions,
     * except that a general matrix shape also takes a symmetric matrix of the same size.
     */
    public boolean accepts(Shape other) {
        if (equals(other)) {
            return true;
        }
        return kind == Kind.MATRIX && other.kind == Kind.SYMMETRIC_MATRIX && rows == other.rows && columns == other.columns;
    }

    /** Number of stored entries, {@code rows * columns * depth}; what a linear operator's domain size is. */
    public long size() {
        return (long) rows * columns * depth;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case VECTOR -> "vector of length " + rows;
            case MATRIX -> rows + " x " + columns + " matrix";
            case SYMMETRIC_MATRIX -> rows + " x " + columns + " symmetric matrix";
            case TENSOR -> rows + " x " + columns + " x " + depth + " tensor";
            case FUNCTION -> "function on R^" + rows;
        };
    }
}
