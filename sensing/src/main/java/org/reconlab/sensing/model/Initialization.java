package org.reconlab.sensing.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How a factorized model draws its starting factors (docs/science.md §1). */
public enum Initialization {
    /** {@code alpha} times a Gaussian matrix with N(0, 1) entries, scaled by {@code 1/sqrt(k)}. */
    SMALL_RANDOM,
    /** {@code alpha} times the identity (ones on the leading diagonal when the factor is not square). */
    IDENTITY,
    /** From the top eigenpairs (or singular triples) of {@code A*(y)}; the scale is not used. */
    SPECTRAL;

    /** The spec name, such as {@code small-random}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Initialization fromSpecName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public static List<String> specNames() {
        return Arrays.stream(values()).map(Initialization::specName).toList();
    }
}
