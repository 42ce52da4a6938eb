package org.reconlab.core.spi;

/** A differentiable training objective over a model's parameter blocks. */
public interface Objective {

    /** The value at {@code parameters}. */
    double value(Blocks parameters);

    /** Value and gradient at {@code parameters}; the gradient has the same block names and shapes. */
    Evaluation evaluate(Blocks parameters);

    record Evaluation(double value, Blocks gradient) {
    }
}
