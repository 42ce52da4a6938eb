package org.reconlab.core.kernel;

/**
 * Packed storage of measurements of symmetric signals. For a symmetric {@code X},
 * {@code <A_i, X> = <S_i, X>} with {@code S_i = (A_i + A_i^T) / 2}, so only the symmetric part of each measurement
 * matrix matters, and it is determined by its upper triangle: {@code d (d + 1) / 2} numbers instead of {@code d^2}.
 * An operator on symmetric signals stored this way reads half the memory per pass, and is exact, not an approximation:
 * its observations of a symmetric signal equal the dense operator's up to rounding.
 *
 * <p>Layout: the upper triangle row by row, {@code (0,0), (0,1), ..., (0,d-1), (1,1), ..., (d-1,d-1)}; entry
 * {@code (j, k)}, {@code j <= k}, sits at {@link #index(int, int, int)}. A packed measurement row holds
 * {@code P[j,j] = A[j,j]} and {@code P[j,k] = A[j,k] + A[k,j]} ({@code = 2 S[j,k]}) for {@code j < k}; a packed signal
 * holds {@code x[j,k] = (X[j,k] + X[k,j]) / 2}, the upper triangle of the symmetric part of X. Then
 * {@code <P_i, x> = <A_i, X>} for every symmetric X, and the dense kernels of {@link DenseOperatorKernels} run on the
 * packed rows unchanged ({@code n = d (d + 1) / 2}). The adjoint on symmetric matrices is
 * {@code A*(y) = sum_i y_i S_i}; {@link #unpackAdjoint} turns the packed sum {@code g = sum_i y_i P_i} into it.
 */
public final class PackedSymmetricKernels {

    private PackedSymmetricKernels() {
    }

    /** {@code d (d + 1) / 2}, the length of a packed d x d symmetric matrix. */
    public static int packedLength(int d) {
        if (d < 0) {
            throw new IllegalArgumentException("d must be >= 0, got " + d);
        }
        long length = (long) d * (d + 1) / 2;
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a packed " + d + " x " + d + " matrix has " + length
                    + " entries, more than an array holds");
        }
        return (int) length;
    }

    /** Position of entry {@code (j, k)}, {@code j <= k < d}, in the packed upper triangle: {@code j d - j (j - 1) / 2 + k - j}. */
    public static int index(int j, int k, int d) {
        if (j < 0 || j > k || k >= d) {
            throw new IllegalArgumentException("need 0 <= j <= k < d, got j = " + j + ", k = " + k + ", d = " + d);
        }
        return j * d - j * (j - 1) / 2 + k - j;
    }

    /**
     * Packs the measurement matrix {@code A} (d x d, row-major at {@code dense[denseOffset ..]}) into
     * {@code packed[packedOffset ..]}: {@code P[j,j] = A[j,j]}, {@code P[j,k] = A[j,k] + A[k,j]} for {@code j < k}.
     */
    public static void packMeasurement(double[] dense, int denseOffset, int d, double[] packed, int packedOffset) {
        checkRange("dense", dense, denseOffset, (long) d * d);
        checkRange("packed", packed, packedOffset, packedLength(d));
        checkDistinct(dense, packed);
        int q = packedOffset;
        for (int j = 0; j < d; j++) {
            int row = denseOffset + j * d;
            packed[q++] = dense[row + j];
            for (int k = j + 1; k < d; k++) {
                packed[q++] = dense[row + k] + dense[denseOffset + k * d + j];
            }
        }
    }

    /**
     * Packs the signal {@code X} (d x d, row-major) into {@code packed}: {@code x[j,k] = (X[j,k] + X[k,j]) / 2},
     * the upper triangle of the symmetric part of X (X itself when X is symmetric).
     */
    public static void packSignal(double[] dense, int d, double[] packed) {
        checkRange("dense", dense, 0, (long) d * d);
        checkRange("packed", packed, 0, packedLength(d));
        checkDistinct(dense, packed);
        int q = 0;
        for (int j = 0; j < d; j++) {
            packed[q++] = dense[j * d + j];
            for (int k = j + 1; k < d; k++) {
                packed[q++] = 0.5 * (dense[j * d + k] + dense[k * d + j]);
            }
        }
    }

    /**
     * Unpacks a sum of packed measurement rows {@code g = sum_i y_i P_i} into the symmetric matrix
     * {@code sum_i y_i S_i} (d x d, row-major): {@code G[j,j] = g[j,j]}, {@code G[j,k] = G[k,j] = g[j,k] / 2}.
     */
    public static void unpackAdjoint(double[] packed, int d, double[] dense) {
        checkRange("packed", packed, 0, packedLength(d));
        checkRange("dense", dense, 0, (long) d * d);
        checkDistinct(dense, packed);
        int q = 0;
        for (int j = 0; j < d; j++) {
            dense[j * d + j] = packed[q++];
            for (int k = j + 1; k < d; k++) {
                double half = 0.5 * packed[q++];
                dense[j * d + k] = half;
                dense[k * d + j] = half;
            }
        }
    }

    private static void checkRange(String name, double[] array, int offset, long length) {
        if (array == null) {
            throw new NullPointerException(name + " is null");
        }
        if (offset < 0 || offset + length > array.length) {
            throw new IllegalArgumentException(name + " has " + array.length + " entries, need " + length
                    + " from offset " + offset);
        }
    }

    private static void checkDistinct(double[] dense, double[] packed) {
        if (dense == packed) {
            throw new IllegalArgumentException("packed and dense must be different arrays");
        }
    }
}
