package org.reconlab.networks.relu;

import java.util.Locale;
import java.util.random.RandomGenerator;

/** The symmetric distributions a random network's biases are drawn from, each with a scale {@code s}. */
public enum BiasDistribution {
    /** All biases zero; the network is then positively homogeneous. */
    ZERO,
    /** {@code N(0, s^2)}. */
    GAUSSIAN,
    /** Uniform on {@code [-s, s]}. */
    UNIFORM,
    /** {@code +s} or {@code -s} with probability 1/2 each. */
    RADEMACHER;

    /** The spec name, e.g. {@code gaussian}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BiasDistribution fromSpecName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** One draw with scale {@code scale}. */
    public double draw(double scale, RandomGenerator random) {
        return switch (this) {
            case ZERO -> 0.0;
            case GAUSSIAN -> scale * random.nextGaussian();
            case UNIFORM -> scale * (2 * random.nextDouble() - 1);
            case RADEMACHER -> random.nextBoolean() ? scale : -scale;
        };
    }
}
