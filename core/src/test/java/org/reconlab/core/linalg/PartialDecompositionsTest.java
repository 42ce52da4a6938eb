package org.reconlab.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PartialDecompositionsTest {

    /** Eigenvalues and singular values must match the full decomposition to this, relative to the norm. */
    private static final double VALUES = 1e-10;

    /** Vectors of well-separated pairs must match the full decomposition's up to sign to this. */
    private static final double VECTORS = 1e-8;

    /** {@code Q diag(spectrum) Q^T} with Haar-random Q. */
    private static DoubleMatrix2D planted(double[] spectrum, SplittableRandom random) {
        int n = spectrum.length;
        DoubleMatrix2D q = RandomMatrices.orthonormalColumns(n, n, random);
        DoubleMatrix2D scaled = q.copy();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                scaled.setQuick(i, j, q.getQuick(i, j) * spectrum[j]);
            }
        }
        return MatrixOps.symmetricPart(MatrixOps.multTransB(scaled, q));
    }

    private static double columnAlignment(DoubleMatrix2D a, int ca, DoubleMatrix2D b, int cb) {
        double s = 0;
        for (int i = 0; i < a.rows(); i++) {
            s += a.getQuick(i, ca) * b.getQuick(i, cb);
        }
        return Math.abs(s);
    }

    private static void assertOrthonormalColumns(DoubleMatrix2D q) {
        DoubleMatrix2D gram = MatrixOps.multTransA(q, q);
        assertThat(MatrixOps.distance(gram, MatrixOps.scaledIdentity(q.columns(), q.columns(), 1.0))).isLessThan(1e-12);
    }

    @Test
    void topEigenpairsMatchTheFullDecompositionOnAPlantedSpectrum() {
        SplittableRandom random = new SplittableRandom(1);
        int n = 150;
        double[] spectrum = new double[n];
        for (int i = 0; i < n; i++) {
            spectrum[i] = i < 5 ? 10 - i : 2 * random.nextDouble() - 1;
        }
        // a negative eigenvalue of large magnitude must not be taken for a top one
        spectrum[7] = -50;
        DoubleMatrix2D a = planted(spectrum, random);
        Decompositions.Eigen top = PartialDecompositions.topEigen(a, 5);
        Decompositions.Eigen full = Decompositions.symmetricEigen(a);
        for (int t = 0; t < 5; t++) {
            assertThat(top.values().getQuick(t)).isCloseTo(10.0 - t, within(VALUES * 50));
            assertThat(top.values().getQuick(t)).isCloseTo(full.values().getQuick(t), within(VALUES * 50));
            assertThat(columnAlignment(top.vectors(), t, full.vectors(), t)).isCloseTo(1.0, within(VECTORS));
        }
        assertOrthonormalColumns(top.vectors());
    }

    @Test
    void findsEveryCopyOfARepeatedTopEigenvalue() {
        SplittableRandom random = new SplittableRandom(2);
        int n = 100;
        double[] spectrum = new double[n];
        for (int i = 0; i < n; i++) {
            spectrum[i] = i < 3 ? 5 : (i == 3 ? 4 : random.nextDouble());
        }
        DoubleMatrix2D a = planted(spectrum, random);
        Decompositions.Eigen top = PartialDecompositions.topEigen(a, 4);
        assertThat(top.values().toArray()).containsExactly(new double[] {5, 5, 5, 4}, within(1e-9));
        // the first three span the eigenspace of 5: A v = 5 v
        for (int t = 0; t < 3; t++) {
            DoubleMatrix2D v = top.vectors().viewPart(0, t, n, 1).copy();
            DoubleMatrix2D av = MatrixOps.mult(a, v);
            v.assign(cern.jet.math.Functions.mult(5));
            assertThat(MatrixOps.distance(av, v)).isLessThan(1e-9);
        }
        assertOrthonormalColumns(top.vectors());
    }

    @Test
    void smallMatricesAreSolvedExactlyWhenTheBasisFillsTheSpace() {
        // diag(3, -7, 2, 1, 0, 5) in a rotated basis: top 2 are 5 and 3
        SplittableRandom random = new SplittableRandom(3);
        DoubleMatrix2D a = planted(new double[] {3, -7, 2, 1, 0, 5}, random);
        Decompositions.Eigen top = PartialDecompositions.topEigen(a, 2);
        assertThat(top.values().toArray()).containsExactly(new double[] {5, 3}, within(1e-12));
        DoubleMatrix2D identity = MatrixOps.scaledIdentity(8, 8, 1.0);
        assertThat(PartialDecompositions.topEigen(identity, 3).values().toArray())
                .containsExactly(new double[] {1, 1, 1}, within(1e-14));
    }

    @Test
    void resultIsDeterministicAndSignedByTheLargestEntry() {
        SplittableRandom random = new SplittableRandom(4);
        DoubleMatrix2D a = MatrixOps.symmetricPart(RandomMatrices.gaussian(90, 90, 1.0, random));
        Decompositions.Eigen first = PartialDecompositions.topEigen(a, 3);
        Decompositions.Eigen second = PartialDecompositions.topEigen(a.copy(), 3);
        assertThat(second.values().toArray()).containsExactly(first.values().toArray());
        for (int t = 0; t < 3; t++) {
            double largest = 0;
            for (int i = 0; i < 90; i++) {
                assertThat(second.vectors().getQuick(i, t)).isEqualTo(first.vectors().getQuick(i, t));
                if (Math.abs(first.vectors().getQuick(i, t)) > Math.abs(largest)) {
                    largest = first.vectors().getQuick(i, t);
                }
            }
            assertThat(largest).isPositive();
        }
    }

    @Test
    void topSingularTripletsMatchTheFullSvdForTallAndWideMatrices() {
        SplittableRandom random = new SplittableRandom(5);
        for (int[] shape : new int[][] {{120, 80}, {80, 120}}) {
            int rows = shape[0];
            int columns = shape[1];
            int k = Math.min(rows, columns);
            DoubleMatrix2D u = RandomMatrices.orthonormalColumns(rows, k, random);
            DoubleMatrix2D v = RandomMatrices.orthonormalColumns(columns, k, random);
            DoubleMatrix2D us = u.copy();
            for (int t = 0; t < k; t++) {
                double sigma = t < 4 ? 100.0 / (t + 1) : 0.5 * random.nextDouble();
                for (int i = 0; i < rows; i++) {
                    us.setQuick(i, t, u.getQuick(i, t) * sigma);
                }
            }
            DoubleMatrix2D a = MatrixOps.multTransB(us, v);
            Decompositions.Svd top = PartialDecompositions.topSvd(a, 4);
            Decompositions.Svd full = Decompositions.svd(a);
            for (int t = 0; t < 4; t++) {
                assertThat(top.singularValues().getQuick(t)).as("sigma_%d of %d x %d", t, rows, columns)
                        .isCloseTo(100.0 / (t + 1), within(VALUES * 100))
                        .isCloseTo(full.singularValues().getQuick(t), within(VALUES * 100));
                assertThat(columnAlignment(top.u(), t, full.u(), t)).isCloseTo(1.0, within(VECTORS));
                assertThat(columnAlignment(top.v(), t, full.v(), t)).isCloseTo(1.0, within(VECTORS));
            }
            assertOrthonormalColumns(top.u());
            assertOrthonormalColumns(top.v());
            DoubleMatrix2D best = top.reconstruct(4, s -> s);
            // residuals of 1e-10 sigma_1 move the subspace by about 1e-10 sigma_1 / gap
            assertThat(MatrixOps.distance(best, full.reconstruct(4, s -> s))).isLessThan(1e-9 * 100);
        }
    }

    @Test
    void rankDeficientMatricesStillGiveAConsistentDecomposition() {
        SplittableRandom random = new SplittableRandom(6);
        // rank 2, asked for 3
        DoubleMatrix2D a = MatrixOps.multTransB(RandomMatrices.gaussian(70, 2, 1.0, random),
                RandomMatrices.gaussian(66, 2, 1.0, random));
        Decompositions.Svd top = PartialDecompositions.topSvd(a, 3);
        assertThat(top.singularValues().getQuick(2)).isLessThan(1e-10 * top.singularValues().getQuick(0));
        assertThat(MatrixOps.distance(top.reconstruct(3, s -> s), a)).isLessThan(1e-10 * MatrixOps.frobeniusNorm(a));
        assertOrthonormalColumns(top.u());
        assertOrthonormalColumns(top.v());
    }

    @Test
    void decompositionsDispatchesToThePartialMethodAndAgreesWithTheFullOne() {
        SplittableRandom random = new SplittableRandom(7);
        int n = Decompositions.PARTIAL_MIN_DIMENSION;
        DoubleMatrix2D a = MatrixOps.symmetricPart(RandomMatrices.gaussian(n, n, 1.0, random));
        Decompositions.Eigen top = Decompositions.topEigen(a, 5);
        Decompositions.Eigen partial = PartialDecompositions.topEigen(a, 5);
        assertThat(top.values().toArray()).containsExactly(partial.values().toArray());
        Decompositions.Eigen full = Decompositions.symmetricEigen(a);
        for (int t = 0; t < 5; t++) {
            assertThat(top.values().getQuick(t)).isCloseTo(full.values().getQuick(t), within(VALUES * 20));
        }
        Decompositions.Eigen small = Decompositions.topEigen(MatrixOps.scaledIdentity(10, 10, 2.0), 4);
        assertThat(small.values().toArray()).containsExactly(2, 2, 2, 2);
    }

    @Test
    void rejectsCountsOutsideTheDimension() {
        DenseDoubleMatrix2D a = new DenseDoubleMatrix2D(5, 3);
        assertThatThrownBy(() -> PartialDecompositions.topSvd(a, 4)).hasMessageContaining("1 <= r <= 3");
        assertThatThrownBy(() -> PartialDecompositions.topEigen(new DenseDoubleMatrix2D(4, 4), 0))
                .hasMessageContaining("1 <= r <= 4");
        assertThatThrownBy(() -> PartialDecompositions.topEigen(a, 1)).hasMessageContaining("not square");
    }
}
