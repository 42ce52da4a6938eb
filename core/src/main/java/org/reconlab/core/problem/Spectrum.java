package org.reconlab.core.problem;

import java.util.List;
import java.util.Locale;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.Parameter;

/**
 * The planted singular values (or eigenvalues) of a low-rank ground truth, and the spec parameters that choose them.
 * The head holds the r values of the low-rank part, from 1 down to {@code 1/kappa}; a near-low-rank matrix adds a
 * tail over further directions, scaled to a given Frobenius norm. The tail profiles follow the synthetic test spectra
 * of Tropp, Yurtsever, Udell and Cevher (2017): flat (a noise floor), polynomial {@code (j+1)^-p} and exponential
 * {@code 10^(-q j)} for the j-th tail value, j = 1, 2, ...
 */
public final class Spectrum {

    /** How the head values are spread between 1 and {@code 1/kappa}. */
    public enum Spacing {
        GEOMETRIC, LINEAR
    }

    /** Profile of the tail before it is scaled to its Frobenius norm. */
    public enum Tail {
        NONE, FLAT, POLYNOMIAL, EXPONENTIAL
    }

    public static final Parameter CONDITION_NUMBER = Parameter.real("condition-number", 1.0, 1.0, Double.MAX_VALUE,
            "kappa, the ratio of the largest to the smallest value of the head; it runs from 1 to 1/kappa");

    public static final Parameter SPACING = Parameter.choice("spacing", "geometric", List.of("geometric", "linear"),
            "how the r values of the head are spread between 1 and 1/kappa");

    public static final Parameter TAIL = Parameter.choice("tail", "none",
            List.of("none", "flat", "polynomial", "exponential"), "profile of the singular values beyond the rank");

    public static final Parameter TAIL_NORM = Parameter.real("tail-norm", 0.1, 0.0, Double.MAX_VALUE,
            "Frobenius norm of the tail, the best rank-r error ||X - [[X]]_r||_F");

    public static final Parameter TAIL_DECAY = Parameter.real("tail-decay", 1.0, Double.MIN_VALUE, Double.MAX_VALUE,
            "p of a polynomial tail (j+1)^-p, q of an exponential tail 10^(-q j)");

    private Spectrum() {
    }

    /**
     * The head values {@code s_j} (j = 1..r): geometric, {@code kappa^(-(j-1)/(r-1))}, or linear,
     * {@code 1 - (j-1)/(r-1) (1 - 1/kappa)}; all 1 when r = 1.
     */
    public static double[] of(int rank, double kappa, Spacing spacing) {
        if (rank < 1 || !(kappa >= 1)) {
            throw new IllegalArgumentException("need rank >= 1 and kappa >= 1, got rank " + rank + ", kappa " + kappa);
        }
        double[] values = new double[rank];
        for (int j = 0; j < rank; j++) {
            double t = rank == 1 ? 0 : (double) j / (rank - 1);
            values[j] = switch (spacing) {
                case GEOMETRIC -> Math.pow(kappa, -t);
                case LINEAR -> 1 - t * (1 - 1 / kappa);
            };
        }
        return values;
    }

    /**
     * {@code length} tail values of the given profile, scaled so that their Euclidean norm is {@code norm}; empty for
     * {@link Tail#NONE}.
     */
    public static double[] tail(int length, Tail tail, double norm, double decay) {
        if (tail == Tail.NONE) {
            return new double[0];
        }
        double[] values = new double[length];
        double squared = 0;
        for (int j = 1; j <= length; j++) {
            double value = switch (tail) {
                case NONE -> 0;
                case FLAT -> 1;
                case POLYNOMIAL -> Math.pow(j + 1, -decay);
                case EXPONENTIAL -> Math.pow(10, -decay * j);
            };
            values[j - 1] = value;
            squared += value * value;
        }
        double scale = squared > 0 ? norm / Math.sqrt(squared) : 0;
        for (int j = 0; j < length; j++) {
            values[j] *= scale;
        }
        return values;
    }

    /** The head that a factory's {@link #CONDITION_NUMBER} and {@link #SPACING} values ask for. */
    public static double[] headFromConfig(int rank, Config config) {
        Spacing spacing = Spacing.valueOf(config.choice(SPACING.name()).toUpperCase(Locale.ROOT));
        return of(rank, config.real(CONDITION_NUMBER.name()), spacing);
    }

    /** The tail of {@code length} values that a factory's {@link #TAIL}, {@link #TAIL_NORM}, {@link #TAIL_DECAY} ask for. */
    public static double[] tailFromConfig(int length, Config config) {
        Tail tail = Tail.valueOf(config.choice(TAIL.name()).toUpperCase(Locale.ROOT));
        return tail(length, tail, config.real(TAIL_NORM.name()), config.real(TAIL_DECAY.name()));
    }
}
