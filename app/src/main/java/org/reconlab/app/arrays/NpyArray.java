package org.reconlab.app.arrays;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.Arrays;
import java.util.function.LongToDoubleFunction;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Shape;

/**
 * An n-dimensional array of doubles as NumPy holds it: a shape and the entries in C (row-major) order, the last
 * index fastest. Entries are read through a function, so a large matrix is written without a flat copy.
 *
 * <p>Signals map to arrays by their {@link Shape}: a vector of length n is {@code (n,)}; a matrix {@code (rows,
 * columns)}; a tensor n1 x n2 x n3, held in reconlab as its mode-1 unfolding {@code U[i, k n2 + j] = T[i, j, k]}, is
 * the 3-D array {@code (n1, n2, n3)}. So in NumPy {@code y = A @ X.ravel()} holds for every kind of signal, with
 * {@code A} from {@link #operator}.
 */
public final class NpyArray {

    private final int[] shape;
    private final LongToDoubleFunction entries;

    /** An array whose entry {@code k} in C order is {@code entries.applyAsDouble(k)}. */
    public NpyArray(int[] shape, LongToDoubleFunction entries) {
        this.shape = shape.clone();
        this.entries = requireNonNull(entries, "entries is null");
        for (int n : shape) {
            if (n < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(this.shape));
            }
        }
    }

    /** An array over a flat C-order copy of its entries. */
    public static NpyArray of(int[] shape, double[] entries) {
        long size = size(shape);
        if (size != entries.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has " + size + " entries, got "
                    + entries.length);
        }
        double[] copy = entries.clone();
        return new NpyArray(shape, k -> copy[(int) k]);
    }

    /** A matrix as a 2-D array {@code (rows, columns)}. */
    public static NpyArray matrix(DoubleMatrix2D m) {
        int columns = m.columns();
        return new NpyArray(new int[] {m.rows(), columns}, k -> m.getQuick((int) (k / columns), (int) (k % columns)));
    }

    /** A vector as a 1-D array {@code (n,)}. */
    public static NpyArray vector(DoubleMatrix1D v) {
        return new NpyArray(new int[] {v.size()}, k -> v.getQuick((int) k));
    }

    /** A signal of the given shape: 1-D for a vector, 2-D for a matrix, 3-D for a tensor (see the class comment). */
    public static NpyArray signal(Shape shape, DoubleMatrix2D signal) {
        checkStored(shape, signal.rows(), signal.columns());
        return switch (shape.kind()) {
            case VECTOR -> new NpyArray(new int[] {shape.rows()}, k -> signal.getQuick((int) k, 0));
            case MATRIX, SYMMETRIC_MATRIX -> matrix(signal);
            case TENSOR -> {
                int n2 = shape.columns();
                int n3 = shape.depth();
                yield new NpyArray(new int[] {shape.rows(), n2, n3},
                        k -> signal.getQuick((int) (k / ((long) n2 * n3)), unfoldedColumn(k % ((long) n2 * n3), n2, n3)));
            }
            case FUNCTION -> throw new IllegalArgumentException("a function signal is not an array");
        };
    }

    /**
     * A dense operator (m x n, row i the measurement flattened row-major over the stored signal, as
     * {@link org.reconlab.core.spi.LinearOperator#asDenseMatrix} gives it) as the 2-D array {@code A} with
     * {@code A @ X.ravel()} the observations of the signal array {@code X} of {@link #signal}: the same matrix for
     * vectors and matrices, columns reordered from unfolding order to C order for tensors.
     */
    public static NpyArray operator(Shape domain, DoubleMatrix2D dense) {
        long n = domain.size();
        if (dense.columns() != n) {
            throw new IllegalArgumentException("operator has " + dense.columns() + " columns, its domain " + domain
                    + " has " + n + " entries");
        }
        if (domain.kind() != Shape.Kind.TENSOR) {
            return matrix(dense);
        }
        int n2 = domain.columns();
        int n3 = domain.depth();
        long slab = (long) n2 * n3;
        return new NpyArray(new int[] {dense.rows(), (int) n}, k -> {
            long row = k / n;
            long c = k % n;
            return dense.getQuick((int) row, (int) ((c / slab) * slab + unfoldedColumn(c % slab, n2, n3)));
        });
    }

    /** Number of entries, the product of the dimensions. */
    public long size() {
        return size(shape);
    }

    public int[] shape() {
        return shape.clone();
    }

    /** Entry {@code k} in C order. */
    public double get(long k) {
        return entries.applyAsDouble(k);
    }

    /** The entries in C order, copied. */
    public double[] toArray() {
        long size = size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("array of shape " + Arrays.toString(shape) + " is too large to copy");
        }
        double[] out = new double[(int) size];
        for (int k = 0; k < out.length; k++) {
            out[k] = get(k);
        }
        return out;
    }

    /**
     * This array as a signal of kind {@code kind}, inverting {@link #signal}: {@code (n,)} or {@code (n, 1)} for a
     * vector, 2-D for a matrix (a symmetric one must be exactly symmetric), 3-D for a tensor.
     *
     * @throws IllegalArgumentException naming the shape when it does not fit {@code kind}
     */
    public DoubleMatrix2D toSignal(Shape.Kind kind) {
        int[] s = shape;
        return switch (kind) {
            case VECTOR -> {
                if (!(s.length == 1 || s.length == 2 && s[1] == 1)) {
                    throw new IllegalArgumentException("a vector needs shape (n,) or (n, 1), the file has " + describe());
                }
                yield filled(s[0], 1, (i, j) -> get(i));
            }
            case MATRIX, SYMMETRIC_MATRIX -> {
                if (s.length != 2) {
                    throw new IllegalArgumentException("a matrix needs a 2-D array, the file has " + describe());
                }
                DoubleMatrix2D m = filled(s[0], s[1], (i, j) -> get((long) i * s[1] + j));
                if (kind == Shape.Kind.SYMMETRIC_MATRIX && !isSymmetric(m)) {
                    throw new IllegalArgumentException("the " + s[0] + " x " + s[1] + " matrix in the file is not"
                            + " symmetric");
                }
                yield m;
            }
            case TENSOR -> {
                if (s.length != 3) {
                    throw new IllegalArgumentException("a tensor needs a 3-D array, the file has " + describe());
                }
                int n2 = s[1];
                int n3 = s[2];
                // U[i, k n2 + j] = T[i, j, k]
                yield filled(s[0], n2 * n3, (i, c) -> get(((long) i * n2 + c % n2) * n3 + c / n2));
            }
            case FUNCTION -> throw new IllegalArgumentException("a function signal cannot be read from an array");
        };
    }

    /** This array as the ground truth of kind {@code kind} (see {@link #toSignal}), without parts. */
    public GroundTruth toTruth(Shape.Kind kind) {
        DoubleMatrix2D signal = toSignal(kind);
        Shape signalShape = switch (kind) {
            case VECTOR -> Shape.vector(signal.rows());
            case MATRIX -> Shape.matrix(signal.rows(), signal.columns());
            case SYMMETRIC_MATRIX -> Shape.symmetric(signal.rows());
            case TENSOR -> Shape.tensor(shape[0], shape[1], shape[2]);
            case FUNCTION -> throw new IllegalArgumentException("a function signal cannot be read from an array");
        };
        return GroundTruth.of(signalShape, signal);
    }

    /** The shape in NumPy notation, {@code (3,)} or {@code (2, 4)}. */
    public String describe() {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            text.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return text.append(')').toString();
    }

    static long size(int[] shape) {
        long size = 1;
        for (int n : shape) {
            size = Math.multiplyExact(size, n);
        }
        return size;
    }

    private static boolean isSymmetric(DoubleMatrix2D m) {
        if (m.rows() != m.columns()) {
            return false;
        }
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < i; j++) {
                if (Double.compare(m.getQuick(i, j), m.getQuick(j, i)) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Column of T[i, j, k] in the mode-1 unfolding, from its offset {@code j n3 + k} within row i of the 3-D array. */
    private static int unfoldedColumn(long offset, int n2, int n3) {
        long j = offset / n3;
        long k = offset % n3;
        return (int) (k * n2 + j);
    }

    private static void checkStored(Shape shape, int rows, int columns) {
        if (rows != shape.rows() || (long) columns != (long) shape.columns() * shape.depth()) {
            throw new IllegalArgumentException("signal is " + rows + " x " + columns + ", its shape says " + shape);
        }
    }

    private interface Entry {
        double at(int i, int j);
    }

    private static DoubleMatrix2D filled(int rows, int columns, Entry entry) {
        DoubleMatrix2D m = new DenseDoubleMatrix2D(rows, columns);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                m.setQuick(i, j, entry.at(i, j));
            }
        }
        return m;
    }
}
