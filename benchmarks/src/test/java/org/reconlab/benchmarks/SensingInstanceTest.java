package org.reconlab.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import cern.colt.matrix.DoubleMatrix2D;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.LinearOperator;

/** The step CompareNumpy times is the one the NumPy reference computes: {@code U - eta (G + G^T) U / 2}. */
class SensingInstanceTest {

    @Test
    void stepIsTheNumpyReferenceFormulaForPackedAndDenseStorage() {
        for (boolean packed : new boolean[] {true, false}) {
            SensingInstance instance = SensingInstance.seeded(6, 2, 60, packed, 1);
            DoubleMatrix2D u = instance.u().copy();
            LinearOperator a = instance.operator();
            // y = A(X*); the reference recomputes r = A(U U^T) - y through apply, then G = A*(r)
            double eta = 0.1;
            DoubleMatrix2D x = MatrixOps.multTransB(u, u);
            var residual = a.apply(x);
            var y = instance.values();
            for (int i = 0; i < residual.size(); i++) {
                residual.setQuick(i, residual.getQuick(i) - y.getQuick(i));
            }
            DoubleMatrix2D g = a.adjoint(residual);
            DoubleMatrix2D symmetric = g.copy();
            symmetric.assign(g.viewDice(), cern.jet.math.Functions.plus);
            DoubleMatrix2D expected = u.copy();
            DoubleMatrix2D step = MatrixOps.mult(symmetric, u);
            step.assign(cern.jet.math.Functions.mult(eta / 2));
            expected.assign(step, cern.jet.math.Functions.minus);

            instance.step(eta);
            assertThat(MatrixOps.distance(instance.u(), expected)).as(packed ? "packed" : "dense")
                    .isLessThan(1e-12 * MatrixOps.frobeniusNorm(expected));
        }
    }
}
