package org.reconlab.core.spi;

/**
 * Drives a model's parameters: gradient descent, ALS, projected gradient, a convex solver, a closed-form
 * reconstruction. It reports every iterate to the observer and stops when its budget is spent, when it has
 * converged by its own rule, or when the observer says stop.
 */
public interface Optimizer {

    /**
     * Runs from {@code task.parameters()}.
     *
     * @param observer called with iteration 0 (the start) and after every iteration; returning {@code false} stops
     *     the run. The blocks passed last are the result.
     */
    void run(OptimizationTask task, IterationObserver observer);

    /**
     * An estimate of the bytes of workspace one run allocates beyond the model's parameters and gradients (a lifted
     * iterate, a factorization, a history), so that a run can refuse a spec that would not fit in the heap before
     * allocating anything (see {@link Measurement#estimatedBytes()}). The default 0 means "small or unknown".
     */
    default long estimatedBytes() {
        return 0;
    }
}
