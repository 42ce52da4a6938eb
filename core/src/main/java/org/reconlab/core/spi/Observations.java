package org.reconlab.core.spi;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;

/**
 * One draw of a measurement: the operator and what it observed of the ground truth.
 *
 * @param operator the linear map that was drawn
 * @param values the observations {@code y = A(X*) + noise}
 * @param noise the noise that was added (all zeros when noiseless), kept so that noise norms can be reported
 */
public record Observations(LinearOperator operator, DoubleMatrix1D values, DoubleMatrix1D noise) {

    public Observations {
        requireNonNull(operator, "operator is null");
        requireNonNull(values, "values is null");
        requireNonNull(noise, "noise is null");
        if (values.size() != operator.rangeSize() || noise.size() != operator.rangeSize()) {
            throw new IllegalArgumentException("operator gives " + operator.rangeSize() + " values, got "
                    + values.size() + " values and " + noise.size() + " noise entries");
        }
    }
}
