package org.reconlab.core.operator;

import org.reconlab.core.spi.LinearOperator;

/**
 * A linear operator that can hand out the operator made of some of its observations, cheaply (without applying the
 * whole operator). Mini-batch methods use it; {@link RowSubsetOperator#restrict} works for any operator.
 */
public interface RestrictableOperator extends LinearOperator {

    /**
     * The operator whose observation t is observation {@code rows[t]} of this one, unscaled: its rows are exactly
     * these rows of this operator.
     */
    LinearOperator restrict(int[] rows);
}
