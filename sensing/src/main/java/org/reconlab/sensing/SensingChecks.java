package org.reconlab.sensing;

import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.Shape;

/**
 * The compatibility checks the sensing factories share, each failing with a message that names the component, what it
 * needs and what the problem or spec offers.
 */
public final class SensingChecks {

    private SensingChecks() {
    }

    /**
     * The problem's signal shape, which must be a matrix (general or symmetric).
     *
     * @param what the component and what it does, such as {@code model 'full-matrix' holds a matrix}
     */
    public static Shape requireMatrix(BuildContext context, String what) {
        Shape truth = context.signalShape();
        if (truth.kind() != Shape.Kind.MATRIX && truth.kind() != Shape.Kind.SYMMETRIC_MATRIX) {
            throw mismatch(context, what, truth);
        }
        return truth;
    }

    /** The problem's signal shape, which must be a symmetric matrix. */
    public static Shape requireSymmetric(BuildContext context, String what) {
        Shape truth = context.signalShape();
        if (truth.kind() != Shape.Kind.SYMMETRIC_MATRIX) {
            throw mismatch(context, what, truth);
        }
        return truth;
    }

    private static ConfigException mismatch(BuildContext context, String what, Shape truth) {
        return ConfigException.incompatible(what + ", but problem '" + context.problemName() + "' draws a " + truth);
    }
}
