package org.reconlab.core.spi;

import java.util.Set;

/**
 * A model whose objective is a min-max game rather than a loss: the blocks it names in {@link #ascentBlocks()} (a
 * discriminator, a dual variable) maximize the objective, every other block minimizes it. Generic min-max optimizers
 * (gradient descent/ascent) read the split from here; single-objective optimizers need not care.
 */
public interface SaddlePointModel extends Model {

    /** Names of the blocks that ascend the objective; the rest descend. */
    Set<String> ascentBlocks();
}
