package org.reconlab.sketching.measurement;

import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.Shape;

/**
 * The sketch sizes and noise norms of a double sketch of something with n1 rows and n2 columns (a matrix, or the
 * frontal slices of a tensor): {@code 1 <= k <= min(n1, n2)}, {@code k <= l <= n1}, noise norms {@code >= 0}. Matrix
 * and tensor sketches check them here, once.
 *
 * @param rangeNoise {@code ||E1||_F}
 * @param corangeNoise {@code ||E2||_F}
 */
record SketchSizes(int k, int l, double rangeNoise, double corangeNoise) {

    /** @throws IllegalArgumentException if the sizes or norms do not fit an n1 x n2 {@code shape} */
    static void check(int k, int l, double rangeNoise, double corangeNoise, int n1, int n2, Shape shape) {
        if (k < 1 || k > Math.min(n1, n2) || l < k || l > n1) {
            throw new IllegalArgumentException("sketch sizes need 1 <= k <= min(n1, n2) and k <= l <= n1; got k = " + k
                    + ", l = " + l + " for a " + shape);
        }
        if (!(rangeNoise >= 0) || !(corangeNoise >= 0)) {
            throw new IllegalArgumentException("noise norms must be >= 0, got " + rangeNoise + " and " + corangeNoise);
        }
    }

    /**
     * Reads {@code k}, {@code l} (default {@code min(2k + 1, n1)}), {@code range-noise} and {@code corange-noise}.
     *
     * @throws ConfigException naming {@code k} or {@code l} when they do not fit the problem's {@code shape}
     */
    static SketchSizes read(Config config, Shape shape, int n1, int n2, String problemName) {
        int k = config.integer("k");
        if (k > Math.min(n1, n2)) {
            throw new ConfigException("k", "k = " + k + " exceeds min(n1, n2) = " + Math.min(n1, n2) + " of the "
                    + shape + " of problem '" + problemName + "'");
        }
        int l = config.optionalInteger("l").orElse(Math.min(2 * k + 1, n1));
        if (l < k || l > n1) {
            throw new ConfigException("l", "l = " + l + " must be in [k, n1] = [" + k + ", " + n1 + "]");
        }
        return new SketchSizes(k, l, config.real("range-noise"), config.real("corange-noise"));
    }
}
