package org.reconlab.sensing.model;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.jet.math.Functions;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.Objective;
import org.reconlab.core.spi.Observations;
import org.reconlab.sensing.measurement.FactorOperator;

/**
 * {@code weight * ||A(U V^T) - y||^2} evaluated on the factors through a {@link FactorOperator}, never forming a
 * d1 x d2 matrix. With {@code G = 2 weight A*(A(U V^T) - y)} the gradient is {@code (G V, G^T U)}; for the symmetric
 * model ({@code V = U}, one block) it is {@code (G + G^T) U}. Same value and gradient as
 * {@link org.reconlab.core.spi.SquareLossObjective} on the model, at O(m d k) instead of O(m d^2).
 */
final class FactoredSquareLoss implements Objective {

    private final FactorOperator operator;
    private final DoubleMatrix1D y;
    private final double weight;
    private final String u;
    private final String v;

    /**
     * @param v the name of the second factor's block, or {@code null} for the symmetric model {@code U U^T}
     */
    FactoredSquareLoss(Observations observations, double weight, String u, String v) {
        this.operator = (FactorOperator) observations.operator();
        this.y = observations.values();
        this.weight = weight;
        this.u = requireNonNull(u, "u is null");
        this.v = v;
    }

    private DoubleMatrix1D residual(Blocks parameters) {
        DoubleMatrix2D left = parameters.get(u);
        DoubleMatrix2D right = v == null ? left : parameters.get(v);
        DoubleMatrix1D residual = new DenseDoubleMatrix1D(operator.rangeSize());
        operator.applyFactored(left, right, residual);
        for (int i = 0; i < residual.size(); i++) {
            residual.setQuick(i, residual.getQuick(i) - y.getQuick(i));
        }
        return residual;
    }

    @Override
    public double value(Blocks parameters) {
        DoubleMatrix1D residual = residual(parameters);
        return weight * residual.zDotProduct(residual);
    }

    @Override
    public Evaluation evaluate(Blocks parameters) {
        DoubleMatrix2D left = parameters.get(u);
        if (v == null) {
            DoubleMatrix2D gradient = left.like();
            double squared = operator.residualSymmetrizedAdjointTimes(left, y, gradient);
            gradient.assign(Functions.mult(2 * weight));
            return new Evaluation(weight * squared, Blocks.of(u, gradient));
        }
        DoubleMatrix1D residual = residual(parameters);
        double value = weight * residual.zDotProduct(residual);
        DoubleMatrix2D right = parameters.get(v);
        DoubleMatrix2D gradientU = operator.adjointTimes(residual, right);
        gradientU.assign(Functions.mult(2 * weight));
        DoubleMatrix2D gradientV = operator.adjointTransposeTimes(residual, left);
        gradientV.assign(Functions.mult(2 * weight));
        return new Evaluation(value, Blocks.of(u, gradientU, v, gradientV));
    }
}
