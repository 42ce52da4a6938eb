package org.reconlab.core.optim;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.Objective;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.SaddlePointModel;
import org.reconlab.core.spi.Shape;

/**
 * Test fixtures with closed-form dynamics: a diagonal quadratic {@code f(x) = 1/2 sum_i c_i x_i^2} (gradient flow
 * {@code x_i(t) = e^{-c_i t} x_i(0)}) and the bilinear-quadratic game
 * {@code h(x, y) = a/2 x^2 + b x y - c/2 y^2} (unique saddle point at 0), as a model with block {@code x} descending
 * and {@code y} ascending.
 */
final class QuadraticGame implements SaddlePointModel {

    static Blocks column(String name, double... values) {
        DoubleMatrix2D block = new DenseDoubleMatrix2D(values.length, 1);
        block.viewColumn(0).assign(values);
        return Blocks.of(name, block);
    }

    static Objective diagonalQuadratic(double... curvatures) {
        return new Objective() {
            @Override
            public double value(Blocks parameters) {
                DoubleMatrix2D x = parameters.get("x");
                double sum = 0;
                for (int i = 0; i < curvatures.length; i++) {
                    sum += curvatures[i] * x.getQuick(i, 0) * x.getQuick(i, 0) / 2;
                }
                return sum;
            }

            @Override
            public Evaluation evaluate(Blocks parameters) {
                DoubleMatrix2D x = parameters.get("x");
                DoubleMatrix2D g = x.like();
                for (int i = 0; i < curvatures.length; i++) {
                    g.setQuick(i, 0, curvatures[i] * x.getQuick(i, 0));
                }
                return new Evaluation(value(parameters), Blocks.of("x", g));
            }
        };
    }

    final double a;
    final double b;
    final double c;

    QuadraticGame(double a, double b, double c) {
        this.a = a;
        this.b = b;
        this.c = c;
    }

    Objective objective() {
        return new Objective() {
            @Override
            public double value(Blocks parameters) {
                double x = parameters.get("x").getQuick(0, 0);
                double y = parameters.get("y").getQuick(0, 0);
                return a / 2 * x * x + b * x * y - c / 2 * y * y;
            }

            @Override
            public Evaluation evaluate(Blocks parameters) {
                double x = parameters.get("x").getQuick(0, 0);
                double y = parameters.get("y").getQuick(0, 0);
                DoubleMatrix2D gx = new DenseDoubleMatrix2D(1, 1);
                DoubleMatrix2D gy = new DenseDoubleMatrix2D(1, 1);
                gx.setQuick(0, 0, a * x + b * y);
                gy.setQuick(0, 0, b * x - c * y);
                return new Evaluation(value(parameters), Blocks.of("x", gx, "y", gy));
            }
        };
    }

    @Override
    public Set<String> ascentBlocks() {
        return Set.of("y");
    }

    @Override
    public Shape signalShape() {
        return Shape.vector(2);
    }

    @Override
    public Blocks initialize(Optional<Observations> observations, SplittableRandom random) {
        DoubleMatrix2D x = new DenseDoubleMatrix2D(1, 1);
        DoubleMatrix2D y = new DenseDoubleMatrix2D(1, 1);
        x.setQuick(0, 0, 1);
        y.setQuick(0, 0, 1);
        return Blocks.of("x", x, "y", y);
    }

    @Override
    public DoubleMatrix2D signal(Blocks parameters) {
        DoubleMatrix2D signal = new DenseDoubleMatrix2D(2, 1);
        signal.setQuick(0, 0, parameters.get("x").getQuick(0, 0));
        signal.setQuick(1, 0, parameters.get("y").getQuick(0, 0));
        return signal;
    }

    @Override
    public Blocks pullback(Blocks parameters, DoubleMatrix2D signalGradient) {
        throw new UnsupportedOperationException("the game's objective is given directly");
    }
}
