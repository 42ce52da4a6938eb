package org.reconlab.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Shape;

/**
 * The contract every {@link Measurement} keeps: adjoint identity, linearity, the fused residual kernel, shape checks,
 * seeded determinism, and noiseless observations equal to the operator applied to the truth. A measurement's test
 * extends this class and supplies the measurement and a ground truth it accepts.
 */
public abstract class AbstractMeasurementContractTest {

    /** Relative tolerance of identities that hold exactly in exact arithmetic. */
    protected static final double EXACT = 1e-10;

    /** The measurement under test, noiseless or not. */
    protected abstract Measurement measurement();

    /** A ground truth the measurement accepts, drawn from {@code random}. */
    protected abstract GroundTruth truth(SplittableRandom random);

    /** A random signal of the measurement's domain (override for structured domains, such as symmetric matrices). */
    protected DoubleMatrix2D randomSignal(SplittableRandom random) {
        Shape shape = measurement().signalShape();
        return RandomMatrices.gaussian(shape.rows(), shape.columns() * shape.depth(), 1.0, random);
    }

    private LinearOperator operator(long seed) {
        return measurement().observe(truth(new SplittableRandom(seed)), new SplittableRandom(seed + 1)).operator();
    }

    @Test
    void adjointIdentityHolds() {
        SplittableRandom random = new SplittableRandom(11);
        LinearOperator a = operator(1);
        DoubleMatrix2D x = randomSignal(random);
        DoubleMatrix1D y = RandomMatrices.gaussianVector(a.rangeSize(), 1.0, random);
        double left = MatrixOps.inner(a.apply(x), y);
        double right = MatrixOps.inner(x, a.adjoint(y));
        assertThat(left).isCloseTo(right, within(EXACT * (1 + Math.abs(left))));
    }

    @Test
    void isLinear() {
        SplittableRandom random = new SplittableRandom(12);
        LinearOperator a = operator(2);
        DoubleMatrix2D x = randomSignal(random);
        DoubleMatrix2D z = randomSignal(random);
        double alpha = 1.7;
        double beta = -0.3;
        DoubleMatrix2D combination = x.copy();
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.columns(); j++) {
                combination.setQuick(i, j, alpha * x.getQuick(i, j) + beta * z.getQuick(i, j));
            }
        }
        DoubleMatrix1D ax = a.apply(x);
        DoubleMatrix1D az = a.apply(z);
        DoubleMatrix1D together = a.apply(combination);
        for (int i = 0; i < together.size(); i++) {
            double expected = alpha * ax.getQuick(i) + beta * az.getQuick(i);
            assertThat(together.getQuick(i)).isCloseTo(expected, within(EXACT * (1 + Math.abs(expected))));
        }
    }

    @Test
    void fusedResidualAdjointEqualsTwoPasses() {
        SplittableRandom random = new SplittableRandom(13);
        LinearOperator a = operator(3);
        DoubleMatrix2D x = randomSignal(random);
        DoubleMatrix1D y = RandomMatrices.gaussianVector(a.rangeSize(), 1.0, random);
        DoubleMatrix1D residual = a.apply(x);
        double squared = 0;
        for (int i = 0; i < residual.size(); i++) {
            residual.setQuick(i, residual.getQuick(i) - y.getQuick(i));
            squared += residual.getQuick(i) * residual.getQuick(i);
        }
        DoubleMatrix2D expected = a.adjoint(residual);
        DoubleMatrix2D fused = expected.like();
        double fusedSquared = a.residualAdjoint(x, y, fused);
        assertThat(fusedSquared).isCloseTo(squared, within(EXACT * (1 + squared)));
        assertThat(MatrixOps.distance(fused, expected)).isLessThanOrEqualTo(EXACT * (1 + MatrixOps.frobeniusNorm(expected)));
    }

    @Test
    void sameStreamGivesSameOperatorAndObservations() {
        GroundTruth truth = truth(new SplittableRandom(4));
        Observations first = measurement().observe(truth, new SplittableRandom(5));
        Observations second = measurement().observe(truth, new SplittableRandom(5));
        assertThat(first.values().toArray()).containsExactly(second.values().toArray());
        DoubleMatrix2D x = randomSignal(new SplittableRandom(6));
        assertThat(first.operator().apply(x).toArray()).containsExactly(second.operator().apply(x).toArray());
    }

    @Test
    void noiselessObservationsAreTheOperatorAppliedToTheTruth() {
        GroundTruth truth = truth(new SplittableRandom(7));
        Observations observed = measurement().noiseless().observe(truth, new SplittableRandom(8));
        DoubleMatrix1D expected = observed.operator().apply(truth.signal());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(observed.values().getQuick(i)).isCloseTo(expected.getQuick(i),
                    within(EXACT * (1 + Math.abs(expected.getQuick(i)))));
            assertThat(observed.noise().getQuick(i)).isZero();
        }
    }

    @Test
    void observationsAreCleanValuesPlusNoise() {
        GroundTruth truth = truth(new SplittableRandom(9));
        Observations observed = measurement().observe(truth, new SplittableRandom(10));
        DoubleMatrix1D clean = observed.operator().apply(truth.signal());
        for (int i = 0; i < clean.size(); i++) {
            double expected = clean.getQuick(i) + observed.noise().getQuick(i);
            assertThat(observed.values().getQuick(i)).isCloseTo(expected, within(EXACT * (1 + Math.abs(expected))));
        }
    }

    @Test
    void rejectsSignalsOfTheWrongShape() {
        LinearOperator a = operator(14);
        Shape shape = a.domain();
        DoubleMatrix2D wrong = new DenseDoubleMatrix2D(shape.rows() + 1, shape.columns() * shape.depth());
        assertThatThrownBy(() -> a.apply(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(shape.rows() + 1));
        DoubleMatrix1D wrongY = new DenseDoubleMatrix1D(a.rangeSize() + 1);
        assertThatThrownBy(() -> a.adjoint(wrongY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(a.rangeSize() + 1));
    }
}
