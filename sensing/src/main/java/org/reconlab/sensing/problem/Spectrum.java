package org.reconlab.sensing.problem;

import java.util.List;
import java.util.Locale;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.Parameter;

/**
 * The r nonzero eigenvalues or singular values of a planted low-rank truth, from 1 down to {@code 1/kappa}, and the
 * two spec parameters that choose them ({@code condition-number}, {@code spacing}).
 */
public final class Spectrum {

    /** How the values are spread between 1 and {@code 1/kappa}. */
    public enum Spacing {
        GEOMETRIC, LINEAR
    }

    static final Parameter CONDITION_NUMBER = Parameter.real("condition-number", 1.0, 1.0, Double.MAX_VALUE,
            "kappa, the ratio of the largest to the smallest nonzero eigen- or singular value; they run from 1 to 1/kappa");

    static final Parameter SPACING = Parameter.choice("spacing", "geometric", List.of("geometric", "linear"),
            "how the r values are spread between 1 and 1/kappa");

    private Spectrum() {
    }

    /**
     * The values {@code s_j} (j = 1..r): geometric, {@code kappa^(-(j-1)/(r-1))}, or linear,
     * {@code 1 - (j-1)/(r-1) (1 - 1/kappa)}; all 1 when r = 1.
     */
    public static double[] of(int rank, double kappa, Spacing spacing) {
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

    /** The spectrum a factory's {@link #CONDITION_NUMBER} and {@link #SPACING} values ask for. */
    static double[] fromConfig(int rank, Config config) {
        Spacing spacing = Spacing.valueOf(config.choice(SPACING.name()).toUpperCase(Locale.ROOT));
        return of(rank, config.real(CONDITION_NUMBER.name()), spacing);
    }
}
