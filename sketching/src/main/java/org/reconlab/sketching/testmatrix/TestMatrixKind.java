package org.reconlab.sketching.testmatrix;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** The kinds of test matrix a sketch can draw, by their spec names. */
public enum TestMatrixKind {
    /** Dense, independent N(0, 1) entries. */
    GAUSSIAN,
    /** A few random signs per column. */
    SPARSE_SIGN,
    /** A subsampled randomized discrete cosine transform. */
    SRTT;

    /** The spec name: {@code gaussian}, {@code sparse-sign}, {@code srtt}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<String> specNames() {
        return java.util.Arrays.stream(values()).map(TestMatrixKind::specName).toList();
    }

    public static TestMatrixKind fromSpecName(String name) {
        for (TestMatrixKind kind : values()) {
            if (kind.specName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown test matrix '" + name + "'; known: " + specNames());
    }

    /**
     * The bytes a drawn {@code rows x columns} test matrix of this kind holds: every entry for a Gaussian one, the
     * nonzeros and their rows for a sparse sign one, the signs and the selected rows for an SRTT.
     */
    public long bytes(int rows, int columns) {
        return switch (this) {
            case GAUSSIAN -> 8L * rows * columns;
            case SPARSE_SIGN -> 12L * columns * SparseSignTestMatrix.nonzerosPerColumn(rows);
            case SRTT -> 8L * columns + 4L * rows;
        };
    }

    /** Draws a {@code rows x columns} test matrix of this kind from {@code random}. */
    public TestMatrix draw(int rows, int columns, RandomGenerator random) {
        return switch (this) {
            case GAUSSIAN -> GaussianTestMatrix.draw(rows, columns, random);
            case SPARSE_SIGN -> SparseSignTestMatrix.draw(rows, columns, random);
            case SRTT -> SrttTestMatrix.draw(rows, columns, random);
        };
    }
}
