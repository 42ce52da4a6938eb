package org.reconlab.core.spi;

/** Receives every iterate of an optimizer; the engine records metrics through it and detects divergence. */
@FunctionalInterface
public interface IterationObserver {

    /**
     * @param iteration 0 for the starting point, then 1, 2, ...
     * @param parameters the current iterate; read it during the call only, the optimizer may update it in place
     * @return {@code true} to go on, {@code false} to stop (divergence, or a stopping rule of the engine)
     */
    boolean observe(int iteration, Blocks parameters);
}
