package org.reconlab.app.arrays;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.reconlab.app.spec.InputFiles;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Problem;
import org.reconlab.core.spi.ProblemFactory;
import org.reconlab.core.spi.Shape;

/**
 * A ground truth loaded from a {@code .npy} file instead of drawn: every trial gets the same signal, and the
 * problem's random stream is left unused. With the {@code truth.npy} that {@code run --save-arrays} wrote and the
 * same seed, measurement, model and optimizer, trial n of repetition r replays the saved trial's numbers, since the
 * other components' streams do not depend on the problem. The truth has no parts.
 */
public final class NpySignalProblem implements Problem {

    private final GroundTruth truth;

    /** @param truth the truth every trial gets; its signal is copied */
    public NpySignalProblem(GroundTruth truth) {
        requireNonNull(truth, "truth is null");
        this.truth = GroundTruth.of(truth.shape(), requireNonNull(truth.signal(), "truth has no signal").copy());
    }

    @Override
    public Shape signalShape() {
        return truth.shape();
    }

    @Override
    public GroundTruth draw(SplittableRandom random) {
        // A copy per trial: the truth is handed to components that must not be able to change another trial's.
        return GroundTruth.of(truth.shape(), truth.signal().copy());
    }

    /** The C-order multi-index of flat position {@code k}, as NumPy prints it: {@code (1, 2)}. */
    private static String multiIndex(long k, int[] shape) {
        long[] index = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = k % shape[d];
            k /= shape[d];
        }
        StringBuilder text = new StringBuilder("(");
        for (int d = 0; d < index.length; d++) {
            text.append(d == 0 ? "" : ", ").append(index[d]);
        }
        return text.append(index.length == 1 ? ",)" : ")").toString();
    }

    /** How to read the array: as a vector, matrix, symmetric matrix or tensor, or by its dimensions. */
    enum Kind {
        AUTO, VECTOR, MATRIX, SYMMETRIC, TENSOR;

        Shape.Kind resolve(NpyArray array) {
            return switch (this) {
                case VECTOR -> Shape.Kind.VECTOR;
                case MATRIX -> Shape.Kind.MATRIX;
                case SYMMETRIC -> Shape.Kind.SYMMETRIC_MATRIX;
                case TENSOR -> Shape.Kind.TENSOR;
                case AUTO -> switch (array.shape().length) {
                    case 1 -> Shape.Kind.VECTOR;
                    case 2 -> isSymmetric(array) ? Shape.Kind.SYMMETRIC_MATRIX : Shape.Kind.MATRIX;
                    case 3 -> Shape.Kind.TENSOR;
                    default -> throw new IllegalArgumentException("an array of shape " + array.describe()
                            + " is no vector, matrix or tensor");
                };
            };
        }

        private static boolean isSymmetric(NpyArray array) {
            try {
                array.toSignal(Shape.Kind.SYMMETRIC_MATRIX);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    public static final class Factory extends DeclaredFactory<Problem> implements ProblemFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.string("path", null, "the .npy file (float64 or any real/integer dtype), absolute or"
                        + " relative to the spec file's directory"),
                Parameter.choice("shape", "auto", List.of("auto", "vector", "matrix", "symmetric", "tensor"),
                        "how to read it; auto: 1-D vector, 2-D matrix (symmetric if exactly so), 3-D tensor"));

        public Factory() {
            super("npy-signal",
                    "a fixed ground truth read from a .npy file (such as a saved trial's truth.npy)",
                    PARAMETERS);
        }

        @Override
        public Problem create(Config config, BuildContext context) {
            Path file;
            try {
                file = context.resolvePath(config.string("path"));
            } catch (InvalidPathException e) {
                throw new ConfigException("path", "'" + InputFiles.printable(config.string("path"))
                        + "' is not a valid path: " + e.getReason());
            }
            NpyArray array;
            try {
                array = NpyFormat.read(file);
            } catch (IOException e) {
                throw new ConfigException("path", e.getMessage());
            }
            if (array.size() == 0) {
                throw new ConfigException("path", file + ": the array of shape " + array.describe() + " has no entries");
            }
            for (long k = 0; k < array.size(); k++) {
                if (!Double.isFinite(array.get(k))) {
                    throw new ConfigException("path", file + ": entry " + k + " (index " + multiIndex(k, array.shape())
                            + " of shape " + array.describe() + ") is " + array.get(k) + "; a ground truth must be finite");
                }
            }
            Kind kind = Kind.valueOf(config.choice("shape").toUpperCase(Locale.ROOT));
            try {
                return new NpySignalProblem(array.toTruth(kind.resolve(array)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("shape", file + ": " + e.getMessage());
            }
        }
    }
}
