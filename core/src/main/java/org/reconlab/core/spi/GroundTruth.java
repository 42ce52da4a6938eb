package org.reconlab.core.spi;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.Optional;

/**
 * What a problem draws: the signal to recover and the parts it was built from.
 *
 * @param shape what {@code signal} holds (see {@link Shape} for how vectors and tensors are laid out)
 * @param signal the object to recover ({@code X*}, {@code w*}, the tensor), or {@code null} when the truth is a
 *     function ({@link Shape.Kind#FUNCTION}) described by {@code parts} alone
 * @param parts the factors or weights behind the signal ({@code U*}; {@code h}, {@code m}; a network's layers)
 */
public record GroundTruth(Shape shape, DoubleMatrix2D signal, Blocks parts) {

    public GroundTruth {
        requireNonNull(shape, "shape is null");
        requireNonNull(parts, "parts is null");
        if (signal == null && shape.kind() != Shape.Kind.FUNCTION) {
            throw new IllegalArgumentException("a " + shape + " ground truth needs a signal");
        }
        if (signal != null && (signal.rows() != shape.rows() || signal.columns() != shape.columns() * shape.depth())) {
            throw new IllegalArgumentException("signal is " + signal.rows() + " x " + signal.columns()
                    + ", shape says " + shape);
        }
    }

    public static GroundTruth of(Shape shape, DoubleMatrix2D signal) {
        return new GroundTruth(shape, signal, Blocks.builder().build());
    }

    public Optional<DoubleMatrix2D> signalIfPresent() {
        return Optional.ofNullable(signal);
    }
}
