package org.reconlab.core.spi;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;

/**
 * {@code f(theta) = weight * ||A(model(theta)) - y||^2}, with gradient
 * {@code pullback(theta, 2 weight A*(A(model(theta)) - y))}. Weight 1/2 is the usual least squares; the
 * over-parameterized sensing literature (Li, Ma and Zhang 2018) uses 1/4 for {@code X = U U^T}.
 */
public final class SquareLossObjective implements Objective {

    private final Model model;
    private final Observations observations;
    private final double weight;

    public SquareLossObjective(Model model, Observations observations, double weight) {
        this.model = requireNonNull(model, "model is null");
        this.observations = requireNonNull(observations, "observations is null");
        if (!(weight > 0)) {
            throw new IllegalArgumentException("weight must be > 0, got " + weight);
        }
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }

    @Override
    public double value(Blocks parameters) {
        DoubleMatrix1D predicted = observations.operator().apply(model.signal(parameters));
        DoubleMatrix1D y = observations.values();
        double squared = 0;
        for (int i = 0; i < predicted.size(); i++) {
            double r = predicted.getQuick(i) - y.getQuick(i);
            squared += r * r;
        }
        return weight * squared;
    }

    @Override
    public Evaluation evaluate(Blocks parameters) {
        DoubleMatrix2D signal = model.signal(parameters);
        DoubleMatrix2D signalGradient = signal.like();
        double squared = observations.operator().residualAdjoint(signal, observations.values(), signalGradient);
        signalGradient.assign(cern.jet.math.Functions.mult(2 * weight));
        return new Evaluation(weight * squared, model.pullback(parameters, signalGradient));
    }
}
